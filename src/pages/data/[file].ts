import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataBody, openDataPaths } from './_files';

const TYPES = {
  JSON: 'application/json; charset=utf-8',
  CSV: 'text/csv; charset=utf-8',
  GeoJSON: 'application/geo+json; charset=utf-8',
} as const;

export const getStaticPaths: GetStaticPaths = async () =>
  (await openDataPaths()).map((path) => ({ params: { file: path.slice('/data/'.length) } }));

/** Serves exactly the string whose SHA-256 /data/ lists. */
export const GET: APIRoute = async ({ params }) => {
  const file = await openDataBody(`/data/${params.file}`);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.body, { headers: { 'content-type': TYPES[file.format] } });
};
