/**
 * The production server (src/server/production.ts) over a small built site: the Content-Type of
 * each kind of file (src/server/content-types.ts), and the methods the tip line refuses.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIP_ERRORS } from '../../src/lib/tips/errors';
import { CONTENT_TYPES, NOT_IN_NGINX_MIME_TYPES } from '../../src/server/content-types';
import { startProductionServer, type RunningServer } from './support/production-server';

let origin: string;
let server: RunningServer;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'prod-types-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>404</title>');
  writeFileSync(join(dist, 'village.geojson'), '{"type":"FeatureCollection","features":[]}');
  writeFileSync(join(dist, 'data.json'), '{}');
  writeFileSync(join(dist, 'unknown.bin'), 'x');
  server = await startProductionServer(dist, '/');
  origin = server.origin;
});
afterAll(() => server.stop());

describe('the production server’s file types', () => {
  it('serves the open data’s maps as GeoJSON, JSON as JSON, the unknown as bytes', async () => {
    for (const [file, type] of [
      ['/village.geojson', 'application/geo+json'],
      ['/data.json', 'application/json; charset=utf-8'],
      ['/unknown.bin', 'application/octet-stream'],
    ]) {
      const res = await fetch(`${origin}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toBe(type);
      await res.body?.cancel();
    }
  });

  it('nginx gets the types its mime.types lacks from the same table', () => {
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    for (const extension of NOT_IN_NGINX_MIME_TYPES) {
      expect(conf).toContain(`location ~ \\${extension}$ {\n            default_type ${CONTENT_TYPES[extension]};`);
    }
  });
});

describe('the production server’s methods on the tip line', () => {
  it('PUT, DELETE and TRACE on /api/tips: 405 in the function’s JSON, with a reason and Allow', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE']) {
      const res = await fetchRaw(`${origin}/api/tips`, method);
      expect(res.status, method).toBe(405);
      expect(res.headers['content-type'], method).toBe('application/json; charset=utf-8');
      expect(res.headers['cache-control'], method).toBe('no-store');
      expect(res.headers['allow'], method).toMatch(/POST/);
      expect(JSON.parse(res.body), method).toEqual({
        code: 'method_not_allowed',
        message: TIP_ERRORS.method_not_allowed.message,
      });
    }
  });
});

/** node:http, which (unlike fetch) sends TRACE too. */
function fetchRaw(
  url: string,
  method: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
