/**
 * What a browser fetches for a page or a first search, measured in the system Chromium from
 * its own network events (tests/support/first-query-bytes.ts, shared with the search tests),
 * against a build served by a tiny static server.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../chromium.mjs';
import { firstQueryBytes, type FetchedResource } from '../../tests/support/first-query-bytes';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface PageWeight {
  /** HTML and CSS, each gzipped at level 9, summed. */
  htmlCssGzip: number;
  /** JavaScript (scripts, modules, workers) the page loads before any interaction, decoded and gzipped. */
  js: number;
  jsGzip: number;
  /** JavaScript fetched after the first interaction (with `interact`), gzipped. */
  jsAfterInteractionGzip: number;
  requests: number;
}

const isScript = (r: FetchedResource) => r.type === 'Script' || /\.m?js(\?|$)/.test(new URL(r.url).pathname);

/** Loads `url` in a fresh context and weighs what came over the network once it is idle. */
export async function pageWeight(
  browser: Browser,
  url: string,
  interact?: (page: Page) => Promise<void>,
): Promise<PageWeight> {
  const report = await firstQueryBytes(url, {
    browser,
    ready: (page) => page.waitForLoadState('load'),
    ...(interact ? { interact } : {}),
  });
  const htmlCss = report.resources.filter((r) => r.type === 'Document' || r.type === 'Stylesheet');
  const js = report.resources.filter((r) => isScript(r) && !r.afterInteraction);
  const later = report.resources.filter((r) => isScript(r) && r.afterInteraction);
  return {
    htmlCssGzip: htmlCss.reduce((n, r) => n + r.gzipped, 0),
    js: js.reduce((n, r) => n + r.decoded, 0),
    jsGzip: js.reduce((n, r) => n + r.gzipped, 0),
    jsAfterInteractionGzip: later.reduce((n, r) => n + r.gzipped, 0),
    requests: report.resources.length,
  };
}

/** A first interaction with a tip-line page: the informant taps the form's first field. */
export async function focusFirstField(page: Page): Promise<void> {
  await page.locator('astro-island form').first().locator('textarea, input').first().focus();
}

export interface SearchBytes {
  /** Everything fetched from navigation to the first results, as a compressing host sends it. */
  totalGzip: number;
  /** Bytes as sent by the (uncompressed) static server. */
  totalSent: number;
  /** The /pagefind/ part: Pagefind's code, WebAssembly, index chunks and fragments. */
  pagefindGzip: number;
  requests: number;
}

export async function searchBytes(browser: Browser, url: string): Promise<SearchBytes> {
  const report = await firstQueryBytes(url, { browser, timeoutMs: 60_000 });
  return {
    totalGzip: report.total.gzipped,
    totalSent: report.total.transferred,
    pagefindGzip: report.search.gzipped,
    requests: report.resources.length,
  };
}
