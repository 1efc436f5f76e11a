import { describe, expect, it } from 'vitest';
import { STATUS_RANK, daysLate, isClosed, isOverdue, isRectified, isSupervised } from '../../../src/lib/ledger/status';
import type { Hazard } from '../../../src/schemas/hazard';
import { fixtureLists, hazardIn } from '../../fixtures/ledger';

const lists = fixtureLists();
const A = hazardIn(lists, '2023-07', 'NZ-2023-0001'); // 限期整改, deadline 2023-07-10, 整改中
const with_ = (h: Hazard, change: Partial<Hazard>): Hazard => ({ ...h, ...change });

describe('status', () => {
  it('ranks statuses in the only order they may move', () => {
    expect(STATUS_RANK.整改中).toBeLessThan(STATUS_RANK.已整改);
    expect(STATUS_RANK.已整改).toBeLessThan(STATUS_RANK.已销号);
  });

  it('counts 已整改 and 已销号 as rectified, only 已销号 as closed', () => {
    expect([isRectified(A), isClosed(A)]).toEqual([false, false]);
    expect([isRectified(with_(A, { status: '已整改' })), isClosed(with_(A, { status: '已整改' }))]).toEqual([
      true,
      false,
    ]);
    expect([isRectified(with_(A, { status: '已销号' })), isClosed(with_(A, { status: '已销号' }))]).toEqual([
      true,
      true,
    ]);
  });

  it('is overdue only after the deadline day, while open, for a deadline fix', () => {
    expect(isOverdue(A, '2023-07-10')).toBe(false); // the deadline day itself is still in time
    expect(isOverdue(A, '2023-07-11')).toBe(true);
    expect(isOverdue(with_(A, { status: '已整改' }), '2023-07-25')).toBe(false);
    expect(isOverdue(with_(A, { mode: '立即整改' }), '2023-07-25')).toBe(false);
    expect(isOverdue(with_(A, { plan: {} }), '2023-07-25')).toBe(false);
  });

  it('counts supervision from its date on', () => {
    const C = hazardIn(lists, '2023-07', 'NZ-2023-0003'); // supervised since 2023-07-30
    expect(isSupervised(C, '2023-07-29')).toBe(false);
    expect(isSupervised(C, '2023-07-30')).toBe(true);
    expect(isSupervised(hazardIn(lists, '2023-07', 'NZ-2023-0002'), '2023-12-31')).toBe(false);
  });

  it('counts the days a deadline fix was completed late, across months and leap days', () => {
    const fixed = (rectified: string) => with_(A, { status: '已整改', rectified }); // deadline 2023-07-10
    expect(daysLate(fixed('2023-07-10'))).toBeUndefined(); // on the deadline day: in time
    expect(daysLate(fixed('2023-07-01'))).toBeUndefined();
    expect(daysLate(fixed('2023-07-11'))).toBe(1);
    expect(daysLate(fixed('2023-08-15'))).toBe(36);
    expect(daysLate(with_(fixed('2024-03-01'), { plan: { ...A.plan, deadline: '2024-02-28' } }))).toBe(2);
    expect(daysLate(A)).toBeUndefined(); // not fixed yet: that is 逾期, not late
    expect(daysLate(with_(fixed('2023-08-15'), { mode: '立即整改' }))).toBeUndefined();
  });
});
