import { describe, expect, it } from 'vitest';
import { groupHistoryOf } from '../../../src/lib/disclosure/group-history';
import { Ledger } from '../../../src/lib/ledger/ledger';
import { threeMonths } from './fixtures';
import { oneGroup } from './one-group';

describe('groupHistoryOf', () => {
  const ledger = threeMonths();

  it('lists a village’s hazards in their latest state, open first, closed last', () => {
    const yi = groupHistoryOf(ledger, 'village', '乙村');
    expect(yi.hazards.map((h) => [h.hazard.id, h.hazard.status, h.firstMonth, h.lastMonth])).toEqual([
      ['NZ-2023-0004', '整改中', '2023-07', '2023-08'],
      ['NZ-2023-0002', '已销号', '2023-06', '2023-07'],
    ]);
  });

  it('counts the group month by month, cumulatively', () => {
    const yi = groupHistoryOf(ledger, 'village', '乙村');
    expect(yi.months).toEqual([
      {
        month: '2023-06',
        cutoff: '2023-06-25',
        added: 1,
        total: 1,
        open: 0,
        rectified: 1,
        closed: 0,
        overdue: 0,
        rectificationRate: 1,
      },
      {
        month: '2023-07',
        cutoff: '2023-07-25',
        added: 1,
        total: 2,
        open: 1,
        rectified: 1,
        closed: 1,
        overdue: 0,
        rectificationRate: 0.5,
      },
      {
        month: '2023-08',
        cutoff: '2023-08-25',
        added: 0,
        total: 2,
        open: 1,
        rectified: 1,
        closed: 1,
        overdue: 0,
        rectificationRate: 0.5,
      },
    ]);
    const jia = groupHistoryOf(ledger, 'village', '甲村');
    expect(jia.months.map((m) => m.overdue)).toEqual([0, 1, 0]);
  });

  it('works for sectors and for an empty ledger', () => {
    const fire = groupHistoryOf(ledger, 'sector', '消防');
    expect(fire.hazards.map((h) => h.hazard.id)).toEqual(['NZ-2023-0003']);
    expect(fire.months.map((m) => m.total)).toEqual([1, 1, 1]);
    expect(groupHistoryOf(new Ledger([]), 'village', '甲村')).toEqual({ hazards: [], months: [] });
  });

  it('gives every village and sector exactly what asking the ledger group by group gives', () => {
    for (const name of ['甲村', '乙村', '丙村'])
      expect(groupHistoryOf(ledger, 'village', name), name).toEqual(oneGroup(ledger, (h) => h.village === name));
    for (const name of ['燃气', '消防'] as const)
      expect(groupHistoryOf(ledger, 'sector', name), name).toEqual(oneGroup(ledger, (h) => h.sector === name));
  });

  it('gives a group without hazards zero months', () => {
    const none = groupHistoryOf(ledger, 'village', '丁村');
    expect(none.hazards).toEqual([]);
    expect(none.months.map((m) => m.total)).toEqual([0, 0, 0]);
    expect(none).toEqual(oneGroup(ledger, () => false));
  });
});
