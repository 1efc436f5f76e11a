import type { GroupHistory, GroupMonth } from '../../../src/lib/disclosure/group-history';
import type { Ledger } from '../../../src/lib/ledger/ledger';
import { isClosed, isOverdue, isRectified } from '../../../src/lib/ledger/status';
import type { Hazard } from '../../../src/schemas/hazard';

/**
 * The group's history asked of the ledger one group at a time, the plain way: what the one-pass
 * computation for all groups must give each of them.
 */
export function oneGroup(ledger: Ledger, belongs: (hazard: Hazard) => boolean): GroupHistory {
  const latest = ledger.latestMonth;
  if (!latest) return { hazards: [], months: [] };
  const latestCutoff = ledger.list(latest).cutoff;
  const rank = (h: Hazard) => (isClosed(h) ? 3 : isRectified(h) ? 2 : isOverdue(h, latestCutoff) ? 0 : 1);
  const hazards = ledger
    .cumulative(latest)
    .filter(belongs)
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
    .map((hazard) => {
      const history = ledger.history(hazard.id);
      return {
        hazard,
        firstMonth: history[0]!.month,
        lastMonth: history.at(-1)!.month,
        overdue: isOverdue(hazard, latestCutoff),
      };
    });
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
