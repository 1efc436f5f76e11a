import { z } from 'zod';
import { IsoDate, RequiredText } from './common';
import { ConversationMessage } from './conversation';
import { HazardId } from './hazard';
import { RECEIPT_DIGITS, dammDigit } from './receipt-number';

export {
  RECEIPT_RANDOM_DIGITS,
  RECEIPT_DIGITS,
  RECEIPT_GROUP,
  dammDigit,
  isValidReceiptNumber,
} from './receipt-number';

/** A receipt number in its canonical form: digits only, no spaces. */
export const ReceiptNumber = z
  .string({ error: '应为回执号' })
  .regex(new RegExp(`^\\d{${RECEIPT_DIGITS}}$`), { error: `回执号应为 ${RECEIPT_DIGITS} 位数字` })
  .refine((value) => dammDigit(value) === 0, { error: '回执号校验位不对，请逐位核对' });

/** The public lookup key of a receipt: PBKDF2-SHA-256 of it, lowercase hex (see lib/tips/lookup-key.ts). */
export const ReceiptLookupKey = z
  .string({ error: '应为查询码' })
  .regex(/^[0-9a-f]{64}$/, { error: '查询码应为 64 位小写十六进制（由办公室工具生成）' });

/** What became of a tip, as the informant sees it on /receipt/. */
export const RECEIPT_STATUSES = ['已收到', '核查中', '已列入隐患清单', '经核查不属实', '已移交'] as const;
export const ReceiptStatus = z.enum(RECEIPT_STATUSES, {
  error: `应为以下状态之一：${RECEIPT_STATUSES.join('、')}`,
});
export type ReceiptStatus = z.output<typeof ReceiptStatus>;

/** One entry of content/receipts.yaml. Public: it must never hold anything that identifies the informant. */
export const ReceiptEntry = z
  .strictObject({
    key: ReceiptLookupKey,
    status: ReceiptStatus,
    /** The day the tip was received (the queue keeps only the day). */
    received: IsoDate,
    /** The day this status was set. */
    updated: IsoDate,
    /** A short public note; never the tip's content or anything about the informant. */
    note: RequiredText.max(200, { error: '公开说明不能超过 200 字' }).optional(),
    /** The hazard number, when the tip became a hazard (status 已列入隐患清单). */
    hazard: HazardId.optional(),
    /** The conversation with the informant, oldest first (conversation.ts). */
    messages: z.array(ConversationMessage).optional(),
    /** The day the office closed the conversation: no more follow-ups are asked for. */
    closed: IsoDate.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.status === '已列入隐患清单' && !entry.hazard) {
      ctx.addIssue({ code: 'custom', path: ['hazard'], message: '状态为“已列入隐患清单”时必须填写隐患编号' });
    }
    if (entry.status !== '已列入隐患清单' && entry.hazard) {
      ctx.addIssue({ code: 'custom', path: ['hazard'], message: '只有“已列入隐患清单”的举报才填写隐患编号' });
    }
    if (entry.updated < entry.received) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: '更新日期不能早于收到日期' });
    }
    let previous = entry.received;
    (entry.messages ?? []).forEach((message, index) => {
      if (message.date < previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages', index, 'date'],
          message: '消息应按日期先后排列，且不能早于收到日期',
        });
      }
      previous = message.date > previous ? message.date : previous;
    });
    if (entry.closed && entry.closed < previous) {
      ctx.addIssue({ code: 'custom', path: ['closed'], message: '结束对话的日期不能早于最后一条消息或收到日期' });
    }
  });
export type ReceiptEntry = z.output<typeof ReceiptEntry>;

/**
 * content/receipts.yaml: the office-maintained status of every tip, by lookup key. The file may
 * also carry the office's 修订记录 (ReceiptsFileWithRevisions, receipt-revision.ts).
 */
export const ReceiptsFile = z
  .strictObject({
    receipts: z.array(ReceiptEntry).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.receipts.forEach((entry, index) => {
      if (seen.has(entry.key)) {
        ctx.addIssue({ code: 'custom', path: ['receipts', index, 'key'], message: '同一查询码出现了两次' });
      }
      seen.add(entry.key);
    });
  });
export type ReceiptsFile = z.output<typeof ReceiptsFile>;
