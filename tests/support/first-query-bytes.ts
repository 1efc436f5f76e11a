/**
 * "How many bytes does a resident's phone fetch for a first search?" — measured in a real
 * Chromium with an empty cache, from the browser's network events (the page's and its workers'), from navigation to
 * the first results on screen, everything included: page, CSS, script, Pagefind's code, WASM,
 * index chunks and result fragments.
 *
 *   const report = await firstQueryBytes('http://127.0.0.1:8899/search/?q=燃气');
 *   console.log(formatFirstQueryBytes(report));
 *
 * Usable from a Playwright test (pass its `browser`) or from a plain script run with tsx
 * (it then launches the system Chromium itself).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { chromiumPath } from '../../scripts/chromium.mjs';

export interface FetchedResource {
  url: string;
  /** Resource type as Chromium names it: Document, Script, Stylesheet, Fetch… */
  type: string;
  /** Bytes on the wire as this server sent them (headers included, compressed if it compressed). */
  transferred: number;
  /** Bytes of the body after decoding. */
  decoded: number;
  /** The body gzipped at level 9: what a compressing host such as Netlify would send, about. */
  gzipped: number;
  /** Requested only after `interact` (see FirstQueryOptions): code a page fetches when it is needed. */
  afterInteraction: boolean;
}

export interface FirstQueryBytes {
  url: string;
  resources: FetchedResource[];
  total: { transferred: number; decoded: number; gzipped: number };
  /** The part of `total` under /pagefind/: the cost of search itself. */
  search: { transferred: number; decoded: number; gzipped: number };
}

export interface FirstQueryOptions {
  /** A browser to open a fresh context in; by default the system Chromium is launched and closed. */
  browser?: Browser;
  /** Resolves once the first results are on screen; by default waits for the search page's count. */
  ready?: (page: Page) => Promise<void>;
  timeoutMs?: number;
  /**
   * Once the page is ready and the network idle, a first interaction (say, focusing a form field);
   * what is fetched after it is marked `afterInteraction`.
   */
  interact?: (page: Page) => Promise<void>;
}

/** The search page's live region says 找到 N 条结果 or 没有找到结果 once a search is done. */
async function searchPageReady(page: Page): Promise<void> {
  await page.locator('[data-search-status]').filter({ hasText: /找到/ }).waitFor();
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

function sum(resources: readonly FetchedResource[]): FirstQueryBytes['total'] {
  return resources.reduce(
    (acc, r) => ({
      transferred: acc.transferred + r.transferred,
      decoded: acc.decoded + r.decoded,
      gzipped: acc.gzipped + r.gzipped,
    }),
    { transferred: 0, decoded: 0, gzipped: 0 },
  );
}

/** No request in flight for half a second (`networkidle` is spent once the page has loaded). */
async function idle(page: Page, timeoutMs: number): Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const start = () => {
    inFlight++;
    last = Date.now();
  };
  const end = () => {
    inFlight--;
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await page.waitForTimeout(100)) {
      if (inFlight <= 0 && Date.now() - last >= 500) return;
    }
    throw new Error(`requests still in flight after ${timeoutMs} ms`);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

export async function firstQueryBytes(url: string, options: FirstQueryOptions = {}): Promise<FirstQueryBytes> {
  const browser =
    options.browser ??
    (await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: LAUNCH_ARGS }));
  // A new context has an empty cache: this is a first visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Playwright's request events, not a CDP session on the page: they also report what the page's
    // workers fetch (Pagefind searches in a worker, which fetches the WASM, index and fragments).
    const finished: { request: Request; afterInteraction: boolean }[] = [];
    let interacted = false;
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith('data:')) finished.push({ request, afterInteraction: interacted });
    });

    await page.goto(url);
    await (options.ready ?? searchPageReady)(page);
    // Let requests started by the results (fragments) finish.
    await page.waitForLoadState('networkidle', { timeout: options.timeoutMs ?? 30_000 });
    await idle(page, options.timeoutMs ?? 30_000);
    if (options.interact) {
      interacted = true;
      await options.interact(page);
      await idle(page, options.timeoutMs ?? 30_000);
    }

    const resources: FetchedResource[] = [];
    for (const { request, afterInteraction } of finished) {
      const body = (await (await request.response())?.body().catch(() => undefined)) ?? Buffer.alloc(0);
      const sizes = await request.sizes();
      // A worker's own script reports no body size on the wire: count it as sent uncompressed.
      const sentBody = sizes.responseBodySize > 0 ? sizes.responseBodySize : body.length;
      const type = request.resourceType();
      resources.push({
        url: request.url(),
        type: type.charAt(0).toUpperCase() + type.slice(1),
        transferred: sizes.responseHeadersSize + sentBody,
        decoded: body.length,
        gzipped: body.length > 0 ? gzipSync(body, { level: 9 }).length : 0,
        afterInteraction,
      });
    }
    const search = resources.filter((r) => new URL(r.url).pathname.startsWith('/pagefind/'));
    return { url, resources, total: sum(resources), search: sum(search) };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A short table for a benchmark log or a test report. */
export function formatFirstQueryBytes(report: FirstQueryBytes): string {
  const rows = report.resources.map(
    (r) =>
      `${new URL(r.url).pathname.padEnd(60)} ${r.type.padEnd(10)} ${kB(r.transferred).padStart(10)} ${kB(r.gzipped).padStart(10)}`,
  );
  return [
    `First query at ${report.url}: ${report.resources.length} requests`,
    `${'path'.padEnd(60)} ${'type'.padEnd(10)} ${'sent'.padStart(10)} ${'gzip -9'.padStart(10)}`,
    ...rows,
    `total: ${kB(report.total.transferred)} sent, ${kB(report.total.decoded)} decoded, ${kB(report.total.gzipped)} gzipped`,
    `of which /pagefind/: ${kB(report.search.transferred)} sent, ${kB(report.search.gzipped)} gzipped`,
  ].join('\n');
}
