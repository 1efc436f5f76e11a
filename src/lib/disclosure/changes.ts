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

const KINDS: readonly ChangeKind[] = ['added', 'rectified', 'closed', 'overdue'];

/** The four groups of a month's changes, each naming at most `limit` hazards. */
export function changeGroups(diff: MonthDiff, limit = Number.POSITIVE_INFINITY): ChangeGroup[] {
  return KINDS.map((kind) => ({
    kind,
    total: diff[kind].length,
    shown: diff[kind].length > limit ? diff[kind].slice(0, limit) : diff[kind],
  }));
}
