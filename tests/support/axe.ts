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
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  extendTimeout(axeBudget(await page.locator('*').count()));
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const prefix = label === undefined ? '' : `${label} `;
  expect(violations.map((v) => `${prefix}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
