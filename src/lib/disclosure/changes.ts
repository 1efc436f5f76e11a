import type { Hazard } from '../../schemas/hazard';
import type { MonthDiff } from '../ledger/ledger';

export type ChangeKind = 'added' | 'rectified' | 'closed' | 'overdue';

/** One group of "changes since last month", possibly cut short. */
export interface ChangeGroup {
  kind: ChangeKind;
  /** Hazards in the group. */
  total: number;
  /** The first `limit` of them, in the diff's order. */
  shown: readonly Hazard[];
}

/** Overdue first: what a resident most needs to know is what is late. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['overdue', 'added', 'rectified', 'closed'];

/** The four groups of a month's changes, overdue first, each naming at most `limit` hazards. */
export function changeGroups(diff: MonthDiff, limit = Number.POSITIVE_INFINITY): ChangeGroup[] {
  return CHANGE_KINDS.map((kind) => ({
    kind,
    total: diff[kind].length,
    shown: diff[kind].length > limit ? diff[kind].slice(0, limit) : diff[kind],
  }));
}
