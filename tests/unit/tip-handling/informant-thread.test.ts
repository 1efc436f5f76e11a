import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  recordConversation,
  recordedRefs,
  replyKeyOf,
  threadQueue,
  type QueueItem,
} from '../../../src/lib/tip-handling/informant-thread';
import { describeFollowUp, describeMessages } from '../../../src/lib/tip-handling/tip-view';
import { encryptMessage, followUpRef, readThread } from '../../../src/lib/tips/message-crypto';
import { receiptLookupFile } from '../../../src/lib/tips/receipts';
import { ReceiptsFile } from '../../../src/schemas/receipt';
import type { FollowUp, Tip } from '../../../src/schemas/tip';

const A = '1234567890123456789012345670';
const B = '9876543210987654321098765436';
const KEY = 'a'.repeat(64);
const R1 = 'age12xaydcx7vjr720t555x9arany92lw4qal8099en6dk8jn5cpq4vq6kw6ss';
const R2 = 'age1t8z6mrz9rshdwj5ek6028eu4f2lw42jjl6kluph30hsxzy0n9ursjlnsjk';

const tip = (receipt: string, version: 1 | 2 = 2): Tip =>
  version === 2
    ? { version, receipt, what: '隐患', village: '南庄村', photos: [], replyTo: R1 }
    : { version, receipt, what: '隐患', village: '南庄村', photos: [] };
const followUp = (receipt: string, replyTo = R1): FollowUp => ({
  version: 2,
  kind: 'follow-up',
  receipt,
  text: '补充',
  photos: [],
  replyTo,
});
const item = (id: string, received: string, opened: QueueItem['opened']): QueueItem => ({ id, received, opened });
const asTip = (t: Tip) => ({ ok: true as const, kind: 'tip' as const, tip: t, text: '' });
const asFollowUp = (f: FollowUp) => ({ ok: true as const, kind: 'follow-up' as const, followUp: f, text: '' });

describe('threading the queue', () => {
  it('puts follow-ups under the tip with the same receipt, oldest first; the rest apart', () => {
    const { threads, orphans, others } = threadQueue([
      item('f2', '2026-12-05', asFollowUp(followUp(A))),
      item('t1', '2026-12-01', asTip(tip(A))),
      item('f1', '2026-12-03', asFollowUp(followUp(A))),
      item('t2', '2026-12-02', asTip(tip(B))),
      item('lost', '2026-12-04', asFollowUp(followUp('1111111111111111111111111111'))),
      item('locked', '2026-12-04', undefined),
      item('t1-again', '2026-12-06', asTip(tip(A))),
    ]);
    expect(threads.map((t) => [t.tip.id, t.followUps.map((f) => f.id)])).toEqual([
      ['t1', ['f1', 'f2']],
      ['t2', []],
    ]);
    expect(orphans.map((o) => o.id)).toEqual(['lost']);
    expect(others.map((o) => o.id)).toEqual(['locked', 't1-again']);
  });

  it('takes the newest reply key; an old tip has one only once a follow-up brought it', () => {
    const [old] = threadQueue([item('t', '2026-12-01', asTip(tip(A, 1)))]).threads;
    expect(replyKeyOf(old!)).toBeUndefined();
    const [answered] = threadQueue([
      item('t', '2026-12-01', asTip(tip(A, 1))),
      item('f', '2026-12-02', asFollowUp(followUp(A, R2))),
    ]).threads;
    expect(replyKeyOf(answered!)).toBe(R2);
    const [fresh] = threadQueue([item('t', '2026-12-01', asTip(tip(A)))]).threads;
    expect(replyKeyOf(fresh!)).toBe(R1);
  });
});

describe('recording the conversation in receipts.yaml', () => {
  const base = `receipts:\n  - key: ${KEY}\n    status: 核查中\n    received: 2026-12-01\n    updated: 2026-12-02\n`;
  const entryOf = (text: string) => ReceiptsFile.parse(parseDocument(text).toJS()).receipts.find((e) => e.key === KEY)!;

  it('adds messages in date order, armored, and publishes them without refs', async () => {
    const ciphertext = await encryptMessage({ text: '请问具体位置？' }, [R1]);
    const edit = recordConversation('content/receipts.yaml', base, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-04',
      messages: [
        { date: '2026-12-04', from: 'office', ciphertext },
        { date: '2026-12-03', from: 'informant', ref: '0123456789abcdef', ciphertext },
      ],
    });
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    expect(edit.added).toEqual({ office: 1, informant: 1 });
    expect(edit.text).toContain('ciphertext: |');
    const entry = entryOf(edit.text);
    expect(entry.status).toBe('核查中');
    expect(entry.messages!.map((m) => [m.date, m.from])).toEqual([
      ['2026-12-03', 'informant'],
      ['2026-12-04', 'office'],
    ]);
    expect(recordedRefs(edit.text, KEY)).toEqual(new Set(['0123456789abcdef']));
    const published = receiptLookupFile([entry]).entries[KEY]!;
    expect(published.messages).toHaveLength(2);
    expect(JSON.stringify(published)).not.toContain('0123456789abcdef');
  });

  it('records a follow-up once, marks questions answered, closes, then refuses new messages', async () => {
    const ciphertext = await encryptMessage({ text: '问' }, [R1]);
    const first = recordConversation('r', base, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-02',
      messages: [{ date: '2026-12-02', from: 'office', ciphertext }],
    });
    if (!first.ok) throw new Error('refused');
    const again = recordConversation('r', first.text, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-05',
      messages: [{ date: '2026-12-03', from: 'informant', ref: 'ffffffffffffffff', ciphertext }],
      answered: true,
      close: true,
    });
    if (!again.ok) throw new Error('refused');
    const entry = entryOf(again.text);
    expect(entry.messages![0]).toMatchObject({ from: 'office', answered: '2026-12-05' });
    expect(entry.closed).toBe('2026-12-05');
    const repeat = recordConversation('r', again.text, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-06',
      messages: [{ date: '2026-12-03', from: 'informant', ref: 'ffffffffffffffff', ciphertext }],
    });
    expect(repeat.ok && repeat.added).toEqual({ office: 0, informant: 0 });
    const closed = recordConversation('r', again.text, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-06',
      messages: [{ date: '2026-12-06', from: 'office', ciphertext }],
    });
    expect(closed.ok).toBe(false);
    expect(!closed.ok && closed.issues[0]!.message).toContain('已于 2026-12-05 结束');
  });

  it('creates the receipt entry (已收到) for a tip the office has not triaged yet', async () => {
    const edit = recordConversation('r', undefined, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-02',
      messages: [{ date: '2026-12-02', from: 'office', ciphertext: await encryptMessage({ text: '问' }, [R1]) }],
    });
    if (!edit.ok) throw new Error('refused');
    expect(entryOf(edit.text)).toMatchObject({ status: '已收到', received: '2026-12-01', updated: '2026-12-02' });
  });

  it('knows no refs where there is no entry or no conversation, and keeps an empty conversation out of the file', () => {
    expect(recordedRefs(undefined, KEY)).toEqual(new Set());
    expect(recordedRefs(base, KEY)).toEqual(new Set());
    expect(recordedRefs('receipts: {}\n', KEY)).toEqual(new Set());
    const closeOnly = recordConversation('r', base, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-03',
      messages: [],
      close: true,
    });
    expect(closeOnly.ok && closeOnly.text).not.toContain('messages');
    expect(closeOnly.ok && entryOf(closeOnly.text).closed).toBe('2026-12-03');
  });

  it('refuses what the schema refuses, naming the field', () => {
    const edit = recordConversation('r', base, {
      key: KEY,
      received: '2026-12-01',
      today: '2026-12-02',
      messages: [{ date: '2026-12-02', from: 'office', ciphertext: 'not age' }],
    });
    expect(edit.ok).toBe(false);
    expect(!edit.ok && edit.issues.map((i) => i.message).join()).toContain('age 加密文件');
    expect(
      recordConversation('r', 'receipts: [', { key: KEY, received: '2026-12-01', today: '2026-12-02', messages: [] })
        .ok,
    ).toBe(false);
  });
});

describe('what the office reads', () => {
  it('shows follow-ups and the thread in Chinese, with answered, photos, closed and unreadable messages', async () => {
    expect(describeFollowUp({ ...followUp(A), text: '一\n二' })).toEqual(['补充情况：', '  一', '  二', '照片：0 张']);
    const office = await generateX25519Identity();
    const recipient = await identityToRecipient(office);
    const messages = [
      {
        date: '2026-12-02',
        from: 'office' as const,
        answered: '2026-12-04',
        ciphertext: await encryptMessage({ text: '问' }, [recipient]),
      },
      {
        date: '2026-12-03',
        from: 'informant' as const,
        ciphertext: await encryptMessage({ text: '答', photos: 2 }, [recipient]),
      },
      { date: '2026-12-03', from: 'informant' as const, ciphertext: await encryptMessage({ text: '别人的' }, [R1]) },
    ];
    const lines = describeMessages(await readThread(messages, [office]), '2026-12-05');
    expect(lines).toEqual([
      '2026-12-02 办公室（已标记为已答复，2026-12-04）：',
      '  问',
      '2026-12-03 举报人：',
      '  答',
      '  （附照片 2 张）',
      '2026-12-03 举报人：（这把私钥无法解密）',
      '对话已于 2026-12-05 结束。',
    ]);
  });

  it('refs a follow-up by receipt and queue id: stable, and unlinkable without the receipt', async () => {
    const id = '3f0c2a5e-8b1d-4c6e-9a4f-2b6d8e1c0a97';
    expect(await followUpRef(A, id)).toBe(await followUpRef(A, id.toUpperCase()));
    expect(await followUpRef(A, id)).toMatch(/^[0-9a-f]{16}$/);
    expect(await followUpRef(B, id)).not.toBe(await followUpRef(A, id));
  });
});
