import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import {
  checkProgressTable,
  compareWithLedger,
  deriveOverall,
  deriveOverallByVillage,
  townshipTotal,
} from '../../../src/lib/statistics/progress-table';
import type { ProgressTable } from '../../../src/schemas/progress-table';
import { fixtureContent } from '../../fixtures/ledger';

const zero = {
  selfFound: 0,
  selfRectified: 0,
  inspectionFound: 0,
  inspectionRectified: 0,
  tipFound: 0,
  tipRectified: 0,
  assignedFound: 0,
  assignedRectified: 0,
  supervisedFound: 0,
  supervisedRectified: 0,
};

describe('deriveOverall', () => {
  const { ledger } = fixtureContent();

  it('counts by source, rectified = 已整改 or 已销号, supervision from its date', () => {
    // August, all villages: A (self, 已整改, supervised) B (inspection, 已销号) C (tip, open, supervised 07-30)
    // D (assigned, 已整改) E (inspection, 已销号) F (self, open).
    expect(deriveOverall(ledger.cumulative('2023-08'), '2023-08-25')).toEqual({
      selfFound: 2,
      selfRectified: 1,
      inspectionFound: 2,
      inspectionRectified: 2,
      tipFound: 1,
      tipRectified: 0,
      assignedFound: 1,
      assignedRectified: 1,
      supervisedFound: 2,
      supervisedRectified: 1,
    });
    // C's supervision (since 07-30) does not count before that day.
    expect(deriveOverall(ledger.cumulative('2023-08'), '2023-07-29').supervisedFound).toBe(1);
    expect(deriveOverall([], '2023-08-25')).toEqual(zero);
  });

  it('splits by village as of the month, cumulative', () => {
    const july = deriveOverallByVillage(ledger, '2023-07');
    expect(july.get('南庄村')).toEqual({
      ...zero,
      selfFound: 1,
      inspectionFound: 1,
      inspectionRectified: 1,
      supervisedFound: 1,
    });
    expect(july.get('北庄村')).toEqual({ ...zero, tipFound: 1, assignedFound: 1, assignedRectified: 1 });
    expect(july.get('东堡村')).toEqual({ ...zero, inspectionFound: 1 });

    const august = deriveOverallByVillage(ledger, '2023-08');
    expect(august.get('南庄村')).toEqual({
      ...zero,
      selfFound: 1,
      selfRectified: 1,
      inspectionFound: 1,
      inspectionRectified: 1,
      supervisedFound: 1,
      supervisedRectified: 1,
    });
    expect(august.get('北庄村')).toEqual({
      ...zero,
      tipFound: 1,
      assignedFound: 1,
      assignedRectified: 1,
      supervisedFound: 1,
    });
    expect(august.get('东堡村')).toEqual({ ...zero, selfFound: 1, inspectionFound: 1, inspectionRectified: 1 });
  });
});

describe('townshipTotal', () => {
  const { tables } = fixtureContent();
  const total = townshipTotal(tables[0]!.table.rows);

  it('sums every figure over the villages', () => {
    expect(total.overall).toEqual({
      ...zero,
      selfFound: 2,
      selfRectified: 1,
      inspectionFound: 2,
      inspectionRectified: 2,
      tipFound: 1,
      assignedFound: 1,
      assignedRectified: 1,
      supervisedFound: 1,
      supervisedRectified: 1,
    });
    expect(total.spotCheck).toMatchObject({ checked: 12, headNotLed: 1, noDrills: 2, noDutyList: 0 });
    expect(total.enforcement).toMatchObject({ villagesGuided: 2, penalties: 4, exposed: 1, typicalCases: 1 });
    expect(Object.keys(total.spotCheck)).toHaveLength(8);
    expect(Object.keys(total.enforcement)).toHaveLength(13);
  });

  it('keeps 万元 exact to four decimals (0.1 + 0.2 + 1.35 = 1.65)', () => {
    expect(total.enforcement.penaltyAmount).toBe(1.65);
    const rows = tables[0]!.table.rows.map((row, i) => ({
      ...row,
      enforcement: { ...row.enforcement, penaltyAmount: [0.0001, 0.0002, 12.3456][i]! },
    }));
    expect(townshipTotal(rows).enforcement.penaltyAmount).toBe(12.3459);
  });

  it('is all zeros without rows', () => {
    expect(townshipTotal([]).overall).toEqual(zero);
  });
});

describe('compareWithLedger', () => {
  it('finds exactly the figures that disagree', () => {
    const { ledger, tables } = fixtureContent();
    expect(compareWithLedger(ledger, tables[0]!.table)).toEqual([
      { village: '北庄村', key: 'supervisedFound', reported: 0, ledger: 1 },
    ]);
  });

  it('treats a village without hazards as all zeros', () => {
    const { ledger, tables } = fixtureContent();
    const table = structuredClone(tables[0]!.table);
    table.rows[2]!.village = '西堡村';
    // 东堡村's figures, now reported for a village with no hazards, all disagree with zero.
    expect(compareWithLedger(ledger, table).filter((d) => d.village === '西堡村')).toEqual([
      { village: '西堡村', key: 'selfFound', reported: 1, ledger: 0 },
      { village: '西堡村', key: 'inspectionFound', reported: 1, ledger: 0 },
      { village: '西堡村', key: 'inspectionRectified', reported: 1, ledger: 0 },
    ]);
  });

  it('has nothing to compare for a month without a list', () => {
    const { ledger, tables } = fixtureContent();
    expect(compareWithLedger(ledger, { ...tables[0]!.table, month: '2023-09', asOf: '2023-09-25' })).toEqual([]);
  });
});

describe('checkProgressTable', () => {
  const lines = (table: ProgressTable) => {
    const { site, ledger } = fixtureContent();
    return checkProgressTable(site, ledger, 'content/progress-tables/2023-08.yaml', table).map(
      (i) => `${i.severity === 'error' ? '✗' : '!'} ${formatIssue(i)}`,
    );
  };
  const table = () => structuredClone(fixtureContent().tables[0]!.table);

  it('warns, with both numbers, where the table and the ledger disagree', () => {
    expect(lines(table())).toEqual([
      '! content/progress-tables/2023-08.yaml · 北庄村 · 总体情况9 政府部门挂牌督办的重大事故隐患（个）: 填报 0，台账统计 1，请核实',
    ]);
  });

  it('rejects an unknown village and warns about one that did not report', () => {
    const t = table();
    t.rows[1]!.village = '北村';
    expect(lines(t)).toEqual([
      '✗ content/progress-tables/2023-08.yaml · 北村 · 所在村: 「北村」不在 content/site.yaml 的村名单中',
      '! content/progress-tables/2023-08.yaml · 北庄村 · 本月调度表未填报该村',
      '! content/progress-tables/2023-08.yaml · 北村 · 总体情况5 群众举报的重大事故隐患（个）: 填报 1，台账统计 0，请核实',
      '! content/progress-tables/2023-08.yaml · 北村 · 总体情况7 上级交办的重大事故隐患（个）: 填报 1，台账统计 0，请核实',
      '! content/progress-tables/2023-08.yaml · 北村 · 总体情况8 上级交办的重大事故隐患中已完成整改的（个）: 填报 1，台账统计 0，请核实',
    ]);
  });

  it('warns when there is no hazard list for the month', () => {
    expect(lines({ ...table(), month: '2023-09', asOf: '2023-09-25' })).toEqual([
      '! content/progress-tables/2023-08.yaml · 月份: 没有 2023-09 的隐患清单可供核对',
    ]);
  });
});
