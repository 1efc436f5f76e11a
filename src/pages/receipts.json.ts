import type { APIRoute } from 'astro';
import { getPublishedContent } from '../data/content';
import { receiptLookupFile } from '../lib/tips/receipts';

/** /receipts.json — public tip statuses by lookup key, built from content/receipts.yaml. */
export const GET: APIRoute = async () => {
  const { receipts } = await getPublishedContent();
  return new Response(JSON.stringify(receiptLookupFile(receipts)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
