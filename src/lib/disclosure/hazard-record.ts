import type { IsoDate, IsoMonth } from '../../schemas/common';
import type { Hazard, HazardId } from '../../schemas/hazard';
import type { Revision } from '../../schemas/hazard-list';
import { fieldLabel } from '../content/labels';
import type { Ledger } from '../ledger/ledger';
import { isOverdue, isSupervised } from '../ledger/status';
import type { Directory, Place } from './directory';
import { formatDate } from '../format/date';

/** A field whose value differs from the hazard's previous listing. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** One month of a hazard's life. */
export interface HazardMonthView {
  month: IsoMonth;
  cutoff: IsoDate;
  hazard: Hazard;
  overdue: boolean;
  supervised: boolean;
  /** Compared with the previous listing; empty in the first month. */
  changes: FieldChange[];
  /** Entries of that month's 修订记录 naming this hazard. */
  revisions: Revision[];
}

export interface HazardRecord {
  id: HazardId;
  /** The latest listing. */
  current: HazardMonthView;
  firstMonth: IsoMonth;
  /** Every month the hazard was listed in, oldest first. */
  months: IsoMonth[];
  /** False once a closed hazard has dropped out of the latest list. */
  inLatestList: boolean;
  village: Partial<Place> & { name: string };
  sector: Partial<Place> & { name: string };
  /** Oldest first. */
  entries: HazardMonthView[];
}

const NONE = '（无）';

/** Fields compared month to month, with how each is shown. Description is long: only "updated" is shown. */
const TRACKED: readonly [path: string[], show: (h: Hazard) => string][] = [
  [['title'], (h) => h.title],
  [['unit'], (h) => h.unit],
  [['village'], (h) => h.village],
  [['sector'], (h) => h.sector],
  [['source'], (h) => h.source],
  [['found'], (h) => formatDate(h.found)],
  [['supervision'], (h) => (h.supervision ? `${h.supervision.by}（${formatDate(h.supervision.since)}起）` : NONE)],
  [['mode'], (h) => h.mode],
  [['plan', 'responsible'], (h) => h.plan.responsible ?? NONE],
  [['plan', 'measures'], (h) => h.plan.measures ?? NONE],
  [['plan', 'funds'], (h) => h.plan.funds ?? NONE],
  [['plan', 'deadline'], (h) => (h.plan.deadline ? formatDate(h.plan.deadline) : NONE)],
  [['plan', 'emergencyPlan'], (h) => h.plan.emergencyPlan ?? NONE],
  [['assignedTo'], (h) => `${h.assignedTo.kind} ${h.assignedTo.name}`],
  [['status'], (h) => h.status],
  [['rectified'], (h) => (h.rectified ? formatDate(h.rectified) : NONE)],
  [['result'], (h) => h.result ?? NONE],
  [['closure'], (h) => (h.closure ? `${h.closure.reviewer}（${formatDate(h.closure.date)}）` : NONE)],
];

export function hazardChanges(before: Hazard, after: Hazard): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [path, show] of TRACKED) {
    const [a, b] = [show(before), show(after)];
    if (a !== b) changes.push({ field: fieldLabel(path) ?? path.join('.'), before: a, after: b });
  }
  if (before.description !== after.description) {
    changes.push({ field: fieldLabel(['description']) ?? 'description', before: '', after: '已更新' });
  }
  return changes;
}

/** Everything the ledger knows about one hazard, month by month; undefined for an unknown number. */
export function hazardRecord(ledger: Ledger, directory: Directory, id: HazardId): HazardRecord | undefined {
  const history = ledger.history(id);
  if (history.length === 0) return undefined;
  const entries = history.map(({ month, cutoff, hazard }, index): HazardMonthView => {
    const before = history[index - 1]?.hazard;
    return {
      month,
      cutoff,
      hazard,
      overdue: isOverdue(hazard, cutoff),
      supervised: isSupervised(hazard, cutoff),
      changes: before ? hazardChanges(before, hazard) : [],
      revisions: ledger.list(month).revisions.filter((r) => r.hazards.includes(id)),
    };
  });
  const current = entries.at(-1)!;
  return {
    id,
    current,
    firstMonth: entries[0]!.month,
    months: entries.map((e) => e.month),
    inLatestList: current.month === ledger.latestMonth,
    village: directory.village(current.hazard.village) ?? { name: current.hazard.village },
    sector: directory.sector(current.hazard.sector) ?? { name: current.hazard.sector },
    entries,
  };
}
