/**
 * Self-hosting end to end, the way a county server runs the site (docs/deploying.md): a build
 * with a non-root SITE_BASE (a throw-away project copy; dist/ untouched) copied under nginx's web
 * root; Debian's real nginx with the shipped deploy/nginx.conf (only ports and paths substituted,
 * tests/support/nginx.ts) over HTTPS; behind it the production server as the unit runs it: built by
 * `npm run build:server` in the project copy, build/server alone copied into a folder with no
 * node_modules and no sources, started on the system Node 20 (/usr/bin/node), with a file store.
 * Chromium then walks it: every page type with the headers and CSP of the one source, every
 * internal link under the base path, search, a tip with a photo through the form into the file
 * store, the receipt lookup, nginx's logs, and the rate limit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { astroBuild, checkIndex } from '../../scripts/bench/build';
import { projectCopy, remove } from '../../scripts/bench/projects';
import { sitePath } from '../../src/lib/site-path';
import { parseTipMetadata, TIPS_STORE } from '../../src/lib/tips/queue';
import { formatReceipt } from '../../src/lib/tips/receipt';
import { DEFAULT_KIT } from '../../scripts/deploy-kit/kit';
import { headersFor } from '../../src/server/headers';
import { API_RULES } from '../../src/server/production';
import { FileStore } from '../../src/server/stores/file';
import { Tip } from '../../src/schemas/tip';
import { checkLinks, htmlReferences } from '../hardening/support/links';
import { freePort, startNginx, type RunningNginx } from '../../scripts/nginx';
import { guardPage, metadataSegments } from './report-support';

test.describe.configure({ mode: 'serial' });
test.use({ ignoreHTTPSErrors: true });

/** The shipped nginx.conf's base path: the test substitutes ports and paths, never the base. */
const BASE = DEFAULT_KIT.base;
const SITE_URL = 'https://www.example-county.gov.cn';
const at = (path: string) => sitePath(path, BASE);

let work: string;
let project: string;
let webRoot: string;
let site: string;
let queue: string;
let origin: string;
let nginx: RunningNginx | undefined;
let service: ChildProcess | undefined;
let serviceLog = '';

/** The Node a county's unit starts the server with (deploy/nanzhuang-tips.service), not the project's Node 24. */
const SYSTEM_NODE = '/usr/bin/node';

async function waitFor(url: string, request: APIRequestContext, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await request
      .get(url)
      .then((r) => r.status() === 200)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not answer; service said:\n${serviceLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(600_000);
  work = mkdtempSync(join(tmpdir(), 'nz-selfhost-'));
  webRoot = join(work, 'www');
  site = join(webRoot, BASE);
  queue = join(work, 'queue');
  mkdirSync(site, { recursive: true });

  project = projectCopy();
  const build = await astroBuild(project, site, { SITE_BASE: BASE, SITE_URL });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.tail}`);
  // In shards of 20 (as a county's index is split): merged shards must load from under the base too.
  const index = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/index-search.ts', site, '--shard-size', '20'],
    { cwd: project, encoding: 'utf8' },
  );
  if (index.status !== 0) throw new Error(`search index failed:\n${index.stderr}`);
  const check = await checkIndex(project, site);
  if (check && check.code !== 0) throw new Error(`search index check failed:\n${check.tail}`);

  // The production server, built as a county builds it and run as the unit runs it: the built file
  // alone (no node_modules, no sources) on the system's Node 20.
  const built = spawnSync('npm', ['run', 'build:server'], { cwd: project, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:server failed:\n${built.stdout}${built.stderr}`);
  const app = join(work, 'app');
  cpSync(join(project, 'build', 'server'), join(app, 'build', 'server'), { recursive: true });
  expect(readdirSync(app)).toEqual(['build']);
  expect(existsSync(join(app, 'node_modules'))).toBe(false);
  const version = spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  expect(version, `${SYSTEM_NODE} is the system's Node 20, not the project's`).toMatch(/^v20\./);

  const [servicePort, httpsPort, httpPort] = [await freePort(), await freePort(), await freePort()];
  service = spawn(SYSTEM_NODE, ['build/server/main.mjs'], {
    cwd: app,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(servicePort),
      HOST: '127.0.0.1',
      TIP_STORE: `file:${queue}`,
      TIP_POW_HMAC_KEY: randomBytes(32).toString('hex'),
      SITE_BASE: BASE,
      DIST_DIR: site,
    },
  });
  service.stdout!.on('data', (d: Buffer) => (serviceLog += d.toString()));
  service.stderr!.on('data', (d: Buffer) => (serviceLog += d.toString()));
  nginx = await startNginx({ dir: join(work, 'nginx'), webRoot, httpsPort, httpPort, servicePort });
  origin = `https://127.0.0.1:${httpsPort}`;
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  await waitFor(`${origin}${at('/api/tips/challenge')}`, request, 120_000);
  await request.dispose();
});

test.afterAll(async () => {
  await nginx?.stop();
  if (service?.pid && service.exitCode === null) {
    // The server: the process group this test created.
    try {
      process.kill(-service.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (project) remove(project);
  if (work) rmSync(work, { recursive: true, force: true });
});

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** One page of each type, as a site path, and what it must show. */
const PAGE_TYPES: [string, string][] = [
  ['/', '南庄镇'],
  ['/disclosures/', '每月公开'],
  ['/disclosures/2023-12/', '2023年12月'],
  ['/disclosures/2023-12/progress/', '调度表'],
  ['/hazards/NZ-2023-0001/', 'NZ-2023-0001'],
  ['/villages/nanzhuang/', '南庄村'],
  ['/sectors/', ''],
  ['/data/', '开放数据'],
  ['/about/', ''],
  ['/search/', '搜索'],
  ['/report/', '举报隐患'],
  ['/receipt/', '回执号'],
];

test('every page type under the base path: 200 through nginx, the headers and CSP of the one source, nothing blocked', async ({
  page,
}) => {
  const sectors = readdirSync(join(site, 'sectors'))[0]!;
  for (const [path, text] of PAGE_TYPES) {
    const sitePathname = path === '/sectors/' ? `/sectors/${sectors}/` : path;
    const guard = await guardPage(page, origin);
    const response = await page.goto(`${origin}${at(sitePathname)}`, { waitUntil: 'networkidle' });
    expect(response?.status(), sitePathname).toBe(200);
    expect(await response!.allHeaders(), sitePathname).toMatchObject(lower(headersFor(sitePathname)));
    if (text) await expect(page.locator('main'), sitePathname).toContainText(text);
    expect(guard.offOrigin, sitePathname).toEqual([]);
    expect(await guard.violations(), sitePathname).toEqual([]);
  }
  // A missing page: the site's 404 page, with the same headers.
  const missing = await page.goto(`${origin}${at('/no-such-page/')}`);
  expect(missing?.status()).toBe(404);
  expect(await missing!.allHeaders()).toMatchObject(lower(headersFor('/')));
  await expect(page.getByRole('link', { name: '首页' }).first()).toHaveAttribute('href', BASE);
  // Files: the feed, open data, the receipts file, an API answer.
  for (const path of [
    '/feed.xml',
    '/data/ledger.json',
    '/data/2023-12.csv',
    '/receipts.json',
    '/pagefind/pagefind.js',
  ]) {
    const res = await page.request.get(`${origin}${at(path)}`);
    expect(res.status(), path).toBe(200);
    expect(res.headers(), path).toMatchObject(lower(headersFor(path)));
  }
  // A month's map as GeoJSON: typed (Debian's mime.types has no such entry), compressed, same headers.
  const geojson = await page.request.get(`${origin}${at('/data/2023-12.geojson')}`, {
    headers: { 'Accept-Encoding': 'gzip' },
  });
  expect(geojson.status()).toBe(200);
  expect(geojson.headers()).toMatchObject({
    ...lower(headersFor('/data/2023-12.geojson')),
    'content-type': 'application/geo+json',
    'content-encoding': 'gzip',
  });
  expect(((await geojson.json()) as { type: string }).type).toBe('FeatureCollection');
  const api = await page.request.get(`${origin}${at('/api/tips/challenge')}`);
  expect(api.headers()).toMatchObject(lower(headersFor('/api/tips/challenge', API_RULES)));
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['set-cookie']).toBeUndefined();
});

test('every internal link, asset and island of every built page resolves under the base path', async ({ request }) => {
  // In the files: against nginx's web root, a link that forgot the base finds nothing.
  expect(checkLinks(webRoot, { dynamic: [at('/api/')] })).toEqual([]);

  // Over HTTP, through nginx: every distinct internal URL the pages reference answers 200.
  const urls = new Set<string>();
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(50);
  for (const file of pages) {
    for (const { url } of htmlReferences(readFileSync(join(site, file), 'utf8'))) {
      if (!url.startsWith('/')) continue;
      expect(url, `${file}: ${url}`).toMatch(new RegExp(`^${BASE}`));
      urls.add(url.split('#')[0]!);
    }
  }
  const failures: string[] = [];
  for (const url of urls) {
    const res = await request.get(`${origin}${url}`, { maxRedirects: 0 });
    if (res.status() !== 200) failures.push(`${url} → ${res.status()}`);
  }
  expect(failures).toEqual([]);
  expect(urls.size).toBeGreaterThan(100);

  // The feed's links are absolute: SITE_URL and the base path.
  const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
  const links = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  expect(links.length).toBeGreaterThan(2);
  for (const link of links) expect(link.startsWith(`${SITE_URL}${BASE}`), link).toBe(true);
  // The receipts file links hazards under the base.
  expect(readFileSync(join(site, 'receipts.json'), 'utf8')).toContain(`"url":"${at('/hazards/')}`);
});

test('search under the base path: Pagefind and every shard load from it, and results link into it', async ({
  page,
}) => {
  const guard = await guardPage(page, origin);
  const index: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/pagefind/')) index.push(path);
  });
  await page.goto(`${origin}${at('/search/?q=燃气')}`);
  await expect(page.locator('.search-result a').first()).toBeVisible({ timeout: 30_000 });
  // Older shards on demand: 继续搜索 merges them from under the base path.
  const older = page.getByRole('button', { name: '继续搜索更早登记的隐患' });
  await expect(older).toBeVisible();
  await older.click();
  // The button is marked busy from the click until the merged search has drawn its results.
  await expect(older).not.toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
  expect(index.some((p) => p.startsWith(at('/pagefind/shard-')))).toBe(true);
  const hrefs = await page.locator('.search-result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href.startsWith(at('/hazards/')), href).toBe(true);
  expect((await page.request.get(`${origin}${hrefs.at(-1)!}`)).status()).toBe(200);

  // A hazard number goes straight to its own (oldest) shard, read from the manifest under the base.
  await page.goto(`${origin}${at('/search/?q=NZ-2023-0001')}`);
  await expect(page.locator(`.search-result a[href="${at('/hazards/NZ-2023-0001/')}"]`)).toBeVisible({
    timeout: 30_000,
  });
  expect(index.length).toBeGreaterThan(0);
  for (const path of index) expect(path.startsWith(at('/pagefind/')), path).toBe(true);
  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
});

test('a tip with a GPS-tagged photo, sent through the form, is in the file store: encrypted, no metadata, 0600, day only', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const guard = await guardPage(page, origin);
  const api: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) api.push(new URL(r.url()).pathname);
  });
  await page.goto(`${origin}${at('/report/')}`);
  const what = `东堡村北口加油站后院违规存放十几桶汽油。selfhost-${Date.now()}`;
  await page.getByLabel('发现了什么隐患').fill(what);
  await page.getByLabel('在哪个村').selectOption('东堡村');
  await page.getByLabel('照片').setInputFiles('tests/fixtures/photo-with-gps.jpg');
  await expect(page.locator('.photo-list li')).toHaveCount(1);
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 120_000 });
  const receipt = (await page.locator('.receipt-number').innerText()).replace(/\s/g, '');
  expect(new Set(api)).toEqual(new Set([at('/api/tips/challenge'), at('/api/tips')]));

  // The link to the lookup page stays under the base.
  await expect(page.getByRole('link', { name: /查询/ }).first()).toHaveAttribute('href', at('/receipt/'));

  const store = new FileStore(queue, TIPS_STORE);
  const keys = (await store.list()).blobs.map((b) => b.key);
  const decrypter = new Decrypter();
  decrypter.addIdentity(
    readFileSync('tests/fixtures/development-identity.txt', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('AGE-SECRET-KEY-'))!,
  );
  const mine = [];
  for (const key of keys) {
    const entry = (await store.getWithMetadata(key, { type: 'arrayBuffer' }))!;
    const bytes = new Uint8Array(entry.data);
    const tip = Tip.parse(JSON.parse(await decrypter.decrypt(bytes, 'text')));
    if (tip.receipt === receipt) mine.push({ key, bytes, tip, metadata: parseTipMetadata(entry.metadata) });
  }
  expect(mine).toHaveLength(1);
  const [{ key, bytes, tip, metadata }] = mine as [(typeof mine)[0]];
  expect(Buffer.from(bytes).includes(Buffer.from(what.slice(0, 6)))).toBe(false);
  expect(tip.what).toBe(what);
  expect(tip.photos).toHaveLength(1);
  const jpeg = Uint8Array.from(atob(tip.photos[0]!.data), (c) => c.charCodeAt(0));
  expect(metadataSegments(jpeg)).toEqual([]);
  expect(Buffer.from(jpeg).includes(Buffer.from('InformantPhone'))).toBe(false);
  expect(metadata).toMatchObject({ v: 1, size: bytes.length });

  const file = statSync(join(queue, TIPS_STORE, key));
  expect(file.mode & 0o777).toBe(0o600);
  expect(statSync(join(queue, TIPS_STORE)).mode & 0o777).toBe(0o700);
  expect(file.mtime.getTime()).toBe(Date.parse(`${metadata!.received}T00:00:00+08:00`));

  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('the receipt lookup under the base path shows the status and links to the hazard there', async ({ page }) => {
  const samples = (
    JSON.parse(readFileSync('tests/fixtures/sample-receipts.json', 'utf8')) as {
      receipts: { receipt: string; status: string; hazard?: string }[];
    }
  ).receipts;
  const listed = samples.find((s) => s.hazard)!;
  const guard = await guardPage(page, origin);
  const sent: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
  await page.goto(`${origin}${at('/receipt/')}`);
  await page.getByLabel('回执号').fill(formatReceipt(listed.receipt));
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.locator('.receipt-result');
  await expect(result).toContainText(listed.status);
  const link = result.getByRole('link', { name: new RegExp(listed.hazard!) });
  await expect(link).toHaveAttribute('href', at(`/hazards/${listed.hazard}/`));
  await link.click();
  await expect(page).toHaveURL(`${origin}${at(`/hazards/${listed.hazard}/`)}`);
  expect(sent.filter((s) => s.includes(listed.receipt))).toEqual([]);
  expect(sent.some((s) => s.includes(at('/receipts.json')))).toBe(true);
  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
});

test('nginx wrote no client address, and nothing at all about the API, the tip form or receipts', () => {
  const dir = join(work, 'nginx');
  const access = readFileSync(join(dir, 'site-access.log'), 'utf8');
  expect(access).toContain(`GET ${at('/hazards/NZ-2023-0001/')}`); // the rest of the site is logged…
  expect(access).not.toContain('127.0.0.1'); // …without addresses
  for (const quiet of [at('/api/'), at('/report/'), at('/receipt/'), at('/receipts.json')]) {
    expect(access, quiet).not.toContain(quiet);
  }
  for (const log of ['error.log', 'http-access.log']) {
    expect(readFileSync(join(dir, log), 'utf8'), log).not.toContain('client: 127.0.0.1');
  }
  // The service logs its start and nothing per request.
  const said = serviceLog.split('\n').filter((line) => line.trim());
  expect(said).toHaveLength(1);
  expect(said[0]).toContain('举报服务已启动');
});

test('over the limit, nginx answers with the tip line’s own 429 in Chinese (counted in memory per address)', async ({
  request,
}) => {
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => request.get(`${origin}${at('/api/tips/challenge')}`)),
  );
  const limited = answers.filter((r) => r.status() === 429);
  expect(limited.length).toBeGreaterThan(0);
  const body = (await limited[0]!.json()) as { code: string; message: string };
  expect(body.code).toBe('rate_limited');
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(limited[0]!.headers()['cache-control']).toBe('no-store');
});
