/**
 * The Content-Type of each kind of file the built site has, by extension. `npm run serve:production`
 * (src/server/production.ts) answers with this table; nginx (deploy/nginx.conf) has Debian's
 * /etc/nginx/mime.types, and the deploy kit adds there the types that list lacks
 * (NOT_IN_NGINX_MIME_TYPES), from this table.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // The open data's maps (RFC 7946: UTF-8 by definition, no charset parameter).
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Extensions of the site Debian's mime.types has no type for: the nginx kit names them itself. */
export const NOT_IN_NGINX_MIME_TYPES = ['.geojson'] as const;

/** The Content-Type for a file name's extension (`.geojson`), or a download's when unknown. */
export function contentTypeOf(extension: string): string {
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
