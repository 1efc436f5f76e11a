import { describe, expect, it } from 'vitest';
import { boundHazards, breakdown } from '../../../src/lib/disclosure/group-bounds';
import { GROUP_HAZARD_LIMIT } from '../../../src/lib/disclosure/page-limits';
import { threeMonths } from './fixtures';
import { oneGroup } from './one-group';

describe('boundHazards', () => {
  const all = oneGroup(threeMonths(), () => true).hazards;

  it('lists every hazard of a township-sized group', () => {
    expect(all.length).toBeLessThan(GROUP_HAZARD_LIMIT);
    const bounded = boundHazards(all);
    expect(bounded.shown).toEqual(all);
    expect(bounded.hidden).toBe(0);
  });

  it('keeps the most urgent first and counts what it leaves out', () => {
    const bounded = boundHazards(all, 2);
    expect(bounded.total).toBe(5);
    expect(bounded.hidden).toBe(3);
    // Open before rectified and closed: the history's order.
    expect(bounded.shown.map((h) => [h.hazard.id, h.hazard.status])).toEqual([
      ['NZ-2023-0004', '整改中'],
      ['NZ-2023-0001', '已整改'],
    ]);
  });
});

describe('breakdown', () => {
  it('counts the group by another dimension in site order, only names with hazards', () => {
    const all = oneGroup(threeMonths(), () => true).hazards;
    const rows = breakdown(all, (h) => h.hazard.village, ['乙村', '丁村', '甲村']);
    expect(rows).toEqual([
      { name: '乙村', total: 2, open: 1, overdue: 0, rectified: 0, closed: 1 },
      { name: '甲村', total: 2, open: 0, overdue: 0, rectified: 1, closed: 1 },
      // Not in the given order: last.
      { name: '丙村', total: 1, open: 0, overdue: 0, rectified: 1, closed: 0 },
    ]);
  });

  it('counts overdue hazards among the open ones', () => {
    const july = oneGroup(threeMonths(), () => true).hazards.map((h) =>
      h.hazard.id === 'NZ-2023-0004' ? { ...h, overdue: true } : h,
    );
    const [yi] = breakdown(july, (h) => h.hazard.village, ['乙村']);
    expect(yi).toMatchObject({ open: 1, overdue: 1 });
  });
});
