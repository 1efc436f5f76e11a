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
