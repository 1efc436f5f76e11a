import { describe, expect, it } from 'vitest';
import { reportVillages, townshipGrid, townshipTable } from '../../../src/lib/statistics/township-table';
import { PROGRESS_FIGURE_KEYS } from '../../../src/schemas/progress-table';
import { TABLE } from './table-fixtures';

describe('the township 调度表', () => {
  const table = townshipTable(TABLE, ['甲村', '乙村', '丙村']);

  it('has the notice’s three sections, 28 items and 31 figure rows, in order', () => {
    expect(table.rows).toHaveLength(31);
    expect(new Set(table.rows.map((r) => `${r.section}-${r.no}`)).size).toBe(28);
    expect(table.rows.map((r) => r.key)).toEqual(PROGRESS_FIGURE_KEYS.map((f) => f.key));
    expect(table.rows.filter((r) => r.sectionStart).map((r) => [r.sectionTitle, r.sectionRows])).toEqual([
      ['总体情况', 10],
      ['对企业自查自改进行抽查检查情况', 8],
      ['部门精准严格执法情况', 13],
    ]);
  });

  it('labels each figure as printed, with its part and unit', () => {
    const labels = Object.fromEntries(table.rows.map((r) => [r.key, r.label]));
    expect(labels.selfFound).toBe('企业自查发现的重大事故隐患（个）');
    expect(labels.penaltyAmount).toBe('行政处罚（万元）');
    expect(labels.closedDown).toBe('责令停产整顿/关闭取缔（关闭）（家）');
    expect(labels.dangerousWorkCases).toBe('公布典型案例（其中危险作业罪案例）（个）');
  });

  it('gives each village in site order, null where a village did not report, and the township total', () => {
    const first = table.rows[0]!;
    expect(first.values).toEqual([1, 2, null]);
    expect(first.total).toBe(3);
    const money = table.rows.find((r) => r.key === 'penaltyAmount')!;
    expect(money.decimal).toBe(true);
    expect(money.values).toEqual([1.25, 2.25, null]);
    expect(money.total).toBe(3.5);
  });

  it('is a plain grid with a header row', () => {
    const grid = townshipGrid(table);
    expect(grid[0]).toEqual(['类别', '序号', '项目', '甲村', '乙村', '丙村', '全镇合计']);
    expect(grid[1]).toEqual(['总体情况', 1, '企业自查发现的重大事故隐患（个）', 1, 2, null, 3]);
    expect(grid).toHaveLength(32);
  });

  it('lists the villages of site.yaml, then any the table has that site.yaml no longer does', () => {
    expect(reportVillages([{ name: '甲村' }, { name: '丙村' }], TABLE)).toEqual(['甲村', '丙村', '乙村']);
  });
});
