import { RECEIPT_STATUSES, type ReceiptEntry, type ReceiptStatus } from '../../schemas/receipt';

/** Tips received online in one month and what has become of them: counts only, never content. */
export interface MonthTips {
  month: string;
  received: number;
  /** Every status, in the order a tip moves through them, with how many of the month's tips are in it now. */
  byStatus: { status: ReceiptStatus; count: number }[];
}

export function tipsReceivedIn(receipts: readonly ReceiptEntry[], month: string): MonthTips {
  const mine = receipts.filter((r) => r.received.startsWith(`${month}-`));
  return {
    month,
    received: mine.length,
    byStatus: RECEIPT_STATUSES.map((status) => ({ status, count: mine.filter((r) => r.status === status).length })),
  };
}
