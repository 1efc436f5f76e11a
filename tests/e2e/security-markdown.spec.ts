/**
 * Hostile content cannot inject script: a copy of the site is built (Astro + Pagefind, in a
 * throw-away project folder so dist/ is untouched) from content whose markdown and text fields
 * carry script tags, event handlers, javascript: links, off-origin images and formulas
 * (tests/hardening/support/hostile.ts). Every page, the feed and the CSV files are scanned, and
 * the pages and a search over them are opened in Chromium with no CSP to hide behind: nothing
 * may run, load from elsewhere or redirect.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSite } from '../../scripts/bench/build';
import { projectCopy, remove } from '../../scripts/bench/projects';
import { serveStatic, type StaticServer } from '../../scripts/bench/static-server';
import { findInjections, writeHostileContent } from '../hardening/support/hostile';
import { budgetFor } from '../support/budget';

test.describe.configure({ mode: 'serial' });

let work: string;
let project: string;
let site: string;
let ids: string[];
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(join(tmpdir(), 'nz-hostile-'));
  ids = writeHostileContent(join(work, 'content'));
  project = projectCopy();
  site = join(work, 'site');
  await buildSite(project, join(work, 'content'), site);
  server = await serveStatic(site);
});

test.afterAll(async () => {
  await server?.close();
  if (project) remove(project);
  if (work) rmSync(work, { recursive: true, force: true });
});

const files = (ext: string) =>
  readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext) && !f.startsWith('pagefind/'));

test('no built page carries injected markup, and the payloads were rendered as text', () => {
  const pages = files('.html');
  expect(pages.length).toBeGreaterThan(10);
  const problems = pages.flatMap((page) =>
    findInjections(readFileSync(join(site, page), 'utf8')).map((p) => `${page}: ${p}`),
  );
  expect(problems).toEqual([]);
  for (const id of ids) {
    const html = readFileSync(join(site, `hazards/${id}/index.html`), 'utf8');
    // Shown, escaped: the scan above looked at content that was really there.
    for (const marker of ['XSS1', 'XSS2', 'XSS3', 'XSS30', 'XSS31'])
      expect(html, `${id} shows ${marker}`).toContain(marker);
  }
});

test('the feed and the open data carry the payloads inertly', () => {
  const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
  expect(findInjections(feed)).toEqual([]);
  expect(feed).toContain('XSS34');
  // The month files of the open data (not the blank table templates beside them).
  const csv = files('.csv').filter((f) => /^data\/\d{4}-\d{2}\.csv$/.test(f));
  expect(csv.length).toBeGreaterThan(0);
  for (const file of csv) {
    const text = readFileSync(join(site, file), 'utf8');
    expect(text, file).toContain('XSS31');
    // RFC 4180 fields; a spreadsheet runs any cell starting with = + - @ (or tab / CR) as a formula.
    const cells = text.match(/"(?:[^"]|"")*"|[^,\r\n]+/g) ?? [];
    const formulas = cells.map((c) => c.replace(/^"|"$/g, '')).filter((c) => /XSS/.test(c) && /^[=+\-@\t\r]/.test(c));
    expect(formulas, file).toEqual([]);
  }
});

/**
 * Watches every script Chromium compiles in the page — inline scripts, event handlers as they fire,
 * javascript: URLs — from the debugger's scriptParsed events; `payloads()` lists the XSS<n> markers
 * of those that came from the hostile content (every payload carries its marker in its code). A
 * payload is caught when it is compiled, before whatever it does, however late that would be.
 */
async function watchScripts(page: Page): Promise<{ payloads: () => Promise<string[]> }> {
  const cdp = await page.context().newCDPSession(page);
  // Read each source as it is reported: a script of a document already left (reported again on enable)
  // is gone by the time the page is checked, and cannot be a payload of this one.
  const sources: Promise<string>[] = [];
  cdp.on('Debugger.scriptParsed', ({ scriptId }) =>
    sources.push(
      cdp.send('Debugger.getScriptSource', { scriptId }).then(
        (script) => script.scriptSource,
        () => '',
      ),
    ),
  );
  await cdp.send('Debugger.enable');
  return {
    payloads: async () => {
      const markers = (await Promise.all(sources)).flatMap((source) => source.match(/XSS\d+/g) ?? []);
      await cdp.detach();
      return markers;
    },
  };
}

/**
 * Resolves once everything a page runs without a visitor's input has had its turn: the load event
 * (inline scripts, images' error handlers, inline SVG's load), every image settled (the search
 * results add theirs later), then a task queued after the next rendering frame (the parser queues
 * <details open>'s toggle). The first run of any payload is compiled by then; watchScripts sees it.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Opens `path` and fails on any payload compiled, dialog, request to another origin or navigation away. */
async function expectInert(page: Page, path: string, ready?: (page: Page) => Promise<void>): Promise<void> {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const scripts = await watchScripts(page);
  await page.goto(`${server.origin}${path}`);
  await ready?.(page);
  await settled(page);
  expect(await scripts.payloads(), `${path}: payloads compiled`).toEqual([]);
  expect(dialogs, `${path}: dialogs`).toEqual([]);
  expect(foreign, `${path}: requests to other origins`).toEqual([]);
  expect(new URL(page.url()).pathname, `${path}: navigated away`).toBe(path.split('?')[0]);
  // What would act later or elsewhere: handlers, frames, a refresh, a base for relative links.
  const later =
    '[onerror], [onload], [onmouseover], [ontoggle], iframe, object, embed, meta[http-equiv="refresh" i], base';
  expect(await page.locator(later).count()).toBe(0);
}

test('the watch sees a payload that runs: an image error handler and a toggle', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const scripts = await watchScripts(page);
  await page.setContent(
    `<img src="/no-such-image.png" onerror="document.title = 'XSS98'"><details open ontoggle="document.body.dataset.x = 'XSS99'"></details>`,
  );
  await settled(page);
  expect((await scripts.payloads()).sort()).toEqual(['XSS98', 'XSS99']);
});

test('the pages run nothing in a browser', async ({ page }) => {
  budgetFor({ pages: ids.length + 2 });
  for (const path of ['/', ...ids.map((id) => `/hazards/${id}/`), '/disclosures/']) await expectInert(page, path);
  const month = readdirSync(join(site, 'disclosures')).find((d) => /^\d{4}-\d{2}$/.test(d))!;
  await expectInert(page, `/disclosures/${month}/`);
});

test('search results over the hostile pages run nothing either', async ({ page }) => {
  await expectInert(page, '/search/?q=alert', async (p) => {
    await p.locator('[data-search-status]').filter({ hasText: /找到/ }).waitFor();
  });
  // The results are really there: the hostile hazards are found.
  await expect(page.locator('main a[href*="/hazards/"]').first()).toBeVisible();
});
