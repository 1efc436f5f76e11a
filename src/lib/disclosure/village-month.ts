import type { IsoMonth } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { Ledger, MonthDiff } from '../ledger/ledger';
import { isClosed, isRectified } from '../ledger/status';
import type { Place } from './directory';
import { monthPath } from '../page-paths';
import type { HazardEntry, MonthlyDisclosure, VillageHazards } from './month';
import { isSplitMonth } from './page-limits';
import { sitePath } from '../site-path';

/** Path of one village's part of a split month. */
export const villageMonthPath = (month: IsoMonth, slug: string): string =>
  sitePath(`/disclosures/${month}/villages/${slug}/`);

const listedVillages = new WeakMap<Ledger, Map<IsoMonth, Set<string>>>();

/** Villages with hazards in a month's list, computed once per month for every page that asks. */
function villagesListed(ledger: Ledger, month: IsoMonth): Set<string> {
  let byMonth = listedVillages.get(ledger);
  if (!byMonth) listedVillages.set(ledger, (byMonth = new Map<IsoMonth, Set<string>>()));
  let names = byMonth.get(month);
  if (!names) byMonth.set(month, (names = new Set(ledger.list(month).hazards.map((h) => h.village))));
  return names;
}

/** Where a village page links a month: the village's own part when the month is split, else the month page. */
export function villageMonthHref(ledger: Ledger, month: IsoMonth, village: Place, limit?: number): string {
  return isSplitMonth(ledger.list(month).hazards.length, limit) && villagesListed(ledger, month).has(village.name)
    ? villageMonthPath(month, village.slug)
    : monthPath(month);
}

/** One village's share of a month's three disclosures, shown on a page of its own. */
export interface VillageMonth {
  month: IsoMonth;
  village: VillageHazards['village'];
  /** 1) the village's part of the list. */
  list: VillageHazards;
  /** 2) its hazards still being fixed. */
  inProgress: HazardEntry[];
  /** 3) its hazards rectified or closed. */
  results: HazardEntry[];
  /** The month's changes that concern the village. */
  diff: MonthDiff;
}

/** A row of the village index that replaces the three lists on a split month page. */
export interface VillageMonthRow {
  village: VillageHazards['village'];
  /** Page of the village's part; missing for a village the site file does not list. */
  href: string | undefined;
  listed: number;
  inProgress: number;
  overdue: number;
  rectified: number;
  closed: number;
  /** First listed this month. */
  added: number;
}

function byVillage(hazards: readonly Hazard[]): Map<string, Hazard[]> {
  const map = new Map<string, Hazard[]>();
  for (const hazard of hazards) {
    const list = map.get(hazard.village);
    if (list) list.push(hazard);
    else map.set(hazard.village, [hazard]);
  }
  return map;
}

/** The month split by village, in the list's village order (site-file order). */
export function villageMonths(d: MonthlyDisclosure): VillageMonth[] {
  const added = byVillage(d.diff.added);
  const rectified = byVillage(d.diff.rectified);
  const closed = byVillage(d.diff.closed);
  const overdue = byVillage(d.diff.overdue);
  return d.byVillage.map((list) => {
    const name = list.village.name;
    return {
      month: d.month,
      village: list.village,
      list,
      inProgress: list.hazards.filter((e) => !isRectified(e.hazard)),
      results: list.hazards.filter((e) => isRectified(e.hazard)),
      diff: {
        month: d.diff.month,
        previous: d.diff.previous,
        added: added.get(name) ?? [],
        rectified: rectified.get(name) ?? [],
        closed: closed.get(name) ?? [],
        overdue: overdue.get(name) ?? [],
      },
    };
  });
}

/** Counts per village for the index of a split month page. */
export function villageMonthIndex(d: MonthlyDisclosure): VillageMonthRow[] {
  return villageMonths(d).map((v) => ({
    village: v.village,
    href: v.village.slug === undefined ? undefined : villageMonthPath(d.month, v.village.slug),
    listed: v.list.hazards.length,
    inProgress: v.inProgress.length,
    overdue: v.inProgress.filter((e) => e.overdue).length,
    rectified: v.results.filter((e) => !isClosed(e.hazard)).length,
    closed: v.results.filter((e) => isClosed(e.hazard)).length,
    added: v.diff.added.length,
  }));
}

/** A village as the home page's picker offers it: what is still being fixed there, and how much of it is late. */
export interface VillageOpenCount {
  village: Place;
  /** Hazards of the month's list still being fixed (整改中). */
  open: number;
  /** Of those, past their deadline at the month's cutoff. */
  overdue: number;
}

/** Every village of the site file, in its order, with its open and overdue hazards of the month (0 where none). */
export function villageOpenCounts(d: MonthlyDisclosure, villages: readonly Place[]): VillageOpenCount[] {
  const open = new Map<string, number>();
  const overdue = new Map<string, number>();
  for (const { hazard, overdue: late } of d.inProgress) {
    open.set(hazard.village, (open.get(hazard.village) ?? 0) + 1);
    if (late) overdue.set(hazard.village, (overdue.get(hazard.village) ?? 0) + 1);
  }
  return villages.map((village) => ({
    village,
    open: open.get(village.name) ?? 0,
    overdue: overdue.get(village.name) ?? 0,
  }));
}
