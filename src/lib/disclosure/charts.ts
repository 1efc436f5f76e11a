import type { IsoMonth } from '../../schemas/common';
import { SOURCES, type Hazard } from '../../schemas/hazard';
import { SECTORS } from '../../schemas/sector';
import type { Ledger } from '../ledger/ledger';
import { isRectified } from '../ledger/status';
import { formatMonth } from '../format/date';

/** A small bar chart: categories (rows), each with one value per series. */
export interface Chart {
  title: string;
  /** Column header of the category in the data table. */
  category: string;
  series: readonly string[];
  unit: string;
  rows: { label: string; values: number[] }[];
}

/** Per month up to `month`: hazards first listed that month, and hazards rectified that month. */
export function monthlyFlowChart(ledger: Ledger, month: IsoMonth): Chart {
  const months = ledger.months.filter((m) => m <= month);
  return {
    title: '每月新发现与完成整改的隐患',
    category: '月份',
    series: ['新发现', '完成整改'],
    unit: '项',
    rows: months.map((m) => {
      const diff = ledger.diff(m);
      return { label: formatMonth(m), values: [diff.added.length, diff.rectified.length] };
    }),
  };
}

function countBy<K extends string>(
  hazards: readonly Hazard[],
  keys: readonly K[],
  keyOf: (h: Hazard) => K,
): Map<K, [number, number]> {
  const counts = new Map<K, [number, number]>(keys.map((k) => [k, [0, 0]]));
  for (const hazard of hazards) {
    const entry = counts.get(keyOf(hazard));
    if (!entry) continue;
    entry[0] += 1;
    if (isRectified(hazard)) entry[1] += 1;
  }
  return counts;
}

/** Cumulative as of `month`, per source (every source shown, zeros too: the four are the table's rows). */
export function sourceChart(ledger: Ledger, month: IsoMonth): Chart {
  const counts = countBy(ledger.cumulative(month), SOURCES, (h) => h.source);
  return {
    title: '按来源统计的隐患（累计）',
    category: '来源',
    series: ['累计发现', '已整改'],
    unit: '项',
    rows: [...counts].map(([label, values]) => ({ label, values })),
  };
}

/** Cumulative as of `month`, per sector with at least one hazard, most hazards first. */
export function sectorChart(ledger: Ledger, month: IsoMonth): Chart {
  const counts = countBy(ledger.cumulative(month), SECTORS, (h) => h.sector);
  return {
    title: '按行业领域统计的隐患（累计）',
    category: '行业领域',
    series: ['累计发现', '已整改'],
    unit: '项',
    rows: [...counts]
      .filter(([, [found]]) => found > 0)
      .sort(([, a], [, b]) => b[0] - a[0])
      .map(([label, values]) => ({ label, values })),
  };
}

/** The chart's numbers in words, for the SVG's <desc>. */
export function describeChart(chart: Chart): string {
  if (chart.rows.length === 0) return `${chart.title}：暂无数据。`;
  const rows = chart.rows.map(
    (row) => `${row.label}：${row.values.map((v, i) => `${chart.series[i]} ${v} ${chart.unit}`).join('，')}`,
  );
  return `${chart.title}。${rows.join('；')}。`;
}
