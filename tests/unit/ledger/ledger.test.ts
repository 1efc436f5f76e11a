import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/lib/ledger/ledger';
import { fixtureContent } from '../../fixtures/ledger';

// Expectations computed by hand from tests/fixtures/ledger/content/hazard-lists/*.yaml:
//   A 0001 南庄村 企业自查  06 整改中 · 07 整改中 (overdue, deadline 07-10) · 08 已整改
//   B 0002 南庄村 执法检查  06 已整改 · 07 已销号 · 08 dropped
//   C 0003 北庄村 群众举报  整改中 throughout, deadline 09-30, supervised from 07-30
//   D 0004 北庄村 上级交办  07 已整改 (new) · 08 已整改
//   E 0005 东堡村 执法检查  07 整改中 (new) · 08 已销号
//   F 0006 东堡村 企业自查  08 整改中 (new, overdue: deadline 08-15)
const ids = (hazards: readonly { id: string }[]) => hazards.map((h) => h.id.slice(-1)).join('');

describe('Ledger', () => {
  const { ledger } = fixtureContent();

  it('orders months and numbers by first listing', () => {
    expect(ledger.months).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(ledger.latestMonth).toBe('2023-08');
    expect(ledger.previousMonth('2023-07')).toBe('2023-06');
    expect(ledger.previousMonth('2023-06')).toBeUndefined();
    expect(ids(ledger.ids().map((id) => ({ id })))).toBe('123456');
  });

  it('sorts lists given out of order', () => {
    const { lists } = fixtureContent();
    const reversed = new Ledger(lists.map((l) => l.list).reverse());
    expect(reversed.months).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(reversed.current('NZ-2023-0001')?.month).toBe('2023-08');
  });

  it('keeps each hazard month by month', () => {
    expect(ledger.history('NZ-2023-0002').map((h) => [h.month, h.hazard.status])).toEqual([
      ['2023-06', '已整改'],
      ['2023-07', '已销号'],
    ]);
    expect(ledger.history('NZ-2023-0002')[1]?.cutoff).toBe('2023-07-25');
    expect(ledger.history('NZ-2023-9999')).toEqual([]);
    expect(ledger.current('NZ-2023-0002')?.month).toBe('2023-07');
    expect(ledger.current('NZ-2023-9999')).toBeUndefined();
    expect(ledger.stateIn('NZ-2023-0001', '2023-07')?.status).toBe('整改中');
    expect(ledger.stateIn('NZ-2023-0001', '2023-08')?.status).toBe('已整改');
    expect(ledger.stateIn('NZ-2023-0002', '2023-08')).toBeUndefined();
  });

  it('throws for a month without a list', () => {
    expect(() => ledger.list('2023-09')).toThrow(/2023-09/);
    expect(() => ledger.cumulative('2023-09')).toThrow(/2023-09/);
  });

  it('counts every hazard ever listed, closed ones included after they drop out', () => {
    expect(ids(ledger.cumulative('2023-06'))).toBe('123');
    expect(ids(ledger.cumulative('2023-07'))).toBe('12345');
    expect(ids(ledger.cumulative('2023-08'))).toBe('123456');
    const byId = new Map(ledger.cumulative('2023-08').map((h) => [h.id, h.status]));
    // B dropped out of the August list but keeps its last state.
    expect(byId.get('NZ-2023-0002')).toBe('已销号');
    expect(byId.get('NZ-2023-0001')).toBe('已整改');
  });

  it('diffs a month against the one before', () => {
    const june = ledger.diff('2023-06');
    expect(june.previous).toBeUndefined();
    expect([ids(june.added), ids(june.rectified), ids(june.closed), ids(june.overdue)]).toEqual(['123', '2', '', '']);

    const july = ledger.diff('2023-07');
    expect(july.previous).toBe('2023-06');
    expect([ids(july.added), ids(july.rectified), ids(july.closed), ids(july.overdue)]).toEqual(['45', '4', '2', '1']);

    // E moves 整改中 → 已销号 in one month: it counts as both rectified and closed.
    const august = ledger.diff('2023-08');
    expect([ids(august.added), ids(august.rectified), ids(august.closed), ids(august.overdue)]).toEqual([
      '6',
      '15',
      '5',
      '6',
    ]);
  });

  it('computes the headline figures as of each cutoff', () => {
    expect(ledger.figures('2023-06')).toEqual({
      month: '2023-06',
      cutoff: '2023-06-25',
      total: 3,
      open: 2,
      rectified: 1,
      closed: 0,
      overdue: 0,
      rectificationRate: 1 / 3,
    });
    expect(ledger.figures('2023-07')).toMatchObject({ total: 5, open: 3, rectified: 2, closed: 1, overdue: 1 });
    expect(ledger.figures('2023-07').rectificationRate).toBeCloseTo(0.4);
    expect(ledger.figures('2023-08')).toMatchObject({ total: 6, open: 2, rectified: 4, closed: 2, overdue: 1 });
    expect(ledger.figures('2023-08').rectificationRate).toBeCloseTo(4 / 6);
  });

  it('gives a zero rate, not NaN, for an empty month', () => {
    const empty = new Ledger([
      { month: '2023-06', cutoff: '2023-06-25', published: '2023-06-28', summary: '无', revisions: [], hazards: [] },
    ]);
    expect(empty.figures('2023-06')).toMatchObject({ total: 0, rectificationRate: 0 });
  });
});
