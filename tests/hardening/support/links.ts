/**
 * A small link checker over a built site folder: every internal link, form action, image,
 * script, stylesheet and CSS url() must resolve to a file of the build (and a #fragment to
 * an id on the target page); resources (things the browser fetches by itself) must never
 * point to another origin. Plain links to other sites are allowed: a resident clicks them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

export interface LinkProblem {
  /** The page or stylesheet, relative to the site folder. */
  file: string;
  url: string;
  problem: string;
}

export interface LinkCheckOptions {
  /** URL path prefixes served by functions, not files (e.g. /api/). */
  dynamic?: readonly string[];
}

interface Reference {
  url: string;
  /** Fetched by the browser on its own (src, stylesheet, CSS url()), not followed by a person. */
  resource: boolean;
}

const TAG = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;
const ATTR = /\s([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

const decode = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** References in an HTML page: links, form actions and the resources the browser loads itself. */
export function htmlReferences(html: string): Reference[] {
  const refs: Reference[] = [];
  for (const [, rawTag, attrs] of html.matchAll(TAG)) {
    const tag = rawTag!.toLowerCase();
    const values = new Map<string, string>();
    for (const [, name, a, b, c] of attrs!.matchAll(ATTR)) values.set(name!.toLowerCase(), decode(a ?? b ?? c ?? ''));
    const rel = values.get('rel')?.toLowerCase() ?? '';
    const href = values.get('href');
    if (href !== undefined) {
      // <link rel=stylesheet|icon|preload|manifest…> is fetched; <a>, <area> and <link rel=alternate> are followed.
      const fetched = tag === 'link' && !/\b(alternate|canonical|author|license|help|next|prev)\b/.test(rel);
      refs.push({ url: href, resource: fetched });
    }
    // component-url / renderer-url: the modules Astro's island runtime loads for <astro-island>.
    for (const name of ['src', 'poster', 'data', 'component-url', 'renderer-url']) {
      const value = values.get(name);
      if (value !== undefined) refs.push({ url: value, resource: true });
    }
    const action = values.get('action');
    if (action !== undefined) refs.push({ url: action, resource: false });
    const srcset = values.get('srcset');
    if (srcset) for (const part of srcset.split(',')) refs.push({ url: part.trim().split(/\s+/)[0]!, resource: true });
  }
  for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) refs.push(...cssReferences(css!));
  for (const [, style] of html.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) refs.push(...cssReferences(decode(style!)));
  return refs;
}

export function cssReferences(css: string): Reference[] {
  return [...css.matchAll(CSS_URL)].map(([, a, b, c]) => ({ url: (a ?? b ?? c)!, resource: true }));
}

export function pageIds(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map(([, a, b, c]) => decode((a ?? b ?? c)!)));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

/** The file a URL path is served from, as Netlify would: /a/ → a/index.html, /a → a, a.html or a/index.html. */
export function fileFor(site: string, path: string): string | undefined {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  const candidates = path.endsWith('/')
    ? [join(clean, 'index.html')]
    : [clean, `${clean}.html`, join(clean, 'index.html')];
  return candidates.find((c) => existsSync(join(site, c)) && statSync(join(site, c)).isFile());
}

/** Checks every .html and .css file under `site`. */
export function checkLinks(site: string, options: LinkCheckOptions = {}): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = pageIds(readFileSync(join(site, file), 'utf8'))));
    return set;
  };
  const files = walk(site);
  for (const file of files) {
    const ext = extname(file);
    if (ext !== '.html' && ext !== '.css') continue;
    const text = readFileSync(join(site, file), 'utf8');
    const refs = ext === '.html' ? htmlReferences(text) : cssReferences(text);
    // The URL path of this file, against which relative references resolve.
    const base = `/${relative(site, join(site, file)).split('\\').join('/')}`.replace(/index\.html$/, '');
    for (const { url, resource } of refs) {
      const problem = checkOne(site, base, url, resource, options, idsOf, file);
      if (problem) problems.push({ file, url, problem });
    }
  }
  return problems;
}

function checkOne(
  site: string,
  base: string,
  url: string,
  resource: boolean,
  options: LinkCheckOptions,
  idsOf: (file: string) => Set<string>,
  self: string,
): string | undefined {
  if (url === '' && !resource) return undefined;
  if (/^(mailto|tel|sms):/i.test(url)) return resource ? 'resource with a mailto/tel URL' : undefined;
  if (/^data:/i.test(url)) return undefined;
  if (/^(blob|javascript|vbscript|file):/i.test(url)) return `forbidden scheme in ${resource ? 'resource' : 'link'}`;
  if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) return resource ? 'resource from another origin' : undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'unknown URL scheme';

  const [withoutHash, fragment] = url.split('#', 2) as [string, string | undefined];
  const path = withoutHash.split('?')[0]!;
  // Resolved the way the browser does, against the page's own URL.
  const absolute = new URL(path, `http://site${base}`).pathname;
  if (options.dynamic?.some((prefix) => absolute.startsWith(prefix))) return undefined;
  const target = path === '' ? self : fileFor(site, absolute);
  if (!target) return 'no such file in the build';
  if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
    return `no element with id "${fragment}" on ${target}`;
  }
  return undefined;
}
