/**
 * The edges of the local server (scripts/serve.mjs, which Playwright's webServer runs over the
 * build): methods the site does not serve (pages answered in text, the API in the functions' JSON),
 * and a tip body that is not UTF-8, answered by the served tip function itself.
 */
import { connect } from 'node:net';
import { expect, test, type APIResponse } from '@playwright/test';
import { TIP_ERRORS } from '../../src/lib/tips/errors';

const ALLOW = 'GET, HEAD, POST';

function expectMethodNotAllowed(response: APIResponse, label: string) {
  expect(response.status(), label).toBe(405);
  const headers = response.headers();
  expect(headers['allow'], label).toBe(ALLOW);
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['content-security-policy'], label).toContain("default-src 'self'");
  expect(headers['cache-control'], label).toBe('no-store');
  expect(headers['set-cookie'], label).toBeUndefined();
}

const METHODS = ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'];

test('TRACE and the other methods the site does not serve → 405 with Allow, on pages', async ({ request }) => {
  for (const method of METHODS) {
    for (const path of ['/', '/report/', '/no-such-page/']) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expectMethodNotAllowed(response, `${method} ${path}`);
      expect(await response.text()).toBe('不支持这种请求方式。');
    }
  }
});

test('…and under /api/, the functions’ own 405: JSON with a reason, and Allow', async ({ request }) => {
  // Each answer is a function invocation (seconds each in NetlifyDev): a sample of methods and paths.
  test.setTimeout(90_000);
  for (const [method, path, allow] of [
    ['PUT', '/api/tips', 'POST'],
    ['DELETE', '/api/tips', 'POST'],
    ['OPTIONS', '/api/tips/challenge', 'GET'],
    // No function can be handed TRACE (a web Request cannot carry it), nor serves this path.
    ['TRACE', '/api/tips', ALLOW],
    ['PROPFIND', '/api/no-such-function', ALLOW],
  ] as const) {
    const label = `${method} ${path}`;
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    expect(response.status(), label).toBe(405);
    const headers = response.headers();
    expect(headers['allow'], label).toBe(allow);
    expect(headers['content-type'], label).toBe('application/json; charset=utf-8');
    expect(headers['cache-control'], label).toBe('no-store');
    expect(headers['x-content-type-options'], label).toBe('nosniff');
    expect(headers['content-security-policy'], label).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers['set-cookie'], label).toBeUndefined();
    expect(await response.json(), label).toEqual({
      code: 'method_not_allowed',
      message: TIP_ERRORS.method_not_allowed.message,
    });
  }
});

test('CONNECT → 405 with Allow', async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const head = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`CONNECT ${hostname}:443 HTTP/1.1\r\nhost: ${hostname}:443\r\n\r\n`);
    });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
  expect(head).toMatch(/^HTTP\/1\.1 405 /);
  expect(head).toMatch(new RegExp(`^allow: ${ALLOW}\r$`, 'mi'));
});

test('the methods the site serves still reach it: GET and HEAD pages, POST and GET to the functions', async ({
  request,
}) => {
  expect((await request.get('/')).status()).toBe(200);
  expect((await request.head('/report/')).status()).toBe(200);
  const refused = await request.post('/api/tips', { data: '{}', headers: { 'content-type': 'application/json' } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { code: string }).code).toBe('invalid_envelope');
  // A wrong one of those methods on a function's path is the function's to answer.
  const wrong = await request.get('/api/tips');
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()['allow']).toBe('POST');
  expect(((await wrong.json()) as { code: string }).code).toBe('method_not_allowed');
});

test('invalid UTF-8 in a tip body → the function refuses it as unreadable (400 invalid_json)', async ({ request }) => {
  // Valid JSON once the 0xFF is replaced by U+FFFD: a lenient decoding would reach the envelope
  // check (invalid_envelope); the strict one refuses the body before JSON.parse.
  const body = Buffer.concat([Buffer.from('{"version":1,"ciphertext":"'), Buffer.from([0xff]), Buffer.from('"}')]);
  const response = await request.post('/api/tips', { data: body, headers: { 'content-type': 'application/json' } });
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toEqual({ code: 'invalid_json', message: TIP_ERRORS.invalid_json.message });
});
