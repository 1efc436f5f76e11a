import { isClosed, isRectified } from '../ledger/status';
import { GROUP_HAZARD_LIMIT } from './page-limits';
import type { GroupHazard } from './group-history';

/** The hazards a village or sector page lists, and how many it leaves out. */
export interface BoundedHazards {
  /** The first `limit` in the history's order: overdue, open, rectified, closed. */
  shown: GroupHazard[];
  total: number;
  /** Hazards not listed; 0 when the page lists them all. */
  hidden: number;
}

export function boundHazards(hazards: readonly GroupHazard[], limit = GROUP_HAZARD_LIMIT): BoundedHazards {
  const shown = hazards.length > limit ? hazards.slice(0, limit) : [...hazards];
  return { shown, total: hazards.length, hidden: hazards.length - shown.length };
}

/** One village (on a sector page) or one sector (on a village page), counted in the latest state. */
export interface BreakdownRow {
  name: string;
  total: number;
  open: number;
  overdue: number;
  /** 已整改, not yet closed. */
  rectified: number;
  closed: number;
}

/**
 * The group's hazards counted by another dimension (`keyOf`), rows in `order` (the site file's),
 * names `order` does not know last; only names with hazards.
 */
export function breakdown(
  hazards: readonly GroupHazard[],
  keyOf: (h: GroupHazard) => string,
  order: readonly string[],
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const h of hazards) {
    const name = keyOf(h);
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { name, total: 0, open: 0, overdue: 0, rectified: 0, closed: 0 }));
    row.total += 1;
    if (isClosed(h.hazard)) row.closed += 1;
    else if (isRectified(h.hazard)) row.rectified += 1;
    else {
      row.open += 1;
      if (h.overdue) row.overdue += 1;
    }
  }
  const rank = new Map(order.map((name, i) => [name, i]));
  const at = (name: string) => rank.get(name) ?? order.length;
  return [...rows.values()].sort((a, b) => at(a.name) - at(b.name) || a.name.localeCompare(b.name));
}
