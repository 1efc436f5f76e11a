import type { Hazard, HazardStatus } from '../../schemas/hazard';
import type { IsoDate } from '../../schemas/common';

/**
 * The public status of a hazard is a one-way state machine:
 * 整改中 (being fixed) → 已整改 (fixed, awaiting sign-off) → 已销号 (closed by the county leader).
 * Moving backwards needs a revision note (see rules.ts).
 */
export const STATUS_RANK: Record<HazardStatus, number> = { 整改中: 0, 已整改: 1, 已销号: 2 };

export const isRectified = (hazard: Hazard): boolean => STATUS_RANK[hazard.status] >= STATUS_RANK.已整改;
export const isClosed = (hazard: Hazard): boolean => hazard.status === '已销号';

/** A deadline fix still open after its deadline, as of `asOf` (the month's cutoff). */
export function isOverdue(hazard: Hazard, asOf: IsoDate): boolean {
  return (
    hazard.status === '整改中' &&
    hazard.mode === '限期整改' &&
    hazard.plan.deadline !== undefined &&
    hazard.plan.deadline < asOf
  );
}

/** Whether the hazard was 挂牌督办 by `asOf`. */
export const isSupervised = (hazard: Hazard, asOf: IsoDate): boolean =>
  hazard.supervision !== undefined && hazard.supervision.since <= asOf;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: IsoDate) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;

/**
 * Days a deadline fix was completed after its deadline (逾期 N 天后完成整改); undefined when it was
 * done in time, is not done yet, or had no deadline.
 */
export function daysLate(hazard: Hazard): number | undefined {
  const { rectified } = hazard;
  const { deadline } = hazard.plan;
  if (hazard.mode !== '限期整改' || !rectified || !deadline || rectified <= deadline) return undefined;
  return dayNumber(rectified) - dayNumber(deadline);
}
