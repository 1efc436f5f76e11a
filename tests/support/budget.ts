/**
 * Time budgets for browser tests on a busy machine. Playwright's 30 s per test fits a page or
 * two; a test that does more slow work adds that work's budget to its own timeout, so a loaded
 * machine gives a slow pass rather than a timeout, and a hang still fails. The figures are a
 * generous multiple of what a 2-core machine shared with other jobs took (load average 15):
 * a page visit up to 5 s, axe up to 14 s on the month page (1,700 elements), 5–7 s elsewhere,
 * a tip (encrypt, proof of work, send) about 10 s.
 */
import { test } from '@playwright/test';

export const BUDGET = {
  /** One page visit with its assertions, beyond the first. */
  page: 10_000,
  /** One axe analysis: a fixed part plus a part per element on the page (tests/support/axe.ts adds it). */
  axe: { base: 20_000, perElement: 15 },
  /** One tip submitted through the form: encryption, a challenge, the proof of work, the upload. */
  tip: 60_000,
} as const;

/** Adds `ms` to the running test's timeout (none when the test has no timeout). */
export function extendTimeout(ms: number): void {
  const info = test.info();
  if (info.timeout > 0) info.setTimeout(info.timeout + ms);
}

/** Adds the budget of this much work to the running test's timeout. */
export function budgetFor(work: { pages?: number; tips?: number }): void {
  extendTimeout((work.pages ?? 0) * BUDGET.page + (work.tips ?? 0) * BUDGET.tip);
}

/** The time one axe analysis of a page with this many elements may take. */
export function axeBudget(elements: number): number {
  return BUDGET.axe.base + elements * BUDGET.axe.perElement;
}
