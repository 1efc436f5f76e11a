/**
 * Search over a sharded index, as a county-scale ledger gets it: the sample's built site, indexed
 * again by the real index step with a tiny shard size so its hazards split into several shards,
 * served from a temp folder. Needs the built dist/ (`npm run build`, as `npm test` does first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/bench/static-server';
import { SearchShardManifest } from '../../src/schemas/search-shards';
import { loadSample } from '../support/sample-queries';
import { expectAccessible } from '../support/axe';

/** 52 sample hazards in shards of 20: three hazard shards, then the month lists. */
const SHARD_SIZE = 20;

const { content, hazards } = loadSample();
let site: string;
let server: StaticServer;
let manifest: SearchShardManifest;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'search-shards-'));
  cpSync('dist', site, { recursive: true });
  const indexed = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/index-search.ts', site, '--shard-size', String(SHARD_SIZE)],
    { encoding: 'utf8' },
  );
  expect(indexed.status, indexed.stderr).toBe(0);
  manifest = SearchShardManifest.parse(JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8')));
});
test.beforeAll(async () => {
  server = await serveStatic(site);
});
test.afterAll(async () => {
  await server.close();
  rmSync(site, { recursive: true, force: true });
});

/** Paths of the index files (not pagefind.js or the WASM) a page fetched, by shard. */
function indexRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.pf_(meta|index|fragment|filter)$|pagefind-entry\.json$/.test(path)) paths.push(path);
  });
  return paths;
}
const inShard = (paths: readonly string[], k: number) =>
  paths.filter((p) => (k === 0 ? !p.includes('/shard-') : p.startsWith(`/pagefind/shard-${k}/`)));
const resultPaths = (page: Page) =>
  page
    .locator('.search-result h3 a')
    .evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));

/** The oldest hazard whose enterprise no other hazard names: it lives in the last hazard shard. */
function oldHazard(): { id: string; unit: string; shard: number } {
  const counts = Map.groupBy(hazards, (h) => h.hazard.unit);
  const sorted = hazards.map((h) => h.hazard).sort((a, b) => a.id.localeCompare(b.id));
  const hazard = sorted.find((h) => counts.get(h.unit)?.length === 1)!;
  const shard = manifest.shards.findIndex(
    (s) => s.numbers && s.numbers.oldest <= hazard.id && hazard.id <= s.numbers.newest,
  );
  return { id: hazard.id, unit: hazard.unit, shard };
}

test('the sample splits into at least three shards, each indexed', () => {
  expect(manifest.shards.length).toBeGreaterThanOrEqual(3);
  expect(manifest.shards.reduce((sum, s) => sum + s.hazards, 0)).toBe(hazards.length);
  expect(oldHazard().shard).toBeGreaterThanOrEqual(2);
});

test('the first query fetches only shard 0 and says how much was searched', async ({ page }) => {
  const requests = indexRequests(page);
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent('燃气')}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/在已搜索的 20 项隐患中找到 \d+ 条结果.*还有 32 项更早登记的隐患没有搜索/);
  expect(inShard(requests, 0).some((p) => p.endsWith('.pf_index'))).toBe(true);
  expect(requests.filter((p) => p.includes('/shard-'))).toEqual([]);
  await expect(page.getByRole('button', { name: '继续搜索更早登记的隐患' })).toBeVisible();
});

test('继续搜索 merges older shards until it finds a hazard of the oldest one', async ({ page }) => {
  const { id, unit, shard } = oldHazard();
  const requests = indexRequests(page);
  const outside: string[] = [];
  page.on(
    'request',
    (r) => !r.url().startsWith(server.origin) && !r.url().startsWith('data:') && outside.push(r.url()),
  );
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(unit)}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/在已搜索的 20 项隐患中/);
  expect(await resultPaths(page)).not.toContain(`/hazards/${id}/`);

  const older = page.getByRole('button', { name: '继续搜索更早登记的隐患' });
  // Keyboard: the button is reached and pressed without a mouse, and keeps focus while more remain.
  await older.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/在已搜索的 40 项隐患中.*还有 12 项/);
  await expect(older).toBeFocused();
  expect(inShard(requests, 1).length).toBeGreaterThan(0);
  expect(inShard(requests, shard)).toEqual([]);

  // The second step merges twice as many shards: the oldest hazards and the month lists.
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^找到 \d+ 条结果/);
  expect(await resultPaths(page)).toContain(`/hazards/${id}/`);
  await expect(older).toBeHidden();
  await expect(page.getByRole('heading', { name: '搜索结果' })).toBeFocused();
  expect(outside).toEqual([]);
});

test('a hazard number goes straight to its shard, without shard 0; words then add shard 0', async ({ page }) => {
  const { id, shard } = oldHazard();
  const requests = indexRequests(page);
  const problems: string[] = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.origin}/search/?q=${id.toLowerCase()}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^找到 \d+ 条结果/);
  expect((await resultPaths(page))[0]).toBe(`/hazards/${id}/`);
  expect(inShard(requests, shard).some((p) => p.endsWith('.pf_index'))).toBe(true);
  for (let k = 0; k < manifest.shards.length; k++) {
    if (k !== shard) expect(inShard(requests, k), `shard ${k}`).toEqual([]);
  }

  // A word search on the same page merges shard 0 and counts both shards as searched.
  const searched = manifest.shards[0]!.hazards + manifest.shards[shard]!.hazards;
  await page.getByLabel('搜索词').fill('燃气');
  await page.getByLabel('搜索词').press('Enter');
  await expect(status).toHaveText(new RegExp(`在已搜索的 ${searched} 项隐患中`));
  expect(inShard(requests, 0).some((p) => p.endsWith('.pf_index'))).toBe(true);
  // Pagefind warns when it skips a merge or mixes bundles; none of that here.
  expect(problems).toEqual([]);
});

test('a month filter skips the shards not listed that month', async ({ page }) => {
  const outside = (month: string) =>
    manifest.shards.flatMap((s, k) =>
      k > 0 && s.months && (month < s.months.oldest || s.months.newest < month) ? [k] : [],
    );
  // A month some older shard was never listed in (the sample's first month: the newer hazards came later).
  const month = content.ledger.months.find((m) => outside(m).length > 0)!;
  expect(month).toBeDefined();
  const skipped = outside(month);
  const requests = indexRequests(page);
  const [year, m] = month.split('-');
  await page.goto(`${server.origin}/search/?month=${encodeURIComponent(`${year}年${Number(m)}月`)}`);
  const status = page.getByRole('status');
  const older = page.locator('[data-search-older]');
  await expect(status).toHaveText(/结果/);
  while (await older.isVisible()) {
    const before = await status.textContent();
    await older.click();
    await expect(status).not.toHaveText(before ?? '');
    await expect(status).toHaveText(/结果/);
  }
  for (const k of skipped) expect(inShard(requests, k), `shard ${k}`).toEqual([]);
});

test('axe finds no WCAG 2.2 AA problem with 继续搜索 shown', async ({ page }) => {
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent('燃气')}`);
  await expect(page.getByRole('button', { name: '继续搜索更早登记的隐患' })).toBeVisible();
  await expectAccessible(page);
});
