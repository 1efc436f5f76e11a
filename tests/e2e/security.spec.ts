/**
 * Security as a browser sees it, on every page type of the served build (`npm start`'s server:
 * static files with netlify.toml's headers, the functions, local Blobs): no request leaves the
 * origin, no Content-Security-Policy violation is reported, no cookie is set, and the headers
 * that keep an informant safe are on every response.
 */
import { expect, test, type Page, type Response } from '@playwright/test';
import { loadContent } from '../../src/lib/content-set/load';
import { formatReceipt, generateReceipt } from '../../src/lib/tips/receipt';

const loaded = loadContent();
if (!loaded.ok) throw new Error(`content does not validate: ${JSON.stringify(loaded.issues)}`);
const { site, ledger } = loaded.content;
const latest = ledger.latestMonth!;
const hazard = ledger.list(latest).hazards[0]!;
const village = site.villages.find((v) => v.name === hazard.village)!;
const sector = site.sectors.find((s) => s.name === hazard.sector)!;

/** One page of every type, and what to do on it once loaded so its scripts run their course. */
const PAGES: { path: string; status?: number; act?: (page: Page) => Promise<void> }[] = [
  { path: '/' },
  { path: '/disclosures/' },
  { path: `/disclosures/${latest}/` },
  { path: `/disclosures/${latest}/progress/` },
  { path: `/hazards/${hazard.id}/` },
  { path: `/villages/${village.slug}/` },
  { path: `/sectors/${sector.slug}/` },
  { path: '/about/' },
  { path: '/data/' },
  // A search runs Pagefind: its script, WebAssembly, index chunks and fragments.
  {
    path: `/search/?q=${encodeURIComponent(hazard.title.slice(0, 2))}`,
    act: (page) =>
      page
        .locator('[data-search-status]')
        .filter({ hasText: /找到|没有/ })
        .waitFor(),
  },
  { path: '/report/' },
  // A lookup computes the key in the browser and fetches the receipts file.
  {
    path: '/receipt/',
    act: async (page) => {
      // Typed only once the island has hydrated (Astro drops `ssr` then), so the script handles it.
      await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
      await page.locator('#receipt-number').fill(formatReceipt(generateReceipt()));
      await page.locator('#receipt-number').press('Enter');
      await page.locator('#receipt-result-title').waitFor();
    },
  },
  { path: '/no-such-page/', status: 404 },
];

/** Collects CSP violations the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...console];
}

function expectSecurityHeaders(response: Response, label: string): void {
  const h = response.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${label}: CSP`).toMatch(/default-src 'self'/);
  expect(csp, `${label}: CSP frame-ancestors`).toMatch(/frame-ancestors 'none'/);
  expect(csp, `${label}: no unsafe-inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${label}: no unsafe-eval`).not.toMatch(/'unsafe-eval'/);
  expect(h['referrer-policy'], `${label}: Referrer-Policy`).toBe('no-referrer');
  expect(h['permissions-policy'] ?? '', `${label}: Permissions-Policy`).toMatch(/geolocation=\(\)/);
  expect(h['permissions-policy'] ?? '', `${label}: Permissions-Policy`).toMatch(/camera=\(\)/);
  const hsts = /max-age=(\d+)/.exec(h['strict-transport-security'] ?? '');
  expect(Number(hsts?.[1] ?? 0), `${label}: HSTS max-age of a year or more`).toBeGreaterThanOrEqual(31_536_000);
  expect(h['x-content-type-options'], `${label}: nosniff`).toBe('nosniff');
  expect(h['set-cookie'], `${label}: no cookie`).toBeUndefined();
}

test.describe('every page type', () => {
  for (const { path, status = 200, act } of PAGES) {
    test(`${path}: same origin only, no CSP violation, no cookie, security headers`, async ({
      page,
      context,
      baseURL,
    }) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const responses: Response[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
      });
      page.on('response', (r) => {
        if (r.url().startsWith(origin)) responses.push(r);
      });
      const violations = await watchCsp(page);

      const response = await page.goto(path);
      expect(response!.status()).toBe(status);
      await page.waitForLoadState('networkidle');
      await act?.(page);

      expect(foreign, 'requests to other origins').toEqual([]);
      expect(await violations(), 'CSP violations').toEqual([]);
      expect(await context.cookies(), 'cookies').toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expectSecurityHeaders(response!, path);
      // Every file the page loaded (CSS, scripts, WebAssembly, index chunks) carries them too.
      for (const r of responses) expect(r.headers()['x-content-type-options'], r.url()).toBe('nosniff');
    });
  }
});

test('nothing about a tip is cached: /report/, /receipt/ and /api/* say no-store', async ({ request }) => {
  for (const path of ['/report/', '/receipt/']) {
    const response = await request.get(path);
    expect(response.headers()['cache-control'], path).toMatch(/no-store/);
  }
  const challenge = await request.get('/api/tips/challenge');
  const refused = await request.post('/api/tips', { data: '{}', headers: { 'content-type': 'application/json' } });
  const wrongMethod = await request.get('/api/tips');
  for (const [label, response] of [
    ['challenge', challenge],
    ['refused tip', refused],
    ['wrong method', wrongMethod],
  ] as const) {
    expect(response.headers()['cache-control'], label).toMatch(/no-store/);
    expect(response.headers()['x-content-type-options'], label).toBe('nosniff');
    expect(response.headers()['set-cookie'], label).toBeUndefined();
  }
  expect(challenge.ok()).toBe(true);
  expect(refused.status()).toBeGreaterThanOrEqual(400);
});
