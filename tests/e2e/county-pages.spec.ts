/**
 * Pages stay light when a county publishes: a generated ledger large enough to pass the page
 * limits (src/lib/disclosure/page-limits.ts) is built in a throw-away project copy (Astro +
 * Pagefind; dist/ untouched). Its month pages must turn into a village index with a page per
 * village, lose no hazard on the way, stay under the size budget, validate, link correctly and
 * pass the same browser checks as every other page type.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { buildSite } from '../../scripts/bench/build';
import { writeSynthetic } from '../../scripts/bench/generate';
import { projectCopy, remove } from '../../scripts/bench/projects';
import { serveStatic, type StaticServer } from '../../scripts/bench/static-server';
import { loadContent } from '../../src/lib/content-set/load';
import { GROUP_HAZARD_LIMIT, MONTH_PAGE_HAZARD_LIMIT } from '../../src/lib/disclosure/page-limits';
import type { Ledger } from '../../src/lib/ledger/ledger';
import type { Site } from '../../src/schemas/site';
import { checkLinks } from '../hardening/support/links';
import { expectAccessible } from '../support/axe';
import { budgetFor } from '../support/budget';

test.describe.configure({ mode: 'serial' });

/** Two villages share 800 hazards: every month splits, and a village outgrows its page limit. */
const SIZE = { hazards: 800, months: 4, villages: 2, seed: 20230612 };
const BUDGET = 30 * 1024;

let work: string;
let project: string;
let site: string;
let server: StaticServer;
let ledger: Ledger;
let villages: Site['villages'];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(join(tmpdir(), 'nz-county-'));
  const content = join(work, 'content');
  writeSynthetic(content, SIZE);
  const loaded = loadContent(content);
  if (!loaded.ok) throw new Error(`generated content does not validate: ${JSON.stringify(loaded.issues)}`);
  ({ ledger } = loaded.content);
  villages = loaded.content.site.villages;
  project = projectCopy();
  site = join(work, 'site');
  await buildSite(project, content, site);
  server = await serveStatic(site);
});

test.afterAll(async () => {
  await server?.close();
  if (project) remove(project);
  if (work) rmSync(work, { recursive: true, force: true });
});

const html = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
const latest = () => ledger.latestMonth!;
const villageMonth = (month: string, slug: string) => `/disclosures/${month}/villages/${slug}/`;
const hazardLinks = (page: string) => new Set([...page.matchAll(/href="\/hazards\/([^/"]+)\/"/g)].map((m) => m[1]!));

test('the generated ledger really passes the limits', () => {
  for (const month of ledger.months) expect(ledger.list(month).hazards.length).toBeGreaterThan(MONTH_PAGE_HAZARD_LIMIT);
  const biggest = Math.max(
    ...villages.map((v) => ledger.cumulative(latest()).filter((h) => h.village === v.name).length),
  );
  expect(biggest).toBeGreaterThan(GROUP_HAZARD_LIMIT);
});

test('a split month page indexes its villages and lists no hazard cards', () => {
  const month = latest();
  const page = html(`disclosures/${month}`);
  expect(page).toContain('data-pagefind-body');
  expect(page).not.toContain('class="card');
  for (const v of villages) expect(page).toContain(`href="${villageMonth(month, v.slug)}"`);
  // The changes are bounded too: they name far fewer hazards than the month added.
  expect(hazardLinks(page).size).toBeLessThan(ledger.diff(month).added.length);
});

test('the village pages of every month together carry every hazard of the month, outside the search index', () => {
  for (const month of ledger.months) {
    const seen = new Set<string>();
    for (const v of villages) {
      const page = html(villageMonth(month, v.slug).slice(1));
      expect(page).not.toContain('data-pagefind-body');
      const listed = ledger
        .list(month)
        .hazards.filter((h) => h.village === v.name)
        .map((h) => h.id);
      const links = hazardLinks(page);
      for (const id of listed) {
        expect(links.has(id), `${month} ${v.slug} ${id}`).toBe(true);
        seen.add(id);
      }
    }
    expect(seen.size).toBe(ledger.list(month).hazards.length);
  }
});

test('the search index holds the hazards, not the village parts of a month', () => {
  const entries = readdirSync(join(site, 'pagefind'));
  expect(entries.length).toBeGreaterThan(0);
  const indexed = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .filter((f) => readFileSync(join(site, f), 'utf8').includes('data-pagefind-body'));
  expect(indexed.some((f) => f.startsWith('hazards/'))).toBe(true);
  expect(indexed.filter((f) => f.includes('/villages/') && f.startsWith('disclosures/'))).toEqual([]);
});

test('a village past its limit lists the most urgent hazards and counts the rest by sector', () => {
  const v = villages.find(
    (x) => ledger.cumulative(latest()).filter((h) => h.village === x.name).length > GROUP_HAZARD_LIMIT,
  )!;
  const page = html(`villages/${v.slug}`);
  expect(hazardLinks(page).size).toBe(GROUP_HAZARD_LIMIT);
  expect(page).toContain('id="group-breakdown"');
  expect(page).toMatch(/href="\/sectors\/[^"]+\/"/);
  // Its month-by-month table leads to the village's own part of each split month.
  for (const month of ledger.months) expect(page).toContain(`href="${villageMonth(month, v.slug)}"`);
});

/** The page types this build adds or changes, one of each. */
const pages = () => {
  const month = latest();
  return ['/', `/disclosures/${month}/`, villageMonth(month, villages[0]!.slug), `/villages/${villages[0]!.slug}/`];
};

test('every such page stays under 30 kB gzipped', () => {
  const sizes = [...new Set([...pages(), ...villages.map((v) => `/villages/${v.slug}/`)])].map((path) => ({
    path,
    gzip: gzipSync(html(path.slice(1)), { level: 9 }).length,
  }));
  console.log(sizes.map((s) => `${s.path}: ${s.gzip} B gzipped`).join('\n'));
  for (const s of sizes) expect(s.gzip, s.path).toBeLessThan(BUDGET);
});

test('every page of the build is valid HTML and every internal link resolves', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    // As in html.spec.ts: the scrolling table region, phone numbers kept as typed.
    rules: { 'prefer-native-element': ['error', { exclude: ['region'] }], 'tel-non-breaking': 'off' },
  });
  const problems: string[] = [];
  const month = latest();
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.startsWith('hazards/') && !f.startsWith('pagefind/'),
  );
  expect(files).toContain(`disclosures/${month}/villages/${villages[0]!.slug}/index.html`);
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(site, file), 'utf8'), file);
    for (const r of report.results)
      for (const m of r.messages) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
  }
  expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  const broken = checkLinks(site, { dynamic: ['/api/'] }).map((p) => `${p.file}: ${p.url} → ${p.problem}`);
  expect(broken.slice(0, 20), `${broken.length} broken references`).toEqual([]);
});

test('in Chromium: no script, one h1, crumbs, accessible, no overflow at 320 px', async ({ page }) => {
  // axe adds its own budget per page, sized to the page (these are the largest pages there are).
  budgetFor({ pages: pages().length - 1 });
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of pages()) {
    await page.goto(`${server.origin}${path}`);
    expect(await page.locator('script').count(), path).toBe(0);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.locator('main'), path).toHaveCount(1);
    if (path !== '/') await expect(page.locator('nav.crumbs'), path).toHaveCount(1);
    await expectAccessible(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('walk: month → village part → hazard', async ({ page }) => {
  budgetFor({ pages: 2 });
  const month = latest();
  const v = villages[0]!;
  await page.goto(`${server.origin}/disclosures/${month}/`);
  await page.locator('#list').locator('..').getByRole('link', { name: v.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${villageMonth(month, v.slug)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(v.name);
  await page.locator('#list').locator('..').locator('a[href^="/hazards/"]').first().click();
  await expect(page).toHaveURL(/\/hazards\/[^/]+\/$/);
});

test('at 360 px a village’s part lists its hazards as cards (first screen attached)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`${server.origin}${villageMonth(latest(), villages[0]!.slug)}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expect(page.locator('table.hazards tbody tr').first()).toHaveCSS('display', 'block');
  await page.locator('#list').scrollIntoViewIfNeeded();
  const path = testInfo.outputPath('village-month-360.png');
  await page.screenshot({ path });
  await testInfo.attach('a village’s part of a split month at 360 px', { path, contentType: 'image/png' });
});
