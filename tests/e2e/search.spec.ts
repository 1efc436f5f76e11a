/**
 * Search in a real Chromium over the real build and its real Pagefind index, served as `npm start`
 * serves it. Queries and expected hazards come from the sample content files (tests/support/).
 */
import { expect, test, type Page } from '@playwright/test';
import { firstQueryBytes, formatFirstQueryBytes } from '../support/first-query-bytes';
import { innerWordQueries, loadSample, sentenceWordQueries, uniqueUnit } from '../support/sample-queries';
import { formatMonth } from '../../src/lib/format/date';
import { expectAccessible } from '../support/axe';
import { budgetFor } from '../support/budget';

const { content, hazards } = loadSample();
const hazardUrl = (id: string) => `/hazards/${id}/`;
const search = (params: Record<string, string>) => `/search/?${new URLSearchParams(params).toString()}`;

/** Opens a search URL, waits for the count, opens every page of results; returns their paths. */
async function resultPaths(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/找到 \d+ 条结果|没有找到结果/);
  const more = page.locator('[data-search-more]');
  const links = page.locator('.search-result h3 a');
  while (await more.isVisible()) {
    const before = await links.count();
    await more.click();
    await expect(links).not.toHaveCount(before);
  }
  return (await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map(
    decodeURIComponent,
  );
}

test.describe('Chinese recall', () => {
  const words = sentenceWordQueries(hazards);

  test('the sample yields words from the start, middle and end of sentences', () => {
    for (const position of ['start', 'middle', 'end'] as const) {
      expect(words.filter((w) => w.position === position).length, position).toBeGreaterThanOrEqual(2);
    }
  });

  for (const { position, word, sentence, expected } of words) {
    test(`a word at the ${position} of a sentence: ${word} → ${expected}`, async ({ page }) => {
      const paths = await resultPaths(page, search({ q: word }));
      expect(paths, `“${sentence}”`).toContain(hazardUrl(expected));
    });
  }

  for (const { word, expected } of innerWordQueries(hazards)) {
    test(`a word inside a longer word: ${word} → ${expected}`, async ({ page }) => {
      const paths = await resultPaths(page, search({ q: word }));
      expect(paths).toContain(hazardUrl(expected));
    });
  }

  test('hazard pages rank above the month pages that list them', async ({ page }) => {
    const { unit } = uniqueUnit(hazards);
    budgetFor({ pages: 2 });
    for (const q of ['燃气', words[0]!.word, unit]) {
      const paths = await resultPaths(page, search({ q }));
      const lastHazard = paths.findLastIndex((p) => p.startsWith('/hazards/'));
      const firstMonth = paths.findIndex((p) => p.startsWith('/disclosures/'));
      expect(lastHazard, q).toBeGreaterThanOrEqual(0);
      if (firstMonth >= 0) expect(lastHazard, `${q}: ${paths.join(' ')}`).toBeLessThan(firstMonth);
    }
  });

  test('a village name finds every hazard of that village', async ({ page }) => {
    // The village with the fewest hazards that still has several: a real list, not the whole ledger.
    const byVillage = Map.groupBy(hazards, (h) => h.hazard.village);
    const [village, inVillage] = [...byVillage]
      .filter(([, list]) => list.length >= 2)
      .sort((a, b) => a[1].length - b[1].length)[0]!;
    const paths = await resultPaths(page, search({ q: village }));
    for (const { hazard } of inVillage) expect(paths, village).toContain(hazardUrl(hazard.id));
  });

  test('an enterprise name finds its hazard, above the month pages that list it', async ({ page }) => {
    const { unit, expected } = uniqueUnit(hazards);
    const paths = await resultPaths(page, search({ q: unit }));
    expect(paths[0], unit).toBe(hazardUrl(expected));
  });

  test('a hazard number finds that hazard first', async ({ page }) => {
    const ids = content.ledger.ids();
    const chosen = ids.includes('NZ-2023-0012') ? 'NZ-2023-0012' : ids[Math.floor(ids.length / 2)]!;
    budgetFor({ pages: 1 });
    for (const query of [chosen, chosen.toLowerCase()]) {
      const paths = await resultPaths(page, search({ q: query }));
      expect(paths[0], query).toBe(hazardUrl(chosen));
    }
  });

  test('燃气 finds every hazard of the gas sector', async ({ page }) => {
    const gas = hazards.filter((h) => h.hazard.sector === '燃气');
    expect(gas.length).toBeGreaterThan(0);
    const paths = await resultPaths(page, search({ q: '燃气' }));
    for (const { hazard } of gas) expect(paths).toContain(hazardUrl(hazard.id));
  });
});

test.describe('filters', () => {
  test('village + sector + source give exactly the matching hazards', async ({ page }) => {
    // The combination of the sample's first hazard: at least one result, usually few.
    const { village, sector, source } = hazards[0]!.hazard;
    const expected = hazards
      .filter((h) => h.hazard.village === village && h.hazard.sector === sector && h.hazard.source === source)
      .map((h) => hazardUrl(h.hazard.id));
    const paths = await resultPaths(page, search({ village, sector, source }));
    expect(paths.sort()).toEqual(expected.sort());
    // The form shows the filters read from the URL.
    await expect(page.getByLabel('村', { exact: true })).toHaveValue(village);
    await expect(page.getByLabel('行业领域')).toHaveValue(sector);
    await expect(page.getByLabel('来源')).toHaveValue(source);
  });

  test('a word + month + status narrow to the hazards listed that month with that current status', async ({ page }) => {
    const month = content.ledger.months[1] ?? content.ledger.months[0]!;
    const status = '整改中';
    const expected = hazards
      .filter((h) => h.months.includes(month) && h.hazard.status === status && h.hazard.sector === '燃气')
      .map((h) => hazardUrl(h.hazard.id));
    const paths = await resultPaths(page, search({ q: '燃气', month: formatMonth(month), status }));
    const hazardPaths = paths.filter((p) => p.startsWith('/hazards/'));
    for (const url of expected) expect(hazardPaths).toContain(url);
    for (const url of hazardPaths) {
      const id = url.split('/')[2]!;
      const entry = hazards.find((h) => h.hazard.id === id)!;
      expect(entry.months, id).toContain(month);
      expect(entry.hazard.status, id).toBe(status);
    }
  });

  test('every filter value in the index is offered on the page', async ({ page }) => {
    await page.goto('/search/');
    const indexed = await page.evaluate(async () => {
      const url = '/pagefind/pagefind.js';
      const pagefind = (await import(url)) as { filters(): Promise<Record<string, Record<string, number>>> };
      return pagefind.filters();
    });
    const params = { 月份: 'month', 村: 'village', 行业领域: 'sector', 来源: 'source', 状态: 'status' } as const;
    expect(Object.keys(indexed).sort()).toEqual(Object.keys(params).sort());
    for (const [name, values] of Object.entries(indexed)) {
      const offered = await page
        .locator(`select[name="${params[name as keyof typeof params]}"] option`)
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      for (const value of Object.keys(values)) expect(offered, `${name}: ${value}`).toContain(value);
    }
  });
});

test.describe('the search page', () => {
  test('typing searches, puts the query in the URL and announces the count', async ({ page }) => {
    await page.goto('/search/');
    const input = page.getByLabel('搜索词');
    await input.click();
    await page.keyboard.type('燃气');
    await expect(page).toHaveURL(/\/search\/\?q=%E7%87%83%E6%B0%94$/);
    const status = page.getByRole('status');
    await expect(status).toHaveText(/找到 \d+ 条结果/);
    await expect(page.locator('.search-result mark').first()).toHaveText(/燃|气/);
    // Filters join the URL too, in a fixed order.
    await page.getByLabel('整改状态').selectOption('整改中');
    await expect(page).toHaveURL(/\?q=%E7%87%83%E6%B0%94&status=%E6%95%B4%E6%94%B9%E4%B8%AD$/);
    // Clearing everything empties the URL and asks for a query.
    await input.fill('');
    await page.getByLabel('整改状态').selectOption('');
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(status).toHaveText('请输入搜索词，或选择筛选条件。');
  });

  test('the header search box leads here and the query runs', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: '搜索隐患' }).fill('加油站');
    await page.getByRole('searchbox', { name: '搜索隐患' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await expect(page.getByLabel('搜索词')).toHaveValue('加油站');
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
  });

  test('keyboard: the form in reading order, 显示更多 moves focus to the first new result', async ({ page }) => {
    const month = content.ledger.months.at(-1)!;
    await page.goto(search({ month: formatMonth(month) }));
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果，下面显示前 10 条/);
    await page.getByLabel('搜索词').focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(
          () => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? '',
        ),
      );
    }
    expect(order).toEqual(['BUTTON', 'month', 'village', 'sector', 'source', 'status']);
    const links = page.locator('.search-result h3 a');
    await expect(links).toHaveCount(10);
    await page.getByRole('button', { name: '显示更多结果' }).focus();
    await page.keyboard.press('Enter');
    await expect(links.nth(10)).toBeFocused();
  });

  test('without JavaScript it says so and offers the month, village and sector pages', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(search({ q: '燃气' }));
    await expect(page.getByText('搜索功能需要浏览器启用 JavaScript')).toBeVisible();
    await expect(page.getByLabel('搜索词')).toBeHidden();
    const latest = content.ledger.months.at(-1)!;
    await expect(page.getByRole('link', { name: formatMonth(latest) })).toHaveAttribute(
      'href',
      `/disclosures/${latest}/`,
    );
    const village = content.site.villages[0]!;
    await expect(page.getByRole('link', { name: village.name, exact: true })).toHaveAttribute(
      'href',
      `/villages/${village.slug}/`,
    );
    const sector = content.site.sectors[0]!;
    await expect(page.getByRole('link', { name: sector.name, exact: true })).toHaveAttribute(
      'href',
      `/sectors/${sector.slug}/`,
    );
    await context.close();
  });

  test('only this site is contacted, nothing is refused by the CSP or logged as an error', async ({ page }) => {
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(search({ q: '燃气' }));
    // Served with the site's strict CSP: no eval, no inline script; only WebAssembly compilation allowed.
    const scriptSrc = /script-src ([^;]*)/.exec(response?.headers()['content-security-policy'] ?? '')?.[1] ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
    // A second search, so the engine has run (WASM included) before the checks.
    await page.getByLabel('搜索词').fill('加油站');
    await page.getByLabel('搜索词').press('Enter');
    await expect(page).toHaveURL(/q=%E5%8A%A0%E6%B2%B9%E7%AB%99/);
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
    // Chromium reports every CSP refusal (script, WASM, worker, fetch) as a console error.
    expect(problems).toEqual([]);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });

  test('axe finds no WCAG 2.2 AA problem with results shown', async ({ page }) => {
    await page.goto(search({ q: '燃气' }));
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
    await expectAccessible(page);
  });

  test('bytes fetched for a first query stay within budget', async ({ browser, baseURL }, testInfo) => {
    const report = await firstQueryBytes(`${baseURL}${search({ q: '燃气' })}`, { browser });
    const summary = formatFirstQueryBytes(report);
    testInfo.annotations.push({ type: 'first-query-bytes', description: summary });
    console.log(summary);
    expect(report.resources.some((r) => r.url.includes('/pagefind/') && r.url.endsWith('.pf_fragment'))).toBe(true);
    // Budget for the sample, compressed as a host would send it: page + script + Pagefind + index.
    expect(report.total.gzipped).toBeLessThan(160 * 1024);
  });
});

test.describe('on a phone (360 × 640)', () => {
  test.use({ viewport: { width: 360, height: 640 } });
  const toggle = (page: Page) => page.locator('[data-search-filters-toggle]');

  test('the filters fold behind 筛选, and the first result shows on the first screen', async ({ page }) => {
    await page.goto(search({ q: '燃气' }));
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('村', { exact: true })).toBeHidden();
    const first = await page.locator('.search-result h3 a').first().boundingBox();
    expect(first, 'first result').not.toBeNull();
    expect(first!.y + first!.height).toBeLessThanOrEqual(640);
    // 筛选 opens them, and folds them again.
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel('村', { exact: true })).toBeVisible();
    await toggle(page).click();
    await expect(page.getByLabel('村', { exact: true })).toBeHidden();
  });

  test('a search with a filter set opens the filters, and 筛选 says how many are set; axe finds nothing', async ({
    page,
  }) => {
    await page.goto(search({ q: '燃气', status: '整改中' }));
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果|没有找到结果/);
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page)).toHaveText('筛选（已选 1 项）');
    await expect(page.getByLabel('整改状态')).toBeVisible();
    await expect(page.getByLabel('整改状态')).toHaveValue('整改中');
    await expectAccessible(page);
    // Choosing a second one counts it.
    const village = hazards[0]!.hazard.village;
    await page.getByLabel('村', { exact: true }).selectOption(village);
    await expect(toggle(page)).toHaveText('筛选（已选 2 项）');
  });

  test('on a wide screen the filters show and 筛选 does not', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(search({ q: '燃气' }));
    await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条结果/);
    await expect(toggle(page)).toBeHidden();
    await expect(page.getByLabel('村', { exact: true })).toBeVisible();
  });
});

test.describe('ranking and excerpts', () => {
  /** Whether each result is a hazard whose title or unit holds the whole query. */
  async function namedFlags(page: Page, q: string): Promise<{ paths: string[]; flags: boolean[] }> {
    const paths = await resultPaths(page, search({ q }));
    const flags = paths.map((path) => {
      const entry = hazards.find((h) => hazardUrl(h.hazard.id) === path);
      return entry !== undefined && `${entry.hazard.title}\n${entry.hazard.unit}`.includes(q);
    });
    return { paths, flags };
  }

  test('燃气: hazards with 燃气 in their title or unit come before the others', async ({ page }) => {
    const { paths, flags } = await namedFlags(page, '燃气');
    const firstOther = flags.indexOf(false);
    expect(firstOther, 'some results name 燃气').toBeGreaterThan(0);
    // Others were found too (氧气瓶与易燃物, a chemicals warehouse …): they follow every named one.
    expect(flags.slice(firstOther), paths.join(' ')).not.toContain(true);
    expect(paths.slice(firstOther).some((p) => p.startsWith('/hazards/'))).toBe(true);
  });

  test('other words too, where the index alone ranks a hazard that names them lower', async ({ page }) => {
    budgetFor({ pages: 2 });
    // In the sample, Pagefind alone ranks a hazard without the word above one that has it in its title;
    // the page re-ranks each page of ten it draws, and these words' named hazards are all in the first.
    for (const q of ['消防', '电动车']) {
      const { paths, flags } = await namedFlags(page, q);
      expect(flags, q).toContain(true);
      const firstOther = flags.indexOf(false);
      if (firstOther >= 0) expect(flags.slice(firstOther), `${q}: ${paths.join(' ')}`).not.toContain(true);
    }
  });

  test('excerpts start at a word and keep field names apart', async ({ page }) => {
    await resultPaths(page, search({ q: '燃气' }));
    const excerpts = await page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector('a')?.getAttribute('href') ?? '',
        text: item.querySelector('.search-result-excerpt')?.textContent ?? '',
      })),
    );
    expect(excerpts.length).toBeGreaterThan(5);
    // Field names of a hazard page, as its 基本情况 and 整改情况 lists write them.
    const names = ['编号', '单位/场所', '所在村', '行业领域', '发现日期', '交办对象', '整改方式', '责任人', '整改措施'];
    let namesSeen = 0;
    for (const { href, text } of excerpts) {
      expect(text, href).not.toMatch(/^\s*[-0-9]/);
      if (!href.startsWith('/hazards/')) continue;
      for (const name of names) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          namesSeen++;
          const after = text.slice(at + name.length, at + name.length + 1);
          // Followed by its colon, unless the excerpt ends there.
          expect(after === '' || after === '：', `${href}: …${text.slice(Math.max(0, at - 8), at + 16)}…`).toBe(true);
        }
      }
    }
    expect(namesSeen, 'excerpts that show field names').toBeGreaterThan(0);
  });
});
