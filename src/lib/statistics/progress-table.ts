import type { IsoDate } from '../../schemas/common';
import type { Hazard, HazardSource } from '../../schemas/hazard';
import type { ProgressRow, ProgressTable } from '../../schemas/progress-table';
import { PROGRESS_FIGURE_KEYS } from '../../schemas/progress-table';
import type { Site } from '../../schemas/site';
import type { ContentIssue } from '../content/issues';
import { fieldLabel } from '../content/labels';
import type { Ledger } from '../ledger/ledger';
import { isRectified, isSupervised } from '../ledger/status';

export type OverallFigures = ProgressRow['overall'];

/** The section-1 keys for each source: [found, of which rectified]. */
const SOURCE_KEYS: Record<HazardSource, [keyof OverallFigures, keyof OverallFigures]> = {
  企业自查: ['selfFound', 'selfRectified'],
  执法检查: ['inspectionFound', 'inspectionRectified'],
  群众举报: ['tipFound', 'tipRectified'],
  上级交办: ['assignedFound', 'assignedRectified'],
};

const emptyOverall = (): OverallFigures =>
  Object.fromEntries(
    PROGRESS_FIGURE_KEYS.filter((f) => f.section === 'overall').map((f) => [f.key, 0]),
  ) as OverallFigures;

/** Section 1 (总体情况) of the table, derived from the hazards themselves. */
export function deriveOverall(hazards: readonly Hazard[], asOf: IsoDate): OverallFigures {
  const figures = emptyOverall();
  for (const hazard of hazards) {
    const [found, rectified] = SOURCE_KEYS[hazard.source];
    figures[found] += 1;
    if (isRectified(hazard)) figures[rectified] += 1;
    if (isSupervised(hazard, asOf)) {
      figures.supervisedFound += 1;
      if (isRectified(hazard)) figures.supervisedRectified += 1;
    }
  }
  return figures;
}

/** Section 1 per village name, cumulative as of the month's cutoff. */
export function deriveOverallByVillage(ledger: Ledger, month: string): Map<string, OverallFigures> {
  const { cutoff } = ledger.list(month);
  const byVillage = new Map<string, Hazard[]>();
  for (const hazard of ledger.cumulative(month)) {
    const list = byVillage.get(hazard.village) ?? [];
    list.push(hazard);
    byVillage.set(hazard.village, list);
  }
  return new Map([...byVillage].map(([village, hazards]) => [village, deriveOverall(hazards, cutoff)]));
}

/** The township total: every figure summed over the villages (万元 kept to 4 decimals). */
export function townshipTotal(rows: readonly ProgressRow[]): Omit<ProgressRow, 'village'> {
  const total = { overall: {}, spotCheck: {}, enforcement: {} } as Record<string, Record<string, number>>;
  for (const { section, key } of PROGRESS_FIGURE_KEYS) {
    const sum = rows.reduce((acc, row) => acc + ((row[section] as Record<string, number>)[key] ?? 0), 0);
    total[section]![key] = Math.round(sum * 10000) / 10000;
  }
  return total as unknown as Omit<ProgressRow, 'village'>;
}

/** A figure where the village's report and the ledger disagree. */
export interface Discrepancy {
  village: string;
  key: keyof OverallFigures;
  reported: number;
  ledger: number;
}

/** Compares section 1 of the reported table with the ledger, village by village. */
export function compareWithLedger(ledger: Ledger, table: ProgressTable): Discrepancy[] {
  if (!ledger.months.includes(table.month)) return [];
  const derived = deriveOverallByVillage(ledger, table.month);
  const result: Discrepancy[] = [];
  for (const row of table.rows) {
    const fromLedger = derived.get(row.village) ?? emptyOverall();
    for (const key of Object.keys(fromLedger) as (keyof OverallFigures)[]) {
      if (row.overall[key] !== fromLedger[key]) {
        result.push({ village: row.village, key, reported: row.overall[key], ledger: fromLedger[key] });
      }
    }
  }
  return result;
}

/**
 * Table rules: villages must be known (error), every village should report (warning),
 * and section 1 should agree with the ledger (warning, shown on the page).
 */
export function checkProgressTable(site: Site, ledger: Ledger, file: string, table: ProgressTable): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const known = new Set(site.villages.map((v) => v.name));
  const reported = new Set(table.rows.map((r) => r.village));
  for (const row of table.rows) {
    if (!known.has(row.village)) {
      issues.push({
        file,
        ref: row.village,
        field: fieldLabel(['village']),
        message: `「${row.village}」不在 content/site.yaml 的村名单中`,
        severity: 'error',
      });
    }
  }
  for (const village of site.villages) {
    if (!reported.has(village.name)) {
      issues.push({ file, ref: village.name, message: '本月调度表未填报该村', severity: 'warning' });
    }
  }
  if (!ledger.months.includes(table.month)) {
    issues.push({
      file,
      field: fieldLabel(['month']),
      message: `没有 ${table.month} 的隐患清单可供核对`,
      severity: 'warning',
    });
  }
  for (const d of compareWithLedger(ledger, table)) {
    issues.push({
      file,
      ref: d.village,
      field: fieldLabel([d.key]),
      message: `填报 ${d.reported}，台账统计 ${d.ledger}，请核实`,
      severity: 'warning',
    });
  }
  return issues;
}
