import type { IsoMonth } from '../../schemas/common';
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

/**
 * The hazards of one village or one sector over the campaign. Membership is decided by the
 * hazard's state in each month, so a corrected village moves the hazard from that month on.
 */
export function groupHistory(ledger: Ledger, belongs: (hazard: Hazard) => boolean): GroupHistory {
  const latest = ledger.latestMonth;
  if (!latest) return { hazards: [], months: [] };
  const latestCutoff = ledger.list(latest).cutoff;
  const hazards = ledger
    .cumulative(latest)
    .filter(belongs)
    .map((hazard): GroupHazard => {
      const history = ledger.history(hazard.id);
      return {
        hazard,
        firstMonth: history[0]!.month,
        lastMonth: history.at(-1)!.month,
        overdue: isOverdue(hazard, latestCutoff),
      };
    })
    .sort((a, b) => rank(a) - rank(b) || a.hazard.id.localeCompare(b.hazard.id));

  const months = ledger.months.map((month): GroupMonth => {
    const { cutoff } = ledger.list(month);
    const all = ledger.cumulative(month).filter(belongs);
    const rectified = all.filter(isRectified).length;
    return {
      month,
      cutoff,
      added: ledger.diff(month).added.filter(belongs).length,
      total: all.length,
      open: all.length - rectified,
      rectified,
      closed: all.filter(isClosed).length,
      overdue: all.filter((h) => isOverdue(h, cutoff)).length,
      rectificationRate: all.length === 0 ? 0 : rectified / all.length,
    };
  });
  return { hazards, months };
}
