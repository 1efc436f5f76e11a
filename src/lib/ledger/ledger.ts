import type { IsoDate, IsoMonth } from '../../schemas/common';
import type { Hazard, HazardId } from '../../schemas/hazard';
import type { HazardList } from '../../schemas/hazard-list';
import { STATUS_RANK, isClosed, isOverdue, isRectified } from './status';

/** One hazard as it stood in one month's list. */
export interface HazardMonth {
  month: IsoMonth;
  cutoff: IsoDate;
  hazard: Hazard;
}

/** What changed in a month compared with the month before. */
export interface MonthDiff {
  month: IsoMonth;
  previous: IsoMonth | undefined;
  /** First listed this month. */
  added: Hazard[];
  /** Moved to 已整改 or beyond this month (including new hazards fixed at once). */
  rectified: Hazard[];
  /** Moved to 已销号 this month. */
  closed: Hazard[];
  /** Open past their deadline as of the cutoff. */
  overdue: Hazard[];
}

/** Headline figures of one month, cumulative over the campaign as of its cutoff. */
export interface MonthFigures {
  month: IsoMonth;
  cutoff: IsoDate;
  /** Every hazard ever listed up to this month. */
  total: number;
  open: number;
  rectified: number;
  closed: number;
  overdue: number;
  /** rectified (incl. closed) / total, 0…1; 0 when there are none. */
  rectificationRate: number;
}

/**
 * The hazard ledger (台账) across all published months. Built once from the
 * monthly lists; every query is answered from indexes made in the constructor
 * or memoised, so pages can ask freely at county scale.
 */
export class Ledger {
  readonly months: readonly IsoMonth[];
  private readonly lists = new Map<IsoMonth, HazardList>();
  private readonly histories = new Map<HazardId, HazardMonth[]>();
  private readonly cumulativeCache = new Map<IsoMonth, Hazard[]>();
  // diff and figures walk the whole cumulative ledger; pages ask for them per village, sector
  // and chart, so without the caches a county-sized build did that walk tens of thousands of times.
  private readonly diffCache = new Map<IsoMonth, MonthDiff>();
  private readonly figuresCache = new Map<IsoMonth, MonthFigures>();

  constructor(lists: readonly HazardList[]) {
    const sorted = [...lists].sort((a, b) => a.month.localeCompare(b.month));
    this.months = sorted.map((l) => l.month);
    for (const list of sorted) {
      this.lists.set(list.month, list);
      for (const hazard of list.hazards) {
        let history = this.histories.get(hazard.id);
        if (!history) this.histories.set(hazard.id, (history = []));
        history.push({ month: list.month, cutoff: list.cutoff, hazard });
      }
    }
  }

  get latestMonth(): IsoMonth | undefined {
    return this.months.at(-1);
  }

  list(month: IsoMonth): HazardList {
    const list = this.lists.get(month);
    if (!list) throw new Error(`No hazard list for ${month}`);
    return list;
  }

  previousMonth(month: IsoMonth): IsoMonth | undefined {
    const index = this.months.indexOf(month);
    return index > 0 ? this.months[index - 1] : undefined;
  }

  /** Every hazard number ever used, in order of first listing. */
  ids(): HazardId[] {
    return [...this.histories.keys()];
  }

  /** The hazard month by month, oldest first; empty for an unknown number. */
  history(id: HazardId): readonly HazardMonth[] {
    return this.histories.get(id) ?? [];
  }

  /** The latest state of a hazard (its last listing). */
  current(id: HazardId): HazardMonth | undefined {
    return this.history(id).at(-1);
  }

  /** The hazard as it stood in `month`'s list, if listed then. */
  stateIn(id: HazardId, month: IsoMonth): Hazard | undefined {
    return this.history(id).find((h) => h.month === month)?.hazard;
  }

  /**
   * Every hazard listed in any month up to `month`, each in its latest state as of
   * that month. Closed hazards dropped from later lists still count: the progress
   * table is cumulative.
   */
  cumulative(month: IsoMonth): readonly Hazard[] {
    const cached = this.cumulativeCache.get(month);
    if (cached) return cached;
    const index = this.months.indexOf(month);
    if (index < 0) throw new Error(`No hazard list for ${month}`);
    const previous = index > 0 ? this.cumulative(this.months[index - 1]!) : [];
    const state = new Map(previous.map((h) => [h.id, h]));
    for (const hazard of this.list(month).hazards) state.set(hazard.id, hazard);
    const result = [...state.values()];
    this.cumulativeCache.set(month, result);
    return result;
  }

  /** What changed in `month`. Memoised and shared between callers: never mutate the result. */
  diff(month: IsoMonth): MonthDiff {
    const cached = this.diffCache.get(month);
    if (cached) return cached;
    const list = this.list(month);
    const previous = this.previousMonth(month);
    const before = new Map(previous ? this.cumulative(previous).map((h) => [h.id, h]) : []);
    const diff: MonthDiff = { month, previous, added: [], rectified: [], closed: [], overdue: [] };
    for (const hazard of list.hazards) {
      const was = before.get(hazard.id);
      if (!was) diff.added.push(hazard);
      const wasRank = was ? STATUS_RANK[was.status] : -1;
      if (isRectified(hazard) && wasRank < STATUS_RANK.已整改) diff.rectified.push(hazard);
      if (isClosed(hazard) && wasRank < STATUS_RANK.已销号) diff.closed.push(hazard);
      if (isOverdue(hazard, list.cutoff)) diff.overdue.push(hazard);
    }
    this.diffCache.set(month, diff);
    return diff;
  }

  /** Headline figures of `month`. Memoised and shared between callers: never mutate the result. */
  figures(month: IsoMonth): MonthFigures {
    const cached = this.figuresCache.get(month);
    if (cached) return cached;
    const { cutoff } = this.list(month);
    const all = this.cumulative(month);
    const rectified = all.filter(isRectified).length;
    const closed = all.filter(isClosed).length;
    const figures: MonthFigures = {
      month,
      cutoff,
      total: all.length,
      open: all.length - rectified,
      rectified,
      closed,
      overdue: all.filter((h) => isOverdue(h, cutoff)).length,
      rectificationRate: all.length === 0 ? 0 : rectified / all.length,
    };
    this.figuresCache.set(month, figures);
    return figures;
  }
}
