/**
 * The Atom feeds: the site's monthly feed and one per village and per sector. Every feed of the
 * build is valid Atom (RFC 4287: its RELAX NG schema through the Nu checker, and the rules the
 * schema cannot say), each area feed holds what the ledger says changed there, and the area pages
 * link their feed for feed readers and for people.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content-set/load';
import { formatMonth } from '../../src/lib/format/date';
import type { Hazard } from '../../src/schemas/hazard';
import { checkXml } from '../support/nu-checker';

const DIST = join(import.meta.dirname, '../../dist');
const SCHEMA = join(import.meta.dirname, '../support/atom.rnc');
const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger } = loaded.content;

const feeds = [
  'feed.xml',
  ...site.villages.map((v) => `villages/${v.slug}/feed.xml`),
  ...site.sectors.map((s) => `sectors/${s.slug}/feed.xml`),
];

const entriesOf = (xml: string) => [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

test('the build has a feed for the site, every village and every sector, and nothing else', () => {
  const built = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('feed.xml'));
  expect(built.sort()).toEqual([...feeds].sort());
});

test('every feed is valid Atom: the RFC 4287 schema, then the rules it leaves to prose', async () => {
  test.setTimeout(120_000);
  const problems = await checkXml(
    SCHEMA,
    feeds.map((f) => join(DIST, f)),
  );
  expect(problems).toEqual([]);
  for (const file of feeds) {
    const xml = readFileSync(join(DIST, file), 'utf8');
    expect(xml, file).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    // atom:id is an absolute IRI, and entry ids are unique within the feed (RFC 4287 4.2.6).
    const ids = all(xml, 'id');
    for (const id of ids) expect(() => new URL(id), `${file}: ${id}`).not.toThrow();
    expect(new Set(ids).size, file).toBe(ids.length);
    // Dates are RFC 3339 with a time zone (3.3).
    for (const date of all(xml, 'updated')) expect(date, file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // The feed names its author, its own address, and every entry links a page (the schema's Schematron rules).
    expect(xml, file).toMatch(/<author><name>[^<]+<\/name><\/author>/);
    expect(xml, file).toContain(
      `rel="self" type="application/atom+xml" href="https://nanzhuang-hazards.example.org/${file}"`,
    );
    for (const entry of entriesOf(xml))
      expect(entry, file).toMatch(/<link rel="alternate" type="text\/html" href="[^"]+"\/>/);
    expect(entriesOf(xml), file).toHaveLength(ledger.months.length);
  }
});

/** What the ledger says changed in one village in one month, worked out here from the whole month's diff. */
function expectedCounts(month: string, inArea: (h: Hazard) => boolean) {
  const diff = ledger.diff(month);
  return [diff.overdue, diff.added, diff.rectified, diff.closed].map((list) => list.filter(inArea).length);
}

test('a village’s feed: an entry per month with the village’s overdue, new, rectified and closed hazards', async ({
  request,
}) => {
  for (const village of site.villages) {
    const response = await request.get(`/villages/${village.slug}/feed.xml`);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/xml/);
    const xml = await response.text();
    expect(xml).toContain(`<title>${site.township}${village.name}重大事故隐患公开</title>`);
    for (const month of ledger.months) {
      const entry = entriesOf(xml).find((e) => e.includes(`/villages/${village.slug}/#${month}</id>`));
      expect(entry, `${village.name} ${month}`).toBeDefined();
      const [overdue, added, rectified, closed] = expectedCounts(month, (h) => h.village === village.name);
      expect(entry).toContain(
        `<summary>逾期未整改 ${overdue} 项，本月新增 ${added} 项，本月完成整改 ${rectified} 项，本月办结销号 ${closed} 项。</summary>`,
      );
      expect(entry).toContain(`<title>${formatMonth(month)}${village.name}的隐患变化</title>`);
      // Every hazard of the entry is named with a link to its page.
      for (const h of ledger.diff(month).added.filter((x) => x.village === village.name)) {
        expect(entry).toContain(`/hazards/${h.id}/&quot;&gt;${h.id} `);
      }
    }
  }
});

test('a sector’s feed counts the sector’s hazards', async ({ request }) => {
  const sector = site.sectors.find((s) => ledger.cumulative(ledger.latestMonth!).some((h) => h.sector === s.name))!;
  const xml = await (await request.get(`/sectors/${sector.slug}/feed.xml`)).text();
  expect(xml).toContain(`<title>${site.township}${sector.name}领域重大事故隐患公开</title>`);
  const month = ledger.latestMonth!;
  const [overdue, added, rectified, closed] = expectedCounts(month, (h) => h.sector === sector.name);
  const entry = entriesOf(xml).find((e) => e.includes(`#${month}</id>`))!;
  expect(entry).toContain(
    `<summary>逾期未整改 ${overdue} 项，本月新增 ${added} 项，本月完成整改 ${rectified} 项，本月办结销号 ${closed} 项。</summary>`,
  );
});

test('village and sector pages link their feed for readers and show a 订阅 link to people', async ({ page }) => {
  const pages = [
    ...site.villages.slice(0, 2).map((v) => ({ path: `/villages/${v.slug}/`, label: `订阅${v.name}的隐患变化` })),
    ...site.sectors.slice(0, 2).map((s) => ({ path: `/sectors/${s.slug}/`, label: `订阅${s.name}领域的隐患变化` })),
  ];
  for (const { path, label } of pages) {
    await page.goto(path);
    const feed = `${path}feed.xml`;
    await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="${feed}"]`)).toHaveCount(
      1,
    );
    const link = page.getByRole('link', { name: label });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', feed);
    // Said in plain words, not as a format name.
    await expect(page.locator('.subscribe')).toContainText('订阅后不用反复打开网站');
    await expect(page.locator('.subscribe')).not.toContainText('RSS');
  }
});
