import { z } from 'zod';
import { IsoDate } from './common';

/**
 * The conversation between the office and an informant, published with the tip's receipt entry
 * in content/receipts.yaml (and so in /receipts.json). Every message is an age file, armored,
 * encrypted to the informant's reply key (lib/tips/reply-key.ts) and to the office's keys: what
 * anyone else learns is how many messages there are, who wrote each, and on which day.
 */

/** ASCII-armored age file, as `armor.encode` writes it (64-column base64 lines). */
const ARMORED_AGE =
  /^-----BEGIN AGE ENCRYPTED FILE-----\n(?:[A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END AGE ENCRYPTED FILE-----\n?$/;

export const MESSAGE_AUTHORS = ['office', 'informant'] as const;

export const ConversationMessage = z
  .strictObject({
    /** The day the message was written (office) or received (informant): the day only. */
    date: IsoDate,
    from: z.enum(MESSAGE_AUTHORS, { error: '应为 office（办公室）或 informant（举报人）' }),
    ciphertext: z.string({ error: '应为加密后的消息' }).regex(ARMORED_AGE, {
      error: '应为 age 加密文件（-----BEGIN AGE ENCRYPTED FILE----- 开头，由办公室工具生成）',
    }),
    /** Informant messages: which follow-up this is (lib/tips/message-crypto.ts followUpRef), so it is recorded once. */
    ref: z
      .string()
      .regex(/^[0-9a-f]{16}$/, { error: '应为 16 位十六进制（由办公室工具生成）' })
      .optional(),
    /** Office messages: the day the office marked its question answered. */
    answered: IsoDate.optional(),
  })
  .superRefine((message, ctx) => {
    if (message.answered && message.from !== 'office')
      ctx.addIssue({ code: 'custom', path: ['answered'], message: '只有办公室的提问才能标记为已答复' });
    if (message.answered && message.answered < message.date)
      ctx.addIssue({ code: 'custom', path: ['answered'], message: '答复日期不能早于提问日期' });
    if (message.ref && message.from !== 'informant')
      ctx.addIssue({ code: 'custom', path: ['ref'], message: '只有举报人的补充材料才有 ref' });
  });
export type ConversationMessage = z.output<typeof ConversationMessage>;

/** What a message decrypts to: the text, and for a follow-up how many photos came with it. */
export const MessageBody = z.strictObject({
  text: z.string().min(1).max(8000),
  photos: z.int().min(0).max(10).optional(),
});
export type MessageBody = z.output<typeof MessageBody>;
