/**
 * The conversation end to end on the office's side: a tip and a follow-up with a GPS-tagged photo
 * go through the real challenge and tips handlers into a real Blobs server, exactly as the
 * browser sends them (the follow-up is an unrelated new item there); the real CLI, in another
 * process, threads them, replies, and records the thread in receipts.yaml, which the informant's
 * key — derived from the receipt — opens, and no other receipt does.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { getStore } from '@netlify/blobs';
import { loadContent } from '../../src/lib/content-set/load';
import { findJpegMetadata } from '../../src/lib/tip-handling/photo-metadata';
import { readThread } from '../../src/lib/tips/message-crypto';
import { encryptTip } from '../../src/lib/tips/envelope';
import { receiptLookupKey } from '../../src/lib/tips/lookup-key';
import { generateReceipt } from '../../src/lib/tips/receipt';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { receiptReplyKey } from '../../src/lib/tips/reply-key';
import { ReceiptsFile } from '../../src/schemas/receipt';
import type { Sealable } from '../../src/schemas/tip';
import { phonePhoto, submitCiphertext } from './support/intake';
import { office, startOfficeQueue, workspace, type OfficeQueue, type Workspace } from './support/office';

const IDENTITY = 'tests/fixtures/development-identity.txt';

let ws: Workspace;
let queue: OfficeQueue;
let env: Record<string, string>;
const receipt = generateReceipt();
const ids = { tip: '', followUp: '', other: '' };

async function submit(document: Sealable): Promise<string> {
  return submitCiphertext(await encryptTip(document, [readSiteRecipient()]));
}

/** The development recipient of the sample site: its private half is tests/fixtures/development-identity.txt. */
function readSiteRecipient(): string {
  const site = parseDocument(readFileSync('content/site.yaml', 'utf8')).toJS() as {
    tipRecipients: { recipient: string }[];
  };
  return site.tipRecipients[0]!.recipient;
}

const entry = async () => {
  const text = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
  const key = await receiptLookupKey(receipt);
  return ReceiptsFile.parse(parseDocument(text).toJS()).receipts.find((e) => e.key === key);
};

beforeAll(async () => {
  ws = workspace();
  queue = await startOfficeQueue(ws, 'convo');
  env = queue.env;

  ids.tip = await submit({
    version: 1,
    receipt,
    what: '河湾村砖厂的除尘设备坏了一个月，车间里粉尘很大。',
    village: '河湾村',
    photos: [],
  });
  ids.other = await submit({
    version: 1,
    receipt: generateReceipt(),
    what: '另一条举报。',
    village: '南庄村',
    photos: [],
  });
  ids.followUp = await submit({
    version: 2,
    kind: 'follow-up',
    receipt,
    text: '补充：夜班时粉尘最大，照片是车间门口。',
    photos: [{ type: 'image/jpeg', width: 40, height: 30, data: await phonePhoto(40, 30, '#a57') }],
  });
}, 120_000);

afterAll(async () => {
  await queue.stop();
  ws.remove();
});

describe('the queue', () => {
  it('holds the follow-up as an unrelated new item: nothing outside the ciphertext links it to its tip', async () => {
    const store = getStore({ name: TIPS_STORE, consistency: 'strong' });
    const { blobs } = await store.list();
    expect(blobs.map((b) => b.key).sort()).toEqual(Object.values(ids).sort());
    const followUp = await store.getWithMetadata(ids.followUp, { type: 'arrayBuffer' });
    expect(Object.keys(followUp.metadata).sort()).toEqual(['received', 'sha256', 'size', 'v']);
    expect(Buffer.from(followUp.data).includes(Buffer.from(receipt))).toBe(false);
    expect(JSON.stringify(followUp.metadata)).not.toContain(ids.tip);
  });
});

describe('tips list', () => {
  it('without a key lists three items and says follow-ups cannot be told apart', async () => {
    const run = await office(['tips', 'list'], env);
    expect(run.status).toBe(0);
    for (const id of Object.values(ids)) expect(run.stdout).toContain(id);
    expect(run.stdout).toContain('加 --identity 私钥文件，解密后按举报归类显示');
  });

  it('with the key threads the follow-up under its tip', async () => {
    const run = await office(['tips', 'list', '--identity', IDENTITY], env);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const tipLine = lines.findIndex((l) => l.startsWith(ids.tip));
    expect(lines[tipLine + 1]).toContain(`└ 补充材料 ${ids.followUp}`);
    expect(run.stdout).toContain('共 2 条举报（其中未处理 2 条）、1 条补充材料');
  });
});

describe('tips reply, show and the informant reading it', () => {
  it('replies: the follow-up and the question go into receipts.yaml, encrypted, with dates only', async () => {
    const run = await office(
      ['tips', 'reply', ids.tip.slice(0, 8), '--identity', IDENTITY, '--message', '请问除尘设备在哪个车间？'],
      env,
    );
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('举报人补充材料 1 条');
    const found = await entry();
    expect(found).toMatchObject({ status: '已收到' });
    expect(found!.messages!.map((m) => m.from)).toEqual(['informant', 'office']);
    for (const m of found!.messages!) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const yaml = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
    expect(yaml).not.toContain('除尘设备');
    expect(yaml).not.toContain(ids.followUp);
    expect(loadContent(ws.content).ok).toBe(true);
  });

  it('the receipt’s own key reads the whole thread; another receipt’s reads nothing', async () => {
    const messages = (await entry())!.messages!;
    const mine = await readThread(messages, [(await receiptReplyKey(receipt)).identity]);
    expect(mine.map((m) => m.body)).toEqual([
      { text: '补充：夜班时粉尘最大，照片是车间门口。', photos: 1 },
      { text: '请问除尘设备在哪个车间？' },
    ]);
    const stranger = await readThread(messages, [(await receiptReplyKey(generateReceipt())).identity]);
    expect(stranger.map((m) => m.body)).toEqual([undefined, undefined]);
  });

  it('shows the tip with its follow-up, the photo saved without metadata, and the conversation', async () => {
    const photos = mkdtempSync(join(tmpdir(), 'convo-photos-'));
    const run = await office(['tips', 'show', ids.tip, '--identity', IDENTITY, '--photos', photos], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain(`── 补充材料 1：${ids.followUp}`);
    expect(run.stdout).toContain('补充：夜班时粉尘最大');
    expect(run.stdout).toContain('与举报人的对话');
    expect(run.stdout).toContain('请问除尘设备在哪个车间？');
    const saved = readdirSync(photos).filter((f) => f.startsWith(ids.followUp.slice(0, 8)));
    expect(saved).toHaveLength(1);
    const bytes = new Uint8Array(readFileSync(join(photos, saved[0]!)));
    expect(findJpegMetadata(bytes)).toEqual([]);
    expect(Buffer.from(bytes).includes(Buffer.from('Informant Phone'))).toBe(false);

    const followUp = await office(['tips', 'show', ids.followUp, '--identity', IDENTITY], env);
    expect(followUp.stdout).toContain(`这是举报 ${ids.tip} 的补充材料`);
  });

  it('records each follow-up once, marks the question answered, closes; a closed conversation takes no message', async () => {
    const run = await office(['tips', 'reply', ids.followUp, '--identity', IDENTITY, '--answered', '--close'], env);
    expect(run.status, run.output).toBe(0);
    const found = await entry();
    expect(found!.messages).toHaveLength(2);
    expect(found!.messages![1]!.answered).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(found!.closed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const refused = await office(['tips', 'reply', ids.tip, '--identity', IDENTITY, '--message', '还有问题'], env);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('结束');
    expect((await office(['tips', 'reply', ids.tip, '--identity', IDENTITY], env)).status).toBe(2);
    expect(loadContent(ws.content).ok).toBe(true);
  });
});

describe('the inbox: tips list and due with the key', () => {
  const second = generateReceipt();
  const more = { tip: '', followUp: '' };
  const list = async () => {
    const run = await office(['tips', 'list', '--identity', IDENTITY], env);
    expect(run.status, run.output).toBe(0);
    const lines = run.stdout.split('\n');
    const at = (id: string) => lines.findIndex((l) => l.startsWith(id));
    return { run, lines, at, line: (id: string) => lines[at(id)] ?? '' };
  };

  it('a new tip is 新举报 and comes first; the closed conversation is 已结束', async () => {
    more.tip = await submit({
      version: 1,
      receipt: second,
      what: '南庄村一家仓库堵了消防通道。',
      village: '南庄村',
      photos: [],
    });
    const { run, at, line } = await list();
    expect(line(more.tip)).toMatch(/ {2}新举报（已等 0 天）$/);
    expect(line(ids.other)).toMatch(/ {2}新举报（已等 0 天）$/);
    expect(line(ids.tip)).toMatch(/ {2}已结束（\d{4}-\d{2}-\d{2}）$/);
    expect(at(more.tip)).toBeLessThan(at(ids.tip));
    expect(run.stdout).toContain('办理状态：新举报 2，已结束 1。');
  });

  it('after a reply the tip is 已回复; a follow-up after the reply makes it 有新补充', async () => {
    const reply = await office(
      ['tips', 'reply', more.tip, '--identity', IDENTITY, '--message', '收到，正在核查。'],
      env,
    );
    expect(reply.status, reply.output).toBe(0);
    expect((await list()).line(more.tip)).toMatch(/ {2}已回复（\d{4}-\d{2}-\d{2}）$/);

    more.followUp = await submit({
      version: 2,
      kind: 'follow-up',
      receipt: second,
      text: '晚上通道还是堵着。',
      photos: [],
    });
    const { lines, at, line } = await list();
    expect(line(more.tip)).toMatch(/ {2}有新补充（已等 0 天）$/);
    expect(lines[at(more.tip) + 1]).toMatch(new RegExp(`└ 补充材料 ${more.followUp} .* {2}未回复$`));
    expect(at(more.tip)).toBeLessThan(at(ids.tip));
  });

  it('due --identity lists the tips waiting more than 7 days by their ids, never a receipt', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const run = await office(['due', '--identity', IDENTITY], env, { now: () => inTenDays });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('群众举报：等待办公室答复超过 7 天的 2 条');
    expect(run.stdout).toMatch(new RegExp(`${more.tip} {2}有新补充 {2}已等 10 天`));
    expect(run.stdout).toMatch(new RegExp(`${ids.other} {2}新举报 {2}已等 10 天`));
    expect(run.stdout).not.toContain(ids.tip);
    expect(run.stdout).not.toContain(more.followUp);
    for (const r of [receipt, second]) {
      expect(run.output).not.toContain(r);
      expect(run.output).not.toContain(await receiptLookupKey(r));
    }
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000);
    const soon = await office(['due', '--identity', IDENTITY], env, { now: () => inFiveDays });
    expect(soon.stdout).toContain('群众举报：等待办公室答复超过 7 天的 0 条');

    const withoutKey = await office(['due'], env);
    expect(withoutKey.status).toBe(0);
    expect(withoutKey.stdout).toContain('群众举报：加 --identity 私钥文件');
    expect(withoutKey.stdout).not.toContain('举报队列：');
  });

  it('a reply takes the follow-up into the conversation: 已回复 again', async () => {
    const reply = await office(['tips', 'reply', more.followUp, '--identity', IDENTITY, '--answered'], env);
    expect(reply.status, reply.output).toBe(0);
    const { lines, at, line } = await list();
    expect(line(more.tip)).toMatch(/ {2}已回复（\d{4}-\d{2}-\d{2}）$/);
    expect(lines[at(more.tip) + 1]).toMatch(/ {2}已记入对话$/);
  });
});
