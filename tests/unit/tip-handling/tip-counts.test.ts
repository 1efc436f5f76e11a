import { describe, expect, it } from 'vitest';
import { tipsReceivedIn } from '../../../src/lib/tip-handling/tip-counts';
import type { ReceiptEntry } from '../../../src/schemas/receipt';

const entry = (received: string, status: ReceiptEntry['status']): ReceiptEntry => ({
  key: received.replace(/-/g, '').padEnd(64, 'a'),
  received,
  updated: received,
  status,
});

describe('tipsReceivedIn', () => {
  it('counts the tips received in the month by their current status', () => {
    const receipts = [
      entry('2023-08-01', '核查中'),
      entry('2023-08-31', '经核查不属实'),
      entry('2023-08-15', '核查中'),
      entry('2023-09-01', '已收到'),
      entry('2023-07-31', '已移交'),
    ];
    const tips = tipsReceivedIn(receipts, '2023-08');
    expect(tips.received).toBe(3);
    expect(tips.byStatus).toEqual([
      { status: '已收到', count: 0 },
      { status: '核查中', count: 2 },
      { status: '已列入隐患清单', count: 0 },
      { status: '经核查不属实', count: 1 },
      { status: '已移交', count: 0 },
    ]);
  });
});
