/**
 * The part of Pagefind's browser API (/pagefind/pagefind.js, written by src/cli/index-search.ts)
 * the search page uses. The npm package types only the Node indexing API, so this is declared here.
 */
import { sitePath } from '../../lib/site-path';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

export interface PagefindOptions {
  excerptLength?: number;
  /** Runs the WASM on the page instead of in Pagefind's worker (see startPagefind()). */
  noWorker?: boolean;
  /** The bundle searched first, when not /pagefind/ (a hazard number's shard); only before init. */
  basePath?: string;
}

export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearchResponse | null>;
  /** Adds another bundle (an older search shard) to every later search; shares the loaded WASM. */
  mergeIndex(path: string, options?: PagefindOptions): Promise<void>;
}

/** Where the index step (src/cli/index-search.ts) puts shard 0 and the browser bundle. */
const PAGEFIND_URL = sitePath('/pagefind/pagefind.js');

/** Options of every bundle searched, shard 0 and merged shards alike. */
export const MERGED_OPTIONS: PagefindOptions = { excerptLength: 40 };

/** Loads Pagefind from this site (never a CDN). */
export async function importPagefind(): Promise<Pagefind> {
  // A runtime URL: the bundle exists only after the build, so the bundler must not resolve it.
  const url = PAGEFIND_URL;
  return (await import(/* @vite-ignore */ url)) as Pagefind;
}

/**
 * Starts Pagefind on `basePath` (default /pagefind/, shard 0), whose WASM every merged shard shares.
 * Result URLs get the site's base path from Pagefind itself: it prefixes them with whatever comes
 * before `pagefind/` in the bundle's path.
 *
 * The search runs in Pagefind's worker (/pagefind/pagefind-worker.js, allowed by `worker-src 'self'`):
 * 12 kB more to fetch than running the WASM on the page, but a first search on the page's thread
 * blocked it for about 150 ms on a desktop CPU, over half a second on a mid-range phone (Lighthouse's
 * total blocking time 620–800 ms; 80–140 ms with the worker).
 */
export async function startPagefind(pagefind: Pagefind, basePath?: string): Promise<Pagefind> {
  await pagefind.options({ ...MERGED_OPTIONS, ...(basePath !== undefined && { basePath }) });
  await pagefind.init();
  return pagefind;
}
