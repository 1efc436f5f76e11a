import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { encryptMessage } from '../../../src/lib/tips/message-crypto';
import { encryptTip, withReplyKey } from '../../../src/lib/tips/envelope';
import { openTip, receiptIn } from '../../../src/lib/tips/open';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import { receiptReplyKey } from '../../../src/lib/tips/reply-key';
import { ConversationMessage, MessageBody } from '../../../src/schemas/conversation';
import { ReceiptEntry } from '../../../src/schemas/receipt';
import { FollowUp, Tip } from '../../../src/schemas/tip';

const receipt = generateReceipt();
const draft = { version: 2 as const, kind: 'follow-up' as const, receipt, text: '补充：钢瓶还在原处。', photos: [] };

describe('tip versions and follow-ups', () => {
  it('reads version 1 tips (no reply key) and version 2 tips (reply key required)', () => {
    const fields = { receipt, what: '隐患', village: '南庄村' };
    expect(Tip.safeParse({ version: 1, ...fields }).success).toBe(true);
    expect(Tip.safeParse({ version: 1, ...fields, replyTo: 'age1x' }).success).toBe(false);
    expect(Tip.safeParse({ version: 2, ...fields }).success).toBe(false);
    expect(Tip.safeParse({ version: 3, ...fields }).success).toBe(false);
  });

  it('seals a tip as version 2 and a follow-up with the reply key of the receipt', async () => {
    const { recipient } = await receiptReplyKey(receipt);
    expect(await withReplyKey({ version: 1, receipt, what: '隐患', village: '南庄村', photos: [] })).toMatchObject({
      version: 2,
      replyTo: recipient,
    });
    const sealed = await withReplyKey(draft);
    expect(FollowUp.parse(sealed)).toEqual({ ...draft, replyTo: recipient });
  });

  it('a follow-up needs text, takes at most three photos and nothing else', () => {
    const replyTo = 'age12xaydcx7vjr720t555x9arany92lw4qal8099en6dk8jn5cpq4vq6kw6ss';
    expect(FollowUp.safeParse({ ...draft, replyTo }).success).toBe(true);
    expect(FollowUp.safeParse({ ...draft, replyTo, text: ' ' }).error?.issues[0]?.message).toBe('请写明要补充的情况');
    expect(FollowUp.safeParse({ ...draft, replyTo, name: '张三' }).success).toBe(false);
    expect(FollowUp.safeParse({ ...draft, replyTo, receipt: '123' }).success).toBe(false);
  });

  it('the office opens a follow-up as such, with its receipt; a broken one raw with the problems', async () => {
    const identity = await generateIdentity();
    const office = await identityToRecipient(identity);
    const opened = await openTip(await encryptTip(draft, [office]), [identity], { villages: ['南庄村'] });
    expect(opened).toMatchObject({ ok: true, kind: 'follow-up', followUp: { text: draft.text, receipt } });
    expect(receiptIn(opened)).toBe(receipt);
    const encrypter = new Encrypter();
    encrypter.addRecipient(office);
    const broken = await openTip(await encrypter.encrypt(JSON.stringify({ ...draft, text: '' })), [identity]);
    expect(broken.ok).toBe(false);
    expect(receiptIn(broken)).toBe(receipt);
  });
});

describe('published conversation', () => {
  const armored = encryptMessage({ text: '问' }, ['age12xaydcx7vjr720t555x9arany92lw4qal8099en6dk8jn5cpq4vq6kw6ss']);
  const entry = async (extra: object) => ({
    key: 'b'.repeat(64),
    status: '核查中',
    received: '2026-12-01',
    updated: '2026-12-02',
    messages: [{ date: '2026-12-02', from: 'office', ciphertext: await armored }],
    ...extra,
  });

  it('accepts armored age messages in date order, a closing day after the last', async () => {
    expect(ReceiptEntry.safeParse(await entry({ closed: '2026-12-03' })).success).toBe(true);
  });

  it('names the field of each mistake', async () => {
    const message = (m: object) => ({ date: '2026-12-02', from: 'office', ciphertext: 'x', ...m });
    const problems = (value: unknown) =>
      ConversationMessage.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    const ciphertext = await armored;
    expect(problems(message({}))).toEqual(['ciphertext']);
    expect(problems(message({ ciphertext, from: 'informant', answered: '2026-12-03' }))).toEqual(['answered']);
    expect(problems(message({ ciphertext, answered: '2026-12-01' }))).toEqual(['answered']);
    expect(problems(message({ ciphertext, ref: '0123456789abcdef' }))).toEqual(['ref']);
    expect(problems(message({ ciphertext, from: 'someone' }))).toEqual(['from']);
    const early = ReceiptEntry.safeParse(await entry({ messages: [message({ ciphertext, date: '2026-11-30' })] }));
    expect(early.error?.issues.map((i) => i.path.join('.'))).toEqual(['messages.0.date']);
    const closed = ReceiptEntry.safeParse(await entry({ closed: '2026-12-01' }));
    expect(closed.error?.issues.map((i) => i.path.join('.'))).toEqual(['closed']);
  });

  it('a message body is text, with a photo count at most', () => {
    expect(MessageBody.safeParse({ text: '答', photos: 1 }).success).toBe(true);
    expect(MessageBody.safeParse({ text: '' }).success).toBe(false);
    expect(MessageBody.safeParse({ text: '答', from: 'x' }).success).toBe(false);
  });

  it('an office message cannot be sealed to nobody', async () => {
    await expect(encryptMessage({ text: '问' }, [])).rejects.toThrow();
  });
});
