import { describe, expect, it } from 'vitest';
import { progressTableView } from '../../../src/lib/disclosure/progress-view';
import { PROGRESS_FIGURE_KEYS, PROGRESS_SECTIONS, ProgressTable } from '../../../src/schemas/progress-table';
import { directory, threeMonths } from './fixtures';

function row(village: string, overrides: Record<string, number>) {
  const row: Record<string, unknown> = { village, overall: {}, spotCheck: {}, enforcement: {} };
  for (const { section, key } of PROGRESS_FIGURE_KEYS) {
    (row[section] as Record<string, number>)[key] = overrides[key] ?? 0;
  }
  return row;
}

// July, hand-checked against the ledger fixture:
// 甲村 A (企业自查, open) + C (执法检查, rectified, 挂牌督办); 乙村 B (企业自查, closed) + D (群众举报, open).
const julyLedger = {
  selfFound: 1,
  inspectionFound: 1,
  inspectionRectified: 1,
  supervisedFound: 1,
  supervisedRectified: 1,
};
const table = ProgressTable.parse({
  month: '2023-07',
  asOf: '2023-07-25',
  rows: [
    row('甲村', { ...julyLedger, penalties: 2, penaltyAmount: 1.5, suspended: 1 }),
    // 乙村 reports 2 self-found hazards where the ledger has 1.
    row('乙村', { selfFound: 2, selfRectified: 1, tipFound: 1, penalties: 1, penaltyAmount: 0.25 }),
  ],
});

describe('progressTableView', () => {
  const view = progressTableView(table, directory, threeMonths());

  it('has the 28 items in the notice’s order with their units', () => {
    expect(view.sections.map((s) => s.rows.length)).toEqual([10, 8, 10]);
    const labels = view.sections.flatMap((s) => s.rows.map((r) => r.label));
    expect(labels).toEqual(PROGRESS_SECTIONS.flatMap((s) => s.items.map((i) => i.label)));
    // Hazards are counted in 项, as everywhere on the site (the printed table says 个).
    expect(new Set(view.sections[0]!.rows.map((r) => r.units))).toEqual(new Set(['项']));
    const enforcement = view.sections[2]!.rows;
    expect(enforcement.map((r) => r.units)).toEqual([
      '个次',
      '家次',
      '次，万元',
      '次',
      '人',
      '家',
      '家',
      '个',
      '人',
      '次',
    ]);
  });

  it('has a column per site village, unreported ones empty, and the township total last', () => {
    expect(view.columns).toEqual([
      { name: '甲村', slug: 'jia', total: false, reported: true },
      { name: '乙村', slug: 'yi', total: false, reported: true },
      { name: '丙村', slug: 'bing', total: false, reported: false },
      { name: '全镇合计', slug: undefined, total: true, reported: true },
    ]);
    const penalties = view.sections[2]!.rows[2]!;
    expect(penalties.cells[2]).toBeUndefined();
    expect(penalties.cells[3]!.map((f) => [f.unit, f.value])).toEqual([
      ['次', 3],
      ['万元', 1.75],
    ]);
    const suspended = view.sections[2]!.rows[5]!;
    expect(suspended.cells[0]!.map((f) => [f.part, f.value])).toEqual([
      ['停产', 1],
      ['关闭', 0],
    ]);
  });

  it('marks where the report and the ledger disagree, in the village and in the total', () => {
    const selfFound = view.sections[0]!.rows[0]!;
    expect(selfFound.cells.map((c) => c?.[0]?.ledger)).toEqual([undefined, 1, undefined, 2]);
    expect(view.disagreements).toEqual([
      { column: '乙村', item: '总体情况1 企业自查发现的重大事故隐患', reported: 2, ledger: 1 },
      { column: '全镇合计', item: '总体情况1 企业自查发现的重大事故隐患', reported: 3, ledger: 2 },
    ]);
    expect(view.checked).toBe(true);
  });

  it('checks nothing when the ledger has no list for the month', () => {
    const other = progressTableView({ ...table, month: '2023-09', asOf: '2023-09-25' }, directory, threeMonths());
    expect(other.checked).toBe(false);
    expect(other.disagreements).toEqual([]);
  });
});
