/**
 * Serves the built site the way Netlify would, offline: static files from dist/ with the
 * headers of netlify.toml, the functions in netlify/functions/, and a local Netlify Blobs
 * store under .netlify/ — all through Netlify's own @netlify/dev.
 *
 *   PORT=8888 node scripts/serve.mjs      (npm start builds first, then runs this)
 *   PORT=0 node scripts/serve.mjs         any free port (the address is printed)
 *
 * The site serves GET and HEAD (pages, files) and POST (the tip line); any other method is
 * answered 405 here, before NetlifyDev (whose web Request cannot even carry TRACE or CONNECT).
 * Under /api/ the functions answer a wrong method themselves, in JSON with a reason and Allow
 * (PUT /api/tips → 405, as on Netlify and under `npm run serve:production`); a method no function
 * can be handed (TRACE, TRACK), or a path no function serves, gets that same JSON answer here.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NetlifyDev } from '@netlify/dev';
import { tsImport } from 'tsx/esm/api';

/** The functions' own error answer (JSON, their headers): netlify/functions/_lib/http.ts. */
const { errorResponse } = await tsImport('../netlify/functions/_lib/http.ts', import.meta.url);

const port = Number(process.env.PORT ?? 8888);
const host = process.env.HOST ?? '127.0.0.1';

const netlify = new NetlifyDev({
  projectRoot: process.cwd(),
  // Offline: these features would reach Netlify's API or wait on the network.
  edgeFunctions: { enabled: false },
  database: { enabled: false },
  geolocation: { enabled: false },
  aiGateway: { enabled: false },
  images: { enabled: false },
  environmentVariables: { enabled: false },
  staticFiles: { enabled: true, directories: ['dist'] },
});
await netlify.start();

const notFound = await readFile('dist/404.html').catch(() => Buffer.from('Not found'));

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];
const ALLOW = ALLOWED_METHODS.join(', ');
const METHOD_NOT_ALLOWED = '不支持这种请求方式。';
const API_PREFIX = '/api/';
/** Methods the Fetch standard forbids in a Request: no function can be handed one. */
const UNCARRIED_METHODS = ['CONNECT', 'TRACE', 'TRACK'];

/** A web Response onto Node's response. */
function sendResponse(res, response) {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  if (response.body) Readable.fromWeb(response.body).pipe(res);
  else res.end();
}

/** The 404 page through NetlifyDev, so it carries the headers of netlify.toml (CSP, nosniff…). */
const notFoundPage = () => netlify.handle(new Request(new URL('/404.html', `http://${host}:${port}`)));

/** Those headers without the ones that describe the 404 page's own body. */
async function siteHeaders() {
  const page = await notFoundPage();
  await page?.body?.cancel();
  const headers = new Headers(page?.headers);
  for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'age'])
    headers.delete(name);
  return headers;
}

const server = createServer(async (req, res) => {
  try {
    const method = req.method ?? '';
    if (
      !ALLOWED_METHODS.includes(method) &&
      new URL(req.url ?? '/', 'http://localhost').pathname.startsWith(API_PREFIX)
    ) {
      const match = UNCARRIED_METHODS.includes(method) ? undefined : await netlify.handleAndIntrospectNodeRequest(req);
      sendResponse(res, match?.response ?? errorResponse('method_not_allowed', { allow: ALLOW }));
      return;
    }
    if (!ALLOWED_METHODS.includes(method)) {
      (await siteHeaders()).forEach((value, key) => res.setHeader(key, value));
      res.writeHead(405, { allow: ALLOW, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' });
      res.end(METHOD_NOT_ALLOWED);
      return;
    }
    const match = await netlify.handleAndIntrospectNodeRequest(req);
    if (!match) {
      // Netlify answers a missing path with 404.html and the headers of netlify.toml: ask
      // NetlifyDev for that page so its headers come along.
      const page = await notFoundPage();
      res.statusCode = 404;
      page?.headers.forEach((value, key) => res.setHeader(key, value));
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page?.ok ? Buffer.from(await page.arrayBuffer()) : notFound);
      return;
    }
    sendResponse(res, match.response);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('服务器错误');
  }
});

// CONNECT never reaches the request handler: Node hands over the raw socket.
server.on('connect', (_req, socket) => {
  const body = Buffer.from(METHOD_NOT_ALLOWED);
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nallow: ${ALLOW}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
      `content-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
  );
});

server.listen(port, host, () => console.log(`站点已启动：http://${host}:${server.address().port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close();
    await netlify.stop();
    process.exit(0);
  });
}
