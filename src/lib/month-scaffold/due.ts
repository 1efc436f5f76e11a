import type { IsoDate } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { HazardList } from '../../schemas/hazard-list';
import { formatDate, formatMonth } from '../format/date';
import { addDays, daysBetween, missingFeedback, shortDate, thursdayOnOrBefore } from '../ledger/feedback';

/**
 * 督办清单 for the weekly meeting: every open deadline fix that is overdue, falls due in the
 * next seven days, or lacks the latest Thursday's written feedback, grouped by whom it was
 * handed to (交办对象), so each cadre or station gets their own part of the printout.
 */

export interface DueItem {
  hazard: Hazard;
  /** Days past the deadline, when overdue. */
  overdueDays?: number;
  /** Days left until the deadline (0: due today), when due within a week. */
  dueInDays?: number;
  /** Whether the latest Thursday's feedback is missing. */
  missingFeedback: boolean;
}

export interface DueGroup {
  /** 交办对象: `分管同志 聂某某`. */
  assignee: string;
  items: DueItem[];
}

export interface DueReport {
  month: string;
  asOf: IsoDate;
  /** The latest Thursday on or before `asOf`: the feedback the meeting expects. */
  thursday: IsoDate;
  groups: DueGroup[];
}

/** How many days ahead "due soon" looks. */
const DUE_SOON_DAYS = 7;

function dueItem(hazard: Hazard, asOf: IsoDate, thursday: IsoDate): DueItem | undefined {
  if (hazard.status !== '整改中' || hazard.mode !== '限期整改') return undefined;
  const { deadline } = hazard.plan;
  const item: DueItem = { hazard, missingFeedback: missingFeedback(hazard, thursday, thursday).length > 0 };
  if (deadline !== undefined && deadline < asOf) item.overdueDays = daysBetween(deadline, asOf);
  else if (deadline !== undefined && deadline <= addDays(asOf, DUE_SOON_DAYS))
    item.dueInDays = daysBetween(asOf, deadline);
  const listed = item.overdueDays !== undefined || item.dueInDays !== undefined || item.missingFeedback;
  return listed ? item : undefined;
}

/** The month's 督办清单 as of `asOf` (a day no later than the month's cutoff). */
export function dueReport(list: HazardList, asOf: IsoDate): DueReport {
  const thursday = thursdayOnOrBefore(asOf);
  const groups = new Map<string, DueItem[]>();
  for (const hazard of list.hazards) {
    const item = dueItem(hazard, asOf, thursday);
    if (!item) continue;
    const assignee = `${hazard.assignedTo.kind} ${hazard.assignedTo.name}`;
    groups.set(assignee, [...(groups.get(assignee) ?? []), item]);
  }
  return {
    month: list.month,
    asOf,
    thursday,
    groups: [...groups].map(([assignee, items]) => ({ assignee, items })),
  };
}

/** Columns a CJK character takes in a monospaced printout. */
const width = (text: string): number =>
  [...text].reduce(
    (sum, char) =>
      sum +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
        ? 2
        : 1),
    0,
  );

const pad = (text: string, columns: number): string => text + ' '.repeat(Math.max(0, columns - width(text)));

/** Cut to `columns` display columns, with an ellipsis when cut. */
function fit(text: string, columns: number): string {
  if (width(text) <= columns) return text;
  let out = '';
  for (const char of text) {
    if (width(`${out}${char}…`) > columns) break;
    out += char;
  }
  return `${out}…`;
}

function situation(item: DueItem, thursday: IsoDate): string {
  const parts: string[] = [];
  if (item.overdueDays !== undefined) parts.push(`已逾期 ${item.overdueDays} 天`);
  if (item.dueInDays !== undefined) parts.push(item.dueInDays === 0 ? '今天到期' : `${item.dueInDays} 天后到期`);
  if (item.missingFeedback) parts.push(`缺 ${shortDate(thursday)} 反馈`);
  return parts.join('；');
}

const HEADER = ['编号', '隐患名称', '所在村', '整改期限', '情况'] as const;
const TITLE_COLUMNS = 30;

/** The 督办清单 as a plain-text table in Chinese, to print or paste into a group chat. */
export function formatDueReport(report: DueReport): string {
  const all = report.groups.flatMap((g) => g.items);
  const count = (test: (item: DueItem) => boolean) => all.filter(test).length;
  const lines = [
    `重大事故隐患整改督办清单（${formatMonth(report.month)}清单，截至 ${formatDate(report.asOf)}）`,
    `已逾期 ${count((i) => i.overdueDays !== undefined)} 项；${DUE_SOON_DAYS} 天内到期 ${count((i) => i.dueInDays !== undefined)} 项；` +
      `缺少 ${shortDate(report.thursday)}（周四）书面反馈 ${count((i) => i.missingFeedback)} 项。`,
  ];
  if (all.length === 0) {
    lines.push('', '没有逾期、即将到期或缺少周四反馈的限期整改隐患。');
    return lines.join('\n');
  }
  for (const group of report.groups) {
    const rows = group.items.map((item) => [
      item.hazard.id,
      fit(item.hazard.title, TITLE_COLUMNS),
      item.hazard.village,
      item.hazard.plan.deadline ?? '',
      situation(item, report.thursday),
    ]);
    const widths = HEADER.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
    const line = (cells: readonly string[]) =>
      `  ${cells.map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c]!))).join('  ')}`;
    lines.push('', `交办对象：${group.assignee}（${group.items.length} 项）`, line(HEADER));
    lines.push(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line));
  }
  return lines.join('\n');
}
