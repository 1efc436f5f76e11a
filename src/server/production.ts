/**
 * The production server for hosts without Netlify (`npm run serve:production`, see
 * src/server/main.ts and docs/deploying.md): plain `node:http`, no framework. It
 *
 *   - mounts every function of netlify/functions/ that has a `config.path`, at that path, as the
 *     same module Netlify runs (scheduled functions are skipped: the sweep runs from a systemd
 *     timer, `npm run office -- tips sweep`);
 *   - serves the built site from dist/ under SITE_BASE, with the headers of src/server/headers.ts
 *     (the same source as netlify.toml's and deploy/nginx.conf's), and dist/404.html for anything
 *     missing.
 *
 * Behind nginx (deploy/nginx.conf) it only sees `/api/…`; run alone it serves everything.
 *
 * What a function gets of a request: the method, the URL path, `content-type`, `content-length`
 * and the body. No other header (no user agent, no cookie, no forwarded address) and no client
 * address reach it, and this server logs no request.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Context } from '@netlify/functions';
import { errorResponse } from '../../netlify/functions/_lib/http';
import { sitePath, withoutBase } from '../lib/site-path';
import { contentTypeOf } from './content-types';
import { API_PREFIX, HEADER_RULES, headersFor } from './headers';

export type Handler = (req: Request, context: Context) => Response | Promise<Response>;

export interface Route {
  path: string;
  name: string;
  handler: Handler;
}

/** The methods the site answers: GET and HEAD (pages, files), POST (the tip line). */
export const SITE_METHODS = 'GET, HEAD, POST';
/** Methods the Fetch standard forbids in a Request: no function can be handed one. */
const UNCARRIED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Headers a function may read; everything else the browser sent stays out of its Request. */
const FORWARDED_HEADERS = ['content-type', 'content-length'] as const;

/** What the server reads of a function module: its handler and its `config`. */
export interface FunctionModule {
  default?: unknown;
  config?: { path?: string | string[]; schedule?: string };
}

/**
 * The routes of function modules, by file name (src/server/functions.ts lists netlify/functions/):
 * those that answer HTTP (a `config.path`). Netlify's path patterns (`*`, `:param`) are not
 * supported: a function using one is refused at start-up.
 */
export function functionRoutes(modules: Record<string, FunctionModule>): Route[] {
  const routes: Route[] = [];
  for (const file of Object.keys(modules).sort()) {
    const module = modules[file]!;
    const paths = module.config?.path;
    if (typeof module.default !== 'function' || paths === undefined) continue;
    for (const path of Array.isArray(paths) ? paths : [paths]) {
      if (!path.startsWith('/') || /[*:]/.test(path)) {
        throw new Error(`function ${file}: path ${path} is a pattern; serve:production mounts literal paths only`);
      }
      routes.push({ path, name: file.replace(/\.[^.]+$/, ''), handler: module.default as Handler });
    }
  }
  return routes;
}

/** The routes of the functions of a folder, imported from disk (the tests: a folder of their own). */
export async function loadFunctionRoutes(directory: string): Promise<Route[]> {
  const files = (await readdir(directory)).filter((f) => /\.(mts|mjs|ts|js)$/.test(f));
  const modules: Record<string, FunctionModule> = {};
  for (const file of files) {
    modules[file] = (await import(pathToFileURL(join(directory, file)).href)) as FunctionModule;
  }
  return functionRoutes(modules);
}

export interface ProductionOptions {
  /** The built site (dist/). */
  dist: string;
  /** SITE_BASE the site was built with: `/` or `/nanzhuang/yinhuan/`. */
  base: string;
  routes: Route[];
}

/** What a function sees of the platform: the deploy is production (a missing key is refused, never replaced). */
const CONTEXT = { deploy: { context: 'production', id: 'self-hosted', published: true } } as unknown as Context;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(body);
}

function toRequest(req: IncomingMessage, path: string, search: string): Request {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`http://localhost${path}${search}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  });
}

async function answer(res: ServerResponse, response: Response, extra: Record<string, string>, head: boolean) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  // The rules naming API paths (Cache-Control…) win over the function's own value, one header each.
  for (const [name, value] of Object.entries(extra)) {
    for (const existing of Object.keys(headers))
      if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    headers[name] = value;
  }
  res.writeHead(response.status, headers);
  if (head || !response.body) {
    res.end();
    await response.body?.cancel();
    return;
  }
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(res);
}

/** Rules written for the API paths only (not `/*`, the static files'): the functions set their own CSP. */
export const API_RULES = HEADER_RULES.filter((rule) => rule.for.startsWith(API_PREFIX));
const apiHeaders = (path: string) => headersFor(path, API_RULES);

async function fileAt(
  dist: string,
  sitePathname: string,
): Promise<{ file: string } | { redirect: string } | undefined> {
  const target = resolve(dist, `.${sitePathname}`);
  if (target !== dist && !target.startsWith(dist + sep)) return undefined;
  const candidate = sitePathname.endsWith('/') ? join(target, 'index.html') : target;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return { file: candidate };
  if (!sitePathname.endsWith('/') && info?.isDirectory()) {
    const index = await stat(join(candidate, 'index.html')).catch(() => undefined);
    if (index?.isFile()) return { redirect: `${sitePathname}/` };
  }
  return undefined;
}

async function serveFile(
  res: ServerResponse,
  file: string,
  status: number,
  headers: Record<string, string>,
  head: boolean,
) {
  const info = await stat(file);
  res.writeHead(status, {
    'content-type': contentTypeOf(extname(file)),
    'content-length': String(info.size),
    'cache-control': 'public, max-age=0, must-revalidate',
    ...lowerCased(headers),
  });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).on('end', done).pipe(res);
  });
}

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

export function createProductionServer(options: ProductionOptions): Server {
  const dist = resolve(options.dist);
  const routes = new Map(options.routes.map((r) => [r.path, r]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, '请求地址无效');
      return;
    }
    if (pathname.includes('\0')) {
      send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, '请求地址无效');
      return;
    }
    // Behind nginx the API arrives without the base (nginx strips it); alone, with it.
    const site = withoutBase(pathname, options.base) ?? (pathname.startsWith(API_PREFIX) ? pathname : undefined);

    const route = site === undefined ? undefined : routes.get(site);
    if (route && site !== undefined) {
      // A web Request cannot carry TRACE, TRACK or CONNECT: refused here, as the functions refuse a method.
      const response = UNCARRIED_METHODS.has(method.toUpperCase())
        ? errorResponse('method_not_allowed', { allow: SITE_METHODS })
        : await route.handler(toRequest(req, site, url.search), CONTEXT);
      await answer(res, response, apiHeaders(site), method === 'HEAD');
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, '不支持的请求方法');
      return;
    }
    if (options.base !== '/' && pathname === options.base.slice(0, -1)) {
      send(res, 301, { location: `${options.base}${url.search}` });
      return;
    }
    if (site === undefined) {
      // Outside the base path: the site's home for `/`, nothing else.
      if (pathname === '/') {
        send(res, 302, { location: sitePath('/', options.base) });
        return;
      }
    } else {
      const found = await fileAt(dist, site);
      if (found && 'redirect' in found) {
        send(res, 301, { location: `${sitePath(found.redirect, options.base)}${url.search}` });
        return;
      }
      if (found) {
        await serveFile(res, found.file, 200, headersFor(site), method === 'HEAD');
        return;
      }
    }
    const notFound = join(dist, '404.html');
    if (await stat(notFound).catch(() => undefined)) {
      await serveFile(
        res,
        notFound,
        404,
        { ...headersFor(site ?? '/404.html'), 'Cache-Control': 'no-cache' },
        method === 'HEAD',
      );
    } else {
      send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, '页面不存在');
    }
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The message only: never the request.
      console.error('request failed:', error instanceof Error ? error.message : 'unknown error');
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain; charset=utf-8' }, '服务器错误');
      else res.destroy();
    });
  });
}
