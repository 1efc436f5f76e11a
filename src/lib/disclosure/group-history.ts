import type { IsoDate, IsoMonth } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { Ledger, MonthFigures } from '../ledger/ledger';
import { isClosed, isOverdue, isRectified } from '../ledger/status';

/** One month of a village or sector: cumulative counts as of the cutoff, like the headline figures. */
export interface GroupMonth extends MonthFigures {
  /** First listed this month. */
  added: number;
}

/** A hazard of the group in its latest state. */
export interface GroupHazard {
  hazard: Hazard;
  firstMonth: IsoMonth;
  lastMonth: IsoMonth;
  overdue: boolean;
}

export interface GroupHistory {
  /** Open hazards first (overdue before others), then rectified, then closed; by number within each. */
  hazards: GroupHazard[];
  /** Oldest first. */
  months: GroupMonth[];
}

const rank = (h: GroupHazard) => (isClosed(h.hazard) ? 3 : isRectified(h.hazard) ? 2 : h.overdue ? 0 : 1);

/** What village and sector pages group by. */
export type GroupDimension = 'village' | 'sector';

const emptyMonth = (month: IsoMonth, cutoff: IsoDate): GroupMonth => ({
  month,
  cutoff,
  added: 0,
  total: 0,
  open: 0,
  rectified: 0,
  closed: 0,
  overdue: 0,
  rectificationRate: 0,
});

/** A group with no hazards: every month at zero. */
const emptyHistory = (ledger: Ledger): GroupHistory => ({
  hazards: [],
  months: ledger.months.map((m) => emptyMonth(m, ledger.list(m).cutoff)),
});

/**
 * The hazards and month-by-month counts of every village (or sector), in one pass over each month:
 * asking per group walks the whole county ledger once per page (seconds at 50,000 hazards).
 * Membership is decided by the hazard's state in each month, so a corrected village moves the
 * hazard from that month on.
 */
function groupHistories(ledger: Ledger, dimension: GroupDimension): Map<string, GroupHistory> {
  const groups = new Map<string, GroupHistory>();
  const latest = ledger.latestMonth;
  if (!latest) return groups;
  const group = (name: string): GroupHistory => {
    let history = groups.get(name);
    if (!history) groups.set(name, (history = emptyHistory(ledger)));
    return history;
  };
  const latestCutoff = ledger.list(latest).cutoff;
  for (const hazard of ledger.cumulative(latest)) {
    const history = ledger.history(hazard.id);
    group(hazard[dimension]).hazards.push({
      hazard,
      firstMonth: history[0]!.month,
      lastMonth: history.at(-1)!.month,
      overdue: isOverdue(hazard, latestCutoff),
    });
  }
  for (const history of groups.values())
    history.hazards.sort((a, b) => rank(a) - rank(b) || a.hazard.id.localeCompare(b.hazard.id));
  ledger.months.forEach((month, i) => {
    const { cutoff } = ledger.list(month);
    for (const hazard of ledger.cumulative(month)) {
      const m = group(hazard[dimension]).months[i]!;
      m.total += 1;
      if (isRectified(hazard)) m.rectified += 1;
      if (isClosed(hazard)) m.closed += 1;
      if (isOverdue(hazard, cutoff)) m.overdue += 1;
    }
    for (const hazard of ledger.diff(month).added) group(hazard[dimension]).months[i]!.added += 1;
  });
  for (const history of groups.values()) {
    for (const m of history.months) {
      m.open = m.total - m.rectified;
      m.rectificationRate = m.total === 0 ? 0 : m.rectified / m.total;
    }
  }
  return groups;
}

const memo = new WeakMap<Ledger, Map<GroupDimension, Map<string, GroupHistory>>>();

/** The history of one village or sector; every page of the build shares one pass over the ledger. */
export function groupHistoryOf(ledger: Ledger, dimension: GroupDimension, name: string): GroupHistory {
  let byDimension = memo.get(ledger);
  if (!byDimension) memo.set(ledger, (byDimension = new Map<GroupDimension, Map<string, GroupHistory>>()));
  let groups = byDimension.get(dimension);
  if (!groups) byDimension.set(dimension, (groups = groupHistories(ledger, dimension)));
  return groups.get(name) ?? emptyHistory(ledger);
}
