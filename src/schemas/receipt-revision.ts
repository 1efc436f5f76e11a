import { z } from 'zod';
import { IsoDate, RequiredText } from './common';
import { ReceiptLookupKey, ReceiptsFile } from './receipt';

/**
 * 修订记录 of content/receipts.yaml: a status changed by hand against the allowed transitions
 * (lib/tips/receipt-status.ts), with the day of the change and why. The office's record, not
 * published; so it lives here, apart from receipt.ts, which the browser's receipt lookup bundles.
 */
const ReceiptRevision = z.strictObject({
  /** The day of the change: the corrected entries' 更新日期. */
  date: IsoDate,
  reason: RequiredText,
  /** Lookup keys of the receipts corrected. */
  receipts: z.array(ReceiptLookupKey).min(1, { error: '请列出更正的查询码' }),
});

/** content/receipts.yaml as the office keeps it: the statuses (ReceiptsFile) and the 修订记录. */
export const ReceiptsFileWithRevisions = ReceiptsFile.safeExtend({
  revisions: z.array(ReceiptRevision).default([]),
});
export type ReceiptsFileWithRevisions = z.output<typeof ReceiptsFileWithRevisions>;
