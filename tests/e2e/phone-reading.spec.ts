/**
 * Reading on a small phone (360 × 640): the open-data files as cards with whole checksums, a progress
 * table whose village names stay above their own figures however it is scrolled, status marks as
 * large as the text around them, the villages and the ways to report on the home page's first two
 * screens, and a month page whose height holds still while it is scrolled.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content-set/load';
import { isOverdue } from '../../src/lib/ledger/status';
import { expectAccessible } from '../support/axe';

const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger } = loaded.content;
const latest = ledger.latestMonth!;
const PHONE = { width: 360, height: 640 };

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
/** Resolves once the browser has rendered a frame after the last change (two animation frames). */
const rendered = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test.use({ viewport: PHONE });

test('/data/: each file is a card with its checksum whole, the page at most twice its desk height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/data/');
  const desk = await pageHeight(page);
  await page.setViewportSize(PHONE);
  await page.goto('/data/');
  const phone = await pageHeight(page);
  expect(phone, `${phone} px at 360 against ${desk} px at 1280`).toBeLessThanOrEqual(2 * desk);

  const rows = page.locator('table.files tbody tr');
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(rows.first()).toHaveCSS('display', 'block');
  const cards = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const card = tr.getBoundingClientRect();
      const code = tr.querySelector('code.hash')!;
      const box = code.getBoundingClientRect();
      return {
        hash: code.textContent.trim(),
        monospace: getComputedStyle(code).fontFamily.includes('monospace'),
        inside: box.left >= card.left && box.right <= card.right,
        lines: Math.round(box.height / parseFloat(getComputedStyle(code.parentElement!).lineHeight)),
      };
    }),
  );
  for (const card of cards) {
    expect(card.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(card, card.hash).toMatchObject({ monospace: true, inside: true });
    expect(card.lines, card.hash).toBeLessThanOrEqual(2);
  }
  await expectAccessible(page, '/data/ at 360 px');
});

/**
 * The progress table scrolled to `left` and `top` inside its region: over the item column the header
 * row shows the corner cell, and above every figure that is in view (not under the item column) is
 * the name of that figure's village. Checked with what is really drawn at each point.
 */
async function checkHeaders(region: Locator, left: number, top: number): Promise<void> {
  await region.evaluate((el, [l, t]) => el.scrollTo({ left: l!, top: t!, behavior: 'instant' }), [left, top]);
  await expect
    .poll(() => region.evaluate((el) => [el.scrollLeft, el.scrollTop]))
    .toEqual([
      Math.min(left, await region.evaluate((el) => el.scrollWidth - el.clientWidth)),
      Math.min(top, await region.evaluate((el) => el.scrollHeight - el.clientHeight)),
    ]);
  const found = await region.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const corner = el.querySelector('thead th')!;
    const head = corner.getBoundingClientRect();
    const headerY = (head.top + head.bottom) / 2;
    const itemRight = el.querySelector('tbody th[scope="row"]')!.getBoundingClientRect().right;
    const drawn = (x: number, y: number) => document.elementFromPoint(x, y)?.closest('th, td');
    const wrong: string[] = [];
    let checked = 0;
    // The header row is at the region's top once the caption above it has scrolled away.
    const stays = Math.max(box.top, el.querySelector('caption')!.getBoundingClientRect().bottom);
    if (Math.abs(head.top - stays) > 1) wrong.push(`header row at ${head.top}, expected at ${stays}`);
    if (drawn((head.left + itemRight) / 2, headerY) !== corner)
      wrong.push('the corner cell is not over the item column');
    for (const row of el.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      for (const cell of row.querySelectorAll('td')) {
        const r = cell.getBoundingClientRect();
        const x = (Math.max(r.left, itemRight) + Math.min(r.right, box.right)) / 2;
        const y = (r.top + r.bottom) / 2;
        // In view: its middle inside the region, below the header row, and the cell itself drawn there.
        if (x <= itemRight || x >= box.right || y <= head.bottom || y >= box.bottom || drawn(x, y) !== cell) continue;
        checked++;
        const header = drawn(x, headerY);
        if (!(header instanceof HTMLTableCellElement) || header.cellIndex !== cell.cellIndex)
          wrong.push(
            `${row.cells[0]!.textContent.trim()}: column ${cell.cellIndex} under ${header?.textContent.trim()}`,
          );
      }
    }
    return { wrong, checked };
  });
  expect(found.checked, `figures in view at ${left},${top}`).toBeGreaterThan(0);
  expect(found.wrong, `scrolled to ${left},${top}`).toEqual([]);
}

for (const [name, path] of [
  ['its own page', `/disclosures/${latest}/progress/`],
  ['the month page', `/disclosures/${latest}/`],
] as const) {
  test(`progress table on ${name}: each figure under its own village, however the table is scrolled`, async ({
    page,
  }) => {
    await page.goto(path);
    const region = page.locator('.scroll:has(table.progress-table)');
    await region.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await rendered(page);
    const box = (await region.boundingBox())!;
    expect(box.height, 'the region fits on the screen').toBeLessThanOrEqual(PHONE.height);
    // Four villages side by side beside the items (two before).
    const whole = await region.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('thead th.num')].filter((th) => th.getBoundingClientRect().right <= right).length;
    });
    expect(whole).toBeGreaterThanOrEqual(4);
    for (const [left, top] of [
      [0, 0],
      [120, 0],
      [300, 0],
      [300, 600],
      [10_000, 300],
    ] as const)
      await checkHeaders(region, left, top);
  });
}

test('progress page is accessible at 360 px, scrolled both ways', async ({ page }) => {
  await page.goto(`/disclosures/${latest}/progress/`);
  const region = page.locator('.scroll:has(table.progress-table)');
  await region.evaluate((el) => el.scrollTo({ left: 300, top: 400, behavior: 'instant' }));
  await expectAccessible(page, 'progress at 360 px');
});

test('status marks are at least the size of the body text, with a contrast of 4.5:1 or more', async ({ page }) => {
  await page.goto(`/disclosures/${latest}/`);
  const marks = await page.locator('main .tag').evaluateAll((tags) => {
    const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const rgb = (color: string) => color.match(/[\d.]+/g)!.map(Number);
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(el).backgroundColor);
        if (a > 0) return [r!, g!, b!];
      }
      return [255, 255, 255];
    };
    const body = parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize);
    return tags.map((tag) => {
      const style = getComputedStyle(tag);
      const [fg, bg] = [luminance(rgb(style.color)), luminance(background(tag))];
      return {
        text: tag.textContent.replace('⚠', '').trim(),
        larger: parseFloat(style.fontSize) >= body,
        contrast: Math.round(((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)) * 100) / 100,
      };
    });
  });
  expect(new Set(marks.map((m) => m.text))).toEqual(new Set(['整改中', '已整改', '已销号', '逾期', '挂牌督办']));
  for (const mark of marks) {
    expect(mark.larger, mark.text).toBe(true);
    expect(mark.contrast, mark.text).toBeGreaterThanOrEqual(4.5);
  }
});

test('home: the villages with their open and overdue hazards, and how to report, on the first two screens', async ({
  page,
}) => {
  await page.goto('/');
  for (const id of ['villages', 'report']) {
    const top = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top, `#${id}`).toBeLessThan(2 * PHONE.height);
  }
  await expect(page.locator('#report')).toContainText('举报隐患');

  // Boxes, two to a line on a phone.
  await expect(page.locator('ul.village-picker')).toHaveCSS('display', 'grid');
  const list = ledger.list(latest);
  const links = page.locator('ul.village-picker a');
  await expect(links).toHaveCount(site.villages.length);
  for (const [i, village] of site.villages.entries()) {
    const open = list.hazards.filter((h) => h.village === village.name && h.status === '整改中');
    const overdue = open.filter((h) => isOverdue(h, list.cutoff)).length;
    const link = links.nth(i);
    await expect(link).toHaveAttribute('href', `/villages/${village.slug}/`);
    await expect(link.locator('.v')).toHaveText(village.name);
    await expect(link.locator('.c')).toHaveText(
      overdue > 0 ? `整改中 ${open.length}逾期 ${overdue}` : `整改中 ${open.length}`,
    );
  }
  expect(await page.locator('script').count()).toBe(0);
  await expectAccessible(page, 'home at 360 px');
});

test('month pages keep their height within 5 % while scrolled from top to bottom', async ({ page }) => {
  test.setTimeout(120_000);
  for (const month of ledger.months) {
    await page.goto(`/disclosures/${month}/`);
    await rendered(page);
    const heights = [await pageHeight(page)];
    for (;;) {
      const moved = await page.evaluate(() => {
        const y = window.scrollY;
        window.scrollBy({ top: window.innerHeight * 0.9, behavior: 'instant' });
        return window.scrollY !== y;
      });
      await rendered(page);
      heights.push(await pageHeight(page));
      if (!moved) break;
    }
    const ratio = Math.max(...heights) / Math.min(...heights);
    expect(ratio, `${month}: ${Math.min(...heights)}–${Math.max(...heights)} px`).toBeLessThanOrEqual(1.05);
  }
});
