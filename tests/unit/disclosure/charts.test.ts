import { describe, expect, it } from 'vitest';
import { layoutChart } from '../../../src/lib/disclosure/chart-layout';
import { describeChart, monthlyFlowChart, sectorChart, sourceChart } from '../../../src/lib/disclosure/charts';
import { threeMonths } from './fixtures';

describe('chart series', () => {
  const ledger = threeMonths();

  it('counts hazards found and rectified in each month up to the month shown', () => {
    expect(monthlyFlowChart(ledger, '2023-08').rows).toEqual([
      { label: '2023年6月', values: [3, 1] },
      { label: '2023年7月', values: [1, 1] },
      { label: '2023年8月', values: [1, 2] },
    ]);
    expect(monthlyFlowChart(ledger, '2023-06').rows).toHaveLength(1);
  });

  it('counts every source, zeros included', () => {
    expect(sourceChart(ledger, '2023-08').rows).toEqual([
      { label: '企业自查', values: [2, 2] },
      { label: '执法检查', values: [1, 1] },
      { label: '群众举报', values: [1, 0] },
      { label: '上级交办', values: [1, 1] },
    ]);
    expect(sourceChart(ledger, '2023-06').rows.map((r) => r.values)).toEqual([
      [2, 1],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('counts only sectors with hazards, most first', () => {
    expect(sectorChart(ledger, '2023-08').rows).toEqual([
      { label: '燃气', values: [4, 3] },
      { label: '消防', values: [1, 1] },
    ]);
  });

  it('describes the numbers in words for screen readers', () => {
    expect(describeChart(sectorChart(ledger, '2023-08'))).toBe(
      '按行业领域统计的隐患（累计）。燃气：累计发现 4 项，已整改 3 项；消防：累计发现 1 项，已整改 1 项。',
    );
  });
});

describe('layoutChart', () => {
  it('scales the longest bar to the room left for labels', () => {
    const chart = sectorChart(threeMonths(), '2023-08');
    const g = layoutChart(chart);
    expect(g.width).toBe(300);
    expect(g.rows.map((r) => r.labelY)).toEqual([16, 84]);
    expect(g.rows.flatMap((r) => r.bars.map((b) => [b.y, b.width]))).toEqual([
      [20, 196],
      [39, 147],
      [88, 49],
      [107, 49],
    ]);
    expect(g.rows[0]!.bars[1]!.label).toBe('已整改 3');
    expect(g.rows[0]!.bars[0]!.labelX).toBe(200);
    expect(g.height).toBe(126);
  });

  it('draws empty charts and all-zero rows without dividing by zero', () => {
    const g = layoutChart({
      title: 't',
      category: 'c',
      series: ['a'],
      unit: '个',
      rows: [{ label: 'x', values: [0] }],
    });
    expect(g.rows[0]!.bars[0]!.width).toBe(0);
    expect(layoutChart({ title: 't', category: 'c', series: [], unit: '个', rows: [] }).height).toBe(1);
  });
});
