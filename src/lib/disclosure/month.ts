import type { IsoDate, IsoMonth } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { PublicInfo, Revision } from '../../schemas/hazard-list';
import type { Ledger, MonthDiff, MonthFigures } from '../ledger/ledger';
import { isOverdue, isRectified, isSupervised } from '../ledger/status';
import type { Directory, Place } from './directory';
import { formatDate } from '../format/date';

/** A hazard as one month shows it, with the flags that month's cutoff decides. */
export interface HazardEntry {
  hazard: Hazard;
  overdue: boolean;
  supervised: boolean;
}

export interface VillageHazards {
  /** The village; `slug` is missing only for a name the site file does not list. */
  village: Partial<Place> & { name: string };
  hazards: HazardEntry[];
}

/** Change of the headline figures since the month before. */
export interface FigureChange {
  total: number;
  open: number;
  rectified: number;
  closed: number;
  overdue: number;
  /** Difference of the rectification rates, in percentage points. */
  ratePoints: number;
}

/** Everything the 三公开 of one month shows: the list, the progress and the results. */
export interface MonthlyDisclosure {
  month: IsoMonth;
  cutoff: IsoDate;
  published: IsoDate;
  /** 政府信息公开, when the month's file has it. */
  publicInfo: PublicInfo | undefined;
  summary: string;
  revisions: readonly Revision[];
  previous: IsoMonth | undefined;
  next: IsoMonth | undefined;
  figures: MonthFigures;
  previousFigures: MonthFigures | undefined;
  change: FigureChange | undefined;
  diff: MonthDiff;
  /** Hazards in this month's list. */
  listed: number;
  /** 1) 隐患清单, grouped by village in site-file order. */
  byVillage: VillageHazards[];
  /** 2) 整改推进情况: hazards still being fixed. */
  inProgress: HazardEntry[];
  /** 3) 整改结果: hazards of this list that are rectified or closed. */
  results: HazardEntry[];
}

const byId = (a: HazardEntry, b: HazardEntry) => a.hazard.id.localeCompare(b.hazard.id);

export function figureChange(now: MonthFigures, before: MonthFigures): FigureChange {
  return {
    total: now.total - before.total,
    open: now.open - before.open,
    rectified: now.rectified - before.rectified,
    closed: now.closed - before.closed,
    overdue: now.overdue - before.overdue,
    ratePoints: Math.round((now.rectificationRate - before.rectificationRate) * 1000) / 10,
  };
}

function groupByVillage(entries: readonly HazardEntry[], directory: Directory): VillageHazards[] {
  const groups = new Map<string, HazardEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.hazard.village) ?? [];
    list.push(entry);
    groups.set(entry.hazard.village, list);
  }
  return [...groups]
    .sort(([a], [b]) => directory.villageRank(a) - directory.villageRank(b) || a.localeCompare(b))
    .map(([name, hazards]) => ({ village: directory.village(name) ?? { name }, hazards: hazards.sort(byId) }));
}

export function monthlyDisclosure(ledger: Ledger, directory: Directory, month: IsoMonth): MonthlyDisclosure {
  const list = ledger.list(month);
  const previous = ledger.previousMonth(month);
  const index = ledger.months.indexOf(month);
  const figures = ledger.figures(month);
  const previousFigures = previous ? ledger.figures(previous) : undefined;
  const entries = list.hazards
    .map((hazard) => ({
      hazard,
      overdue: isOverdue(hazard, list.cutoff),
      supervised: isSupervised(hazard, list.cutoff),
    }))
    .sort(byId);
  return {
    month,
    cutoff: list.cutoff,
    published: list.published,
    publicInfo: list.publicInfo,
    summary: list.summary,
    revisions: list.revisions,
    previous,
    next: ledger.months[index + 1],
    figures,
    previousFigures,
    change: previousFigures ? figureChange(figures, previousFigures) : undefined,
    diff: ledger.diff(month),
    listed: list.hazards.length,
    byVillage: groupByVillage(entries, directory),
    inProgress: entries.filter((e) => !isRectified(e.hazard)),
    results: entries.filter((e) => isRectified(e.hazard)),
  };
}

/** The headline in one sentence (feed entries, meta descriptions). */
export function figuresSentence(f: MonthFigures): string {
  return (
    `截至${formatDate(f.cutoff)}，累计列入清单重大事故隐患 ${f.total} 项，已整改 ${f.rectified} 项` +
    `（其中已销号 ${f.closed} 项），整改中 ${f.open} 项，逾期未整改 ${f.overdue} 项。`
  );
}
