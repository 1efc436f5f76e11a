/**
 * Serves the built site the way Netlify would, offline: static files from dist/ with the
 * headers of netlify.toml, the functions in netlify/functions/, and a local Netlify Blobs
 * store under .netlify/ — all through Netlify's own @netlify/dev.
 *
 *   PORT=8888 node scripts/serve.mjs      (npm start builds first, then runs this)
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NetlifyDev } from '@netlify/dev';

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

const server = createServer(async (req, res) => {
  try {
    const match = await netlify.handleAndIntrospectNodeRequest(req);
    if (!match) {
      // Netlify answers a missing path with 404.html and the headers of netlify.toml (CSP,
      // nosniff…): ask NetlifyDev for that page so its headers come along.
      const page = await netlify.handle(new Request(new URL('/404.html', `http://${host}:${port}`)));
      res.statusCode = 404;
      page?.headers.forEach((value, key) => res.setHeader(key, value));
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page?.ok ? Buffer.from(await page.arrayBuffer()) : notFound);
      return;
    }
    const { response } = match;
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (response.body) Readable.fromWeb(response.body).pipe(res);
    else res.end();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('服务器错误');
  }
});

server.listen(port, host, () => console.log(`站点已启动：http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close();
    await netlify.stop();
    process.exit(0);
  });
}
