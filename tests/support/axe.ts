/**
 * The accessibility check every browser test uses: axe with the WCAG 2.2 AA rule tags, failing
 * with one line per violation (rule id and the elements it found). Each analysis adds its own
 * time budget, sized to the page, to the running test (tests/support/budget.ts): tests that
 * check several pages get the time they need without each one working it out.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { axeBudget, extendTimeout } from './budget';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** `label` (a path, a state) prefixes each violation, for loops over pages. */
/**
 * Long pages lay out off-screen parts lazily (content-visibility: auto, disclosure.css): until a
 * reader scrolls there they have no size. Checks of colour or size lay everything out first, as
 * scrolling would (CSSOM, which the CSP allows).
 */
export async function layOutEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    }
  });
}

export async function expectAccessible(page: Page, label?: string): Promise<void> {
  extendTimeout(axeBudget(await page.locator('*').count()));
  // axe cannot judge colours it cannot see painted.
  await layOutEverything(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const prefix = label === undefined ? '' : `${label} `;
  expect(violations.map((v) => `${prefix}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
