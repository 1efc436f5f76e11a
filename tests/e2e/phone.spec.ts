/**
 * The site on a small phone (360 × 640, as many residents' are): every page type reads without
 * scrolling sideways, hazard lists turn into cards whose titles get the width of the screen, the
 * progress table scrolls inside its own region with the item column in view, and every contact is
 * one tap away. A screenshot of each page type at 360 px is attached to the test report.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadContent } from '../../src/lib/content-set/load';
import { formatDate } from '../../src/lib/format/date';
import { formatPercent } from '../../src/lib/format/number';
import { daysLate } from '../../src/lib/ledger/status';
import { telHref } from '../../src/lib/tips/contact';
import { expectAccessible } from '../support/axe';

const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger } = loaded.content;
const latest = ledger.latestMonth!;
const list = ledger.list(latest);
const firstHazard = list.hazards[0]!;
const village = site.villages.find((v) => v.name === firstHazard.village)!;
const sector = site.sectors.find((s) => s.name === firstHazard.sector)!;
const PHONE = { width: 360, height: 640 };

/** One page of every type, with what to wait for before the page is complete. */
const PAGES: { name: string; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '/' },
  { name: 'disclosures', path: '/disclosures/' },
  { name: 'month', path: `/disclosures/${latest}/` },
  { name: 'progress', path: `/disclosures/${latest}/progress/` },
  { name: 'hazard', path: `/hazards/${firstHazard.id}/` },
  { name: 'village', path: `/villages/${village.slug}/` },
  { name: 'sector', path: `/sectors/${sector.slug}/` },
  { name: 'about', path: '/about/' },
  { name: 'data', path: '/data/' },
  {
    name: 'search',
    path: `/search/?q=${encodeURIComponent('燃气')}`,
    ready: (page) => expect(page.locator('.search-result').first()).toBeVisible({ timeout: 20_000 }),
  },
  { name: 'report', path: '/report/', ready: (page) => expect(page.locator('form.tip-form')).toBeVisible() },
  { name: 'receipt', path: '/receipt/', ready: (page) => expect(page.getByLabel('回执号')).toBeVisible() },
  { name: 'not-found', path: '/no-such-page/' },
];

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}-360.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name} at 360 px`, { path, contentType: 'image/png' });
}

test.describe('at 360 × 640', () => {
  test.use({ viewport: PHONE });

  for (const { name, path, ready } of PAGES) {
    test(`${name}: no sideways scrolling, contacts one tap away (screenshot attached)`, async ({ page }, testInfo) => {
      await page.goto(path);
      await ready?.(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);

      const footer = page.locator('footer.site-footer');
      await expect(footer.locator(`a[href="${telHref(site.office.phone)}"]`)).toHaveText(site.office.phone);
      await expect(footer.locator('a[href^="mailto:"]')).toHaveText(site.office.mailbox);
      for (const number of ['12350', '119', '110']) {
        await expect(footer.locator(`a[href="tel:${number}"]`)).toHaveText(number);
      }
      await screenshot(page, testInfo, name);
    });
  }

  test('month page: every hazard is a card, its title at least 8 characters wide', async ({ page }) => {
    test.setTimeout(90_000); // axe over the whole month page takes a while on a busy machine
    await page.goto(`/disclosures/${latest}/`);
    const rows = page.locator('#list ~ .scroll table.hazards tbody tr');
    await expect(rows).toHaveCount(list.hazards.length);
    // The column headings are for screen readers only; each cell says what it is.
    await expect(page.locator('table.hazards thead').first()).toHaveCSS('position', 'absolute');
    await expect(rows.first()).toHaveCSS('display', 'block');
    await expect(rows.first().locator('td[data-l]').first()).toHaveAttribute('data-l', '单位/场所');

    // Every hazard title on the page: list cards and the progress and results cards.
    const titles = page.locator('table.hazards td.t, article.card h3');
    expect(await titles.count()).toBeGreaterThanOrEqual(list.hazards.length * 2);
    const narrow = await titles.evaluateAll((els) =>
      els
        .map((el) => ({
          text: el.textContent.trim(),
          chars: el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize),
        }))
        .filter((t) => t.chars < 8),
    );
    expect(narrow).toEqual([]);
    await expectAccessible(page, 'month at 360 px');
  });

  test('month page: blocks below the first screen are laid out when scrolled near', async ({ page }) => {
    await page.goto(`/disclosures/${latest}/`);
    // A block's own box is there from the start; what content-visibility skips is what is inside it.
    const laidOut = (selector: string) =>
      page
        .locator(selector)
        .last()
        .evaluate((el) => el.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }));
    const deferred = ['article.card', '.progress-region', 'table.hazards tbody tr'];
    for (const selector of deferred) expect(await laidOut(selector), `${selector} at load`).toBe(false);
    for (const selector of deferred) {
      await page.locator(selector).last().scrollIntoViewIfNeeded();
      await expect.poll(() => laidOut(selector), `${selector} once scrolled to`).toBe(true);
    }
  });

  test('a hazard row not yet laid out reserves room for all its links', async ({ page }) => {
    // Before it is laid out a row occupies its reserved height. A row's last lines are text; were one of
    // its links below that height, it would overlap the next row's number link for tools that measure
    // link spacing. Checked on the narrowest phones too, where rows are tallest.
    const paths = [...ledger.months.map((m) => `/disclosures/${m}/`), `/villages/${village.slug}/`];
    for (const width of [320, PHONE.width]) {
      await page.setViewportSize({ width, height: PHONE.height });
      for (const path of paths) {
        await page.goto(path);
        const outside = await page.locator('table.hazards tbody tr').evaluateAll((rows) =>
          rows
            .map((row) => {
              const top = row.getBoundingClientRect().top;
              const links = [...row.querySelectorAll('a')].map((a) => a.getBoundingClientRect().bottom - top);
              const reserved = parseFloat(getComputedStyle(row).containIntrinsicBlockSize.replace('auto ', ''));
              return { row: row.querySelector('a')?.textContent, lastLink: Math.max(...links), reserved };
            })
            .filter((r) => !(r.lastLink <= r.reserved)),
        );
        expect(outside, `${path} at ${width} px`).toEqual([]);
      }
    }
  });

  test('the progress table scrolls in its own labelled region, the item column in view', async ({ page }) => {
    await page.goto(`/disclosures/${latest}/progress/`);
    const region = page.locator('.scroll:has(table.progress-table)');
    await expect(region).toHaveAttribute('role', 'region');
    await expect(region).toHaveAttribute('tabindex', '0');
    const label = await region.getAttribute('aria-labelledby');
    await expect(page.locator(`#${label}`)).toContainText('调度表');
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    const item = region.locator('tbody th[scope="row"]').first();
    const before = (await item.boundingBox())!.x;
    await region.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(Math.abs((await item.boundingBox())!.x - before)).toBeLessThanOrEqual(1);
    // The page itself still does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test('village and sector pages name who to call, with a phone that dials', async ({ page }) => {
    for (const [path, role, contact] of [
      [`/villages/${village.slug}/`, '包村干部', village.cadre],
      [`/sectors/${sector.slug}/`, '分管领导', sector.leader],
    ] as const) {
      expect(contact, path).toBeDefined();
      await page.goto(path);
      const block = page.locator('.area-contact');
      await expect(block).toContainText(`${role}：${contact!.name}`);
      if (contact!.phone)
        await expect(block.locator(`a[href="${telHref(contact!.phone)}"]`)).toHaveText(contact!.phone);
    }
  });
});

test('on a wide screen and on paper the hazard list stays a table', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`/disclosures/${latest}/`);
  const table = page.locator('#list ~ .scroll table.hazards').first();
  await expect(table.locator('thead')).toBeVisible();
  await expect(table.locator('tbody tr').first()).toHaveCSS('display', 'table-row');
  await page.setViewportSize(PHONE);
  await page.emulateMedia({ media: 'print' });
  await expect(table.locator('tbody tr').first()).toHaveCSS('display', 'table-row');
});

test('the footer gives the site information of a government website', async ({ page }) => {
  const website = site.website!;
  await page.goto('/');
  const footer = page.locator('footer.site-footer');
  await expect(footer).toContainText(`主办单位：${website.sponsor}`);
  await expect(footer).toContainText(`网站标识码：${website.identifier}`);
  await expect(footer.getByRole('link', { name: website.icp! })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expect(footer).toContainText(website.publicSecurity!);
  // The report page also gives the national hotline beside the office's own numbers.
  await page.goto('/report/');
  await expect(page.locator('main a[href="tel:12350"]')).toHaveText('12350');
  await expect(page.locator('main a[href="tel:119"]')).toBeVisible();
  await expect(page.locator('main a[href="tel:110"]')).toBeVisible();
});

test('a month page opens with its 政府信息公开 block, also in the month’s open data', async ({ page, request }) => {
  const info = list.publicInfo!;
  await page.goto(`/disclosures/${latest}/`);
  const block = page.locator('dl.gov-info');
  const pairs = await block
    .locator('div')
    .evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
  expect(pairs).toEqual([
    ['索引号', info.index],
    ['主题分类', info.category],
    ['发布机构', info.publisher],
    ['成文日期', formatDate(info.written)],
    ['发布日期', formatDate(list.published)],
    ...(info.number ? [['文号', info.number]] : []),
  ]);
  // It sits right under the title.
  await expect(page.locator('h1 + dl.gov-info')).toHaveCount(1);
  const json = (await (await request.get(`/data/${latest}.json`)).json()) as { publicInfo: unknown };
  expect(json.publicInfo).toEqual({ ...info, published: list.published, number: info.number ?? null });
});

test('changes of the month list overdue hazards first; a late fix says how late', async ({ page }) => {
  await page.goto(`/disclosures/${latest}/`);
  const groups = await page.locator('section[aria-labelledby="changes"] h3').allTextContents();
  expect(groups[0]).toMatch(/^逾期未整改/);
  const late = list.hazards.find((h) => daysLate(h) !== undefined)!;
  const text = `逾期 ${daysLate(late)} 天后完成整改`;
  await expect(page.locator(`article.card:has(a[href="/hazards/${late.id}/"])`)).toContainText(text);
  await page.goto(`/hazards/${late.id}/`);
  await expect(page.locator('main')).toContainText(text);
});

test('figures read 较上月持平 when nothing changed, and the summary does not repeat them', async ({ page }) => {
  await page.goto(`/disclosures/${latest}/`);
  const deltas = await page.locator('.figures .delta').allTextContents();
  expect(deltas.some((d) => d === '较上月持平')).toBe(true);
  expect(deltas.filter((d) => /较上月 0/.test(d))).toEqual([]);
  const figures = ledger.figures(latest);
  const summary = (await page.locator('section[aria-labelledby="overview"] > :not(.figures)').allTextContents()).join(
    '',
  );
  expect(summary).not.toContain(formatPercent(figures.rectificationRate));
  expect(summary).not.toMatch(new RegExp(`累计[^。]*${figures.total} 项`));
});
