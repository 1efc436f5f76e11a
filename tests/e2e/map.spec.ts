/**
 * The hazard map (挂图作战) on the sample: one mark per located hazard, each a named link to a real
 * hazard page; accessible, valid, without JavaScript or any request to another site; one A3
 * landscape sheet in print; no sideways scrolling at 360 px, the table below the map.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { astroBuild } from '../../scripts/bench/build';
import { projectCopy, remove, tempDir } from '../../scripts/bench/projects';
import { loadContent } from '../../src/lib/content-set/load';
import { markState } from '../../src/lib/disclosure/map-view';
import { isSupervised } from '../../src/lib/ledger/status';
import { DENSE_MONTH, DENSE_VILLAGE, writeDenseVillage } from '../fixtures/dense-village';
import { expectAccessible } from '../support/axe';
import { extendTimeout } from '../support/budget';
import { checkHtml } from '../support/nu-checker';

const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger } = loaded.content;
const latest = ledger.latestMonth!;
const listed = ledger.list(latest).hazards;
const located = listed.filter((h) => h.location);
const village = site.villages.find((v) => v.name === located[0]!.village)!;
const PAGES = ['/map/', `/disclosures/${latest}/map/`, `/villages/${village.slug}/`];

/** Hazards drawn on the map: one per mark, plus each count mark's count. */
async function drawnCount(page: Page): Promise<number> {
  const marks = await page.locator('svg.map-svg a.mark').count();
  const counts = await page
    .locator('svg.map-svg a.mark-group')
    .evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-count'))));
  return marks + counts.reduce((a, b) => a + b, 0);
}

/** Every request the page makes, as URLs. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('the sample has a good share of located hazards, and some without a location', () => {
  expect(located.length).toBeGreaterThan(listed.length / 2);
  expect(located.length).toBeLessThan(listed.length);
});

test('/map/ draws one mark per located hazard of the latest month, each a named link to its page', async ({
  page,
  request,
}) => {
  await page.goto('/map/');
  await expect(page.locator('h1')).toHaveText(/2023年12月隐患地图/);
  const marks = page.locator('svg.map-svg a.mark');
  await expect(marks).toHaveCount(located.length);
  const hrefs = await marks.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.sort()).toEqual(located.map((h) => `/hazards/${h.id}/`).sort());
  for (const hazard of located) {
    const mark = page.locator(`svg.map-svg a[href="/hazards/${hazard.id}/"]`);
    const state = markState(hazard, ledger.list(latest).cutoff);
    const name = `${hazard.id} ${hazard.title}：${state}${isSupervised(hazard, ledger.list(latest).cutoff) ? '，挂牌督办' : ''}`;
    await expect(mark).toHaveAccessibleName(name);
    // Supervised hazards are ringed; the ring is drawn inside the link.
    await expect(mark.locator('.ring')).toHaveCount(isSupervised(hazard, ledger.list(latest).cutoff) ? 1 : 0);
    const response = await request.get(`/hazards/${hazard.id}/`);
    expect(response.status(), hazard.id).toBe(200);
    expect(await response.text()).toContain(hazard.title);
  }
  // Shape and colour both differ between states: four shapes in the legend, four fills.
  const legend = page.locator('.map-legend li');
  await expect(legend).toContainText(['逾期', '整改中', '已整改', '已销号', '挂牌督办（外圈）', '村的底色']);
  const fills = await page
    .locator('.map-legend svg.mark path:not(.ring)')
    .evaluateAll((paths) => paths.map((p) => getComputedStyle(p).fill));
  expect(new Set(fills.slice(0, 4)).size).toBe(4);
  const shapes = await page
    .locator('.map-legend svg.mark path:not(.ring)')
    .evaluateAll((paths) => paths.slice(0, 4).map((p) => p.getAttribute('d')!.replace(/[\d.\s-]+/g, '')));
  expect(new Set(shapes).size).toBe(4);
  // Village labels and the table beside the map.
  for (const v of site.villages) await expect(page.locator('.labels text', { hasText: v.name })).toHaveCount(1);
  await expect(page.locator('#map-marks-caption')).toContainText(`（${located.length} 项）`);
  await expect(page.locator('.map-counts tbody tr')).toHaveCount(site.villages.length);
  await expect(page.locator('figcaption')).toContainText('示例');
});

test('the map is linked from the navigation, the month page and the village page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '隐患地图' }).click();
  await expect(page).toHaveURL(/\/map\/$/);
  await page.goto(`/disclosures/${latest}/`);
  await page.getByRole('link', { name: /在地图上查看/ }).click();
  await expect(page).toHaveURL(new RegExp(`/disclosures/${latest}/map/$`));
  await page.goto(`/villages/${village.slug}/`);
  const own = located.filter((h) => h.village === village.name);
  await expect(page.locator('svg.map-svg')).toBeVisible();
  expect(await drawnCount(page)).toBe(own.length);
  await expect(page.locator('svg.map-svg .villages path')).toHaveCount(1);
});

test('every month has its map, marks equal to its located hazards, and GeoJSON with a checksum', async ({
  page,
  request,
}) => {
  for (const month of ledger.months) {
    await page.goto(`/disclosures/${month}/map/`);
    const count = ledger.list(month).hazards.filter((h) => h.location).length;
    await expect(page.locator('svg.map-svg'), month).toBeVisible();
    expect(await drawnCount(page), month).toBe(count);
  }
  const geo = await request.get(`/data/${latest}.geojson`);
  expect(geo.headers()['content-type']).toContain('application/geo+json');
  const doc = (await geo.json()) as { features: { id: string; geometry: { coordinates: number[] } }[] };
  expect(doc.features.map((f) => f.id).sort()).toEqual(located.map((h) => h.id).sort());
  await page.goto('/data/');
  await expect(page.locator(`a[href="/data/${latest}.geojson"]`)).toHaveCount(1);
});

test('map pages: axe clean, no script, no request to another origin', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  for (const path of PAGES) {
    await page.goto(path);
    expect(await page.locator('script').count(), path).toBe(0);
    await expectAccessible(page, path);
  }
  const origin = new URL(baseURL!).origin;
  expect(urls.filter((u) => new URL(u).origin !== origin)).toEqual([]);
});

test('map pages pass the W3C Nu HTML Checker', async () => {
  test.setTimeout(120_000);
  const files = PAGES.map((p) => join('dist', p, 'index.html'));
  for (const file of files) expect(existsSync(file), file).toBe(true);
  expect(await checkHtml(files)).toEqual([]);
});

test('prints on one A3 landscape sheet with the month, the notice number and a date', async ({ page }) => {
  await page.goto('/map/');
  await page.emulateMedia({ media: 'print' });
  const header = page.locator('.print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText('2023年12月');
  await expect(header).toContainText(site.notice.number);
  await expect(header).toContainText('截至 2023年12月25日');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  // One page, A3 landscape: 420 × 297 mm = 1190.6 × 841.9 pt (Chromium rounds to whole CSS pixels).
  expect(boxes).toHaveLength(1);
  const [width, height] = boxes[0]!;
  expect(Math.abs(width! - 1190.6), `width ${width}`).toBeLessThan(2);
  expect(Math.abs(height! - 841.9), `height ${height}`).toBeLessThan(2);
  // Map and tables side by side on the sheet.
  await page.setViewportSize({ width: 1587, height: 1122 });
  const map = await page.locator('.map-figure').boundingBox();
  const side = await page.locator('.map-side').boundingBox();
  expect(side!.x).toBeGreaterThan(map!.x + map!.width - 1);
});

/**
 * What a finger meets on the map: every link's box (a mark or a count mark) and every village
 * name's box, in CSS px as drawn. Every target at least 24 × 24 (WCAG 2.2, 2.5.8), no two targets
 * overlapping, no name over a target.
 */
async function expectPickable(page: Page, path: string) {
  const { targets, labels } = await page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    return {
      targets: [...document.querySelectorAll('svg.map-svg a')].map((a) => ({
        href: a.getAttribute('href'),
        ...box(a),
      })),
      labels: [...document.querySelectorAll('svg.map-svg .labels text')].map((t) => ({
        name: t.textContent,
        ...box(t),
      })),
    };
  });
  type Box = { left: number; top: number; right: number; bottom: number };
  const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  expect(targets.length, path).toBeGreaterThan(0);
  for (const [i, t] of targets.entries()) {
    expect(t.width, `${path} ${t.href}`).toBeGreaterThanOrEqual(24);
    expect(t.height, `${path} ${t.href}`).toBeGreaterThanOrEqual(24);
    for (const u of targets.slice(i + 1)) expect(meet(t, u), `${path} ${t.href} / ${u.href}`).toBe(false);
    for (const l of labels) expect(meet(t, l), `${path} ${l.name} over ${t.href}`).toBe(false);
  }
}

test.describe('at 360 × 640', () => {
  test.use({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });

  test('every mark a finger can pick: 24 × 24 px or more, none overlapping, no village name over one', async ({
    page,
  }) => {
    for (const path of PAGES) {
      await page.goto(path);
      // The sample's names all fit somewhere free.
      await expect(page.locator('svg.map-svg .labels text')).toHaveCount(path.startsWith('/villages/') ? 1 : 7);
      await expectPickable(page, path);
    }
  });

  for (const path of PAGES) {
    test(`${path}: no sideways scrolling, the table below the map`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const map = await page.locator('.map-figure').boundingBox();
      const table = await page.locator('.map-counts').boundingBox();
      expect(map!.width).toBeLessThanOrEqual(360);
      expect(table!.y).toBeGreaterThan(map!.y + map!.height);
    });
  }
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('marks and names drawn smaller stay apart, each target still 24 × 24 px or more', async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expectPickable(page, path);
    }
  });
});

test.describe('a dense village', () => {
  // The sample plus 40 hazards within about 150 m of one another in 南庄村, built on its own
  // (a project copy, Astro only) and served as static files: this checkout's dist/ is left alone.
  const DENSE = 40;
  let project: string | undefined;
  let content: string | undefined;
  let server: Server | undefined;
  let origin = '';
  let ids: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    content = tempDir('content-dense');
    ids = writeDenseVillage(join(content, 'content'), DENSE);
    project = projectCopy();
    const build = await astroBuild(project, join(project, 'dist'), { CONTENT_DIR: join(content, 'content') });
    expect(build.code, build.tail).toBe(0);
    const root = join(project, 'dist');
    server = createServer((req, res) => {
      // URL paths are absolute and normalised: nothing outside dist/ is served.
      let file = join(root, new URL(req.url ?? '/', 'http://x').pathname);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.html')
        ? 'text/html'
        : file.endsWith('.css')
          ? 'text/css'
          : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  });

  test.afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (project) remove(project);
    if (content) remove(content);
  });

  test.use({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });

  test('at 360 px: count marks for the close hazards, every target pickable, no name over one', async ({ page }) => {
    extendTimeout(30_000);
    const located = ledger.list(DENSE_MONTH).hazards.filter((h) => h.location).length + DENSE;
    const village = site.villages.find((v) => v.name === DENSE_VILLAGE)!;
    await page.goto(`${origin}/disclosures/${DENSE_MONTH}/map/`);
    const groups = page.locator('svg.map-svg a.mark-group');
    expect(await groups.count()).toBeGreaterThan(0);
    expect(await drawnCount(page)).toBe(located);
    // A count mark names its village and links to that village's list of the month.
    await expect(groups.first()).toHaveAccessibleName(new RegExp(`^${DENSE_VILLAGE}同一处的 \\d+ 项隐患`));
    for (const href of await groups.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(href).toBe(`/disclosures/${DENSE_MONTH}/`);
    }
    await expect(page.locator('.map-legend')).toContainText('带数字的圆圈');
    // The table beside the map still lists every located hazard, the clustered ones too.
    await expect(page.locator('#map-marks-caption')).toContainText(`（${located} 项）`);
    for (const id of ids.slice(0, 3)) await expect(page.locator(`.map-table a[href="/hazards/${id}/"]`)).toHaveCount(1);
    await expect(page.locator('svg.map-svg .labels text')).toHaveCount(site.villages.length);
    await expectPickable(page, 'dense month map');
    await expectAccessible(page, 'dense month map');

    await page.goto(`${origin}/villages/${village.slug}/`);
    await expect(page.locator('svg.map-svg')).toBeVisible();
    expect(await drawnCount(page)).toBe(
      ledger.list(DENSE_MONTH).hazards.filter((h) => h.location && h.village === DENSE_VILLAGE).length + DENSE,
    );
    await expectPickable(page, 'dense village page');
  });
});
