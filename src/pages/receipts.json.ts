import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { receiptLookupFile } from '../lib/tips/receipts';

/** /receipts.json — public tip statuses by lookup key, built from content/receipts.yaml. */
export const GET: APIRoute = async () => {
  const entries = (await getCollection('receipts')).map((entry) => entry.data);
  return new Response(JSON.stringify(receiptLookupFile(entries)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
