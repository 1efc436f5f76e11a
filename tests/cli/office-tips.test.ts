/**
 * The tip commands end to end: tips submitted through the real function handler (a real
 * proof-of-work solution, the browser's envelope code) into a real Blobs server, then
 * read by the office commands as the office would after `npm start` (`tips list` by the real
 * entry in a process of its own, the rest in this process).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Encrypter } from 'age-encryption';
import { getStore } from '@netlify/blobs';
import { loadContent } from '../../src/lib/content-set/load';
import { findJpegMetadata } from '../../src/lib/tip-handling/photo-metadata';
import { encryptTip } from '../../src/lib/tips/envelope';
import { receiptLookupKey } from '../../src/lib/tips/lookup-key';
import { generateReceipt } from '../../src/lib/tips/receipt';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { Tip } from '../../src/schemas/tip';
import { phonePhoto, submitCiphertext } from './support/intake';
import { office, startOfficeQueue, spawnOffice, workspace, type OfficeQueue, type Workspace } from './support/office';

/** The receipts file's entries as YAML reads them. */
const receiptsIn = (content: string): unknown[] =>
  (parseDocument(readFileSync(join(content, 'receipts.yaml'), 'utf8')).toJS() as { receipts: unknown[] }).receipts;

let ws: Workspace;
let queue: OfficeQueue;
let env: Record<string, string>;
const keys: { a: string; b: string; recipients: string[] } = { a: '', b: '', recipients: [] };
const ids: { photo: string; broken: string; plain: string } = { photo: '', broken: '', plain: '' };
let photoTip: Tip;
let plainTip: Tip;

const recipientOf = (stdout: string) => /recipient: (age1[0-9a-z]{58})/.exec(stdout)![1]!;

beforeAll(async () => {
  ws = workspace();
  queue = await startOfficeQueue(ws, 'office');
  // The CLI finds the site ID itself, as it does for the folder npm start uses.
  env = queue.env;

  // Two office members, each with their own key: every tip is sent to both.
  keys.a = join(ws.dir, 'keys', 'a-identity.txt');
  keys.b = join(ws.dir, 'keys', 'b-identity.txt');
  for (const path of [keys.a, keys.b]) {
    const run = await office(['keys', 'new', '--out', path], env);
    expect(run.status).toBe(0);
    keys.recipients.push(recipientOf(run.stdout));
  }

  photoTip = Tip.parse({
    version: 1,
    receipt: generateReceipt(),
    what: '东堡村南头的小饭店后厨把液化气钢瓶放在灶台下面，没有报警器，晚上常有人在旁边抽烟。',
    village: '东堡村',
    place: '东堡村南头',
    sector: '燃气',
    unit: '东堡示例小饭店',
    seen: '2023-12-20',
    photos: [{ type: 'image/jpeg', width: 48, height: 32, data: await phonePhoto(48, 32, '#7a5') }],
  });
  plainTip = Tip.parse({
    version: 1,
    receipt: generateReceipt(),
    what: '石门村一处仓库堵塞消防通道。',
    village: '石门村',
  });
  ids.photo = await submitCiphertext(await encryptTip(photoTip, keys.recipients));
  ids.plain = await submitCiphertext(await encryptTip(plainTip, keys.recipients));
  // A tip whose content does not pass the schema (e.g. from an older form): never dropped.
  const encrypter = new Encrypter();
  for (const r of keys.recipients) encrypter.addRecipient(r);
  ids.broken = await submitCiphertext(
    await encrypter.encrypt(JSON.stringify({ version: 1, what: '旧版表单的举报：河湾村砖厂粉尘很大。' })),
  );
}, 120_000);

afterAll(async () => {
  await queue.stop();
  ws.remove();
});

describe('tips list', () => {
  it('lists every queued tip with its day and state, and says which queue it reads', async () => {
    // The real `npm run office` entry, in a process of its own, on the queue the test process serves.
    const run = await spawnOffice(['tips', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('本机测试用的举报队列');
    for (const id of Object.values(ids))
      expect(run.stdout).toMatch(new RegExp(`${id}  \\d{4}-\\d{2}-\\d{2}  [\\d.]+ KB\\s+未处理`));
    expect(run.stdout).toContain('共 3 条，其中未处理 3 条');
  });
});

describe('tips show', () => {
  it('decrypts for either office member and saves the photo without EXIF or GPS, saying so', async () => {
    const photos = join(ws.dir, 'photos');
    const run = await office(['tips', 'show', ids.photo.slice(0, 8), '--identity', keys.a, '--photos', photos], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('所在村：东堡村');
    expect(run.stdout).toContain('液化气钢瓶放在灶台下面');
    expect(run.stdout).toMatch(/照片1：发现并已清除 EXIF（拍摄设备、时间等）、GPS 位置，已保存/);
    const saved = readdirSync(photos);
    expect(saved).toHaveLength(1);
    const bytes = readFileSync(join(photos, saved[0]!));
    expect(findJpegMetadata(new Uint8Array(bytes))).toEqual([]);
    expect(bytes.includes(Buffer.from('Informant Phone'))).toBe(false);

    const other = await office(['tips', 'show', ids.photo, '--identity', keys.b], env);
    expect(other.status).toBe(0);
    expect(other.stdout).toContain('液化气钢瓶放在灶台下面');
  });

  it('cannot be read with a key the tip was not sent to', async () => {
    const run = await office(['tips', 'show', ids.photo, '--identity', 'tests/fixtures/development-identity.txt'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('无法解密');
  });

  it('shows a tip that fails the schema raw, with a warning', async () => {
    const run = await office(['tips', 'show', ids.broken, '--identity', keys.a], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('未通过格式校验');
    expect(run.stdout).toContain('旧版表单的举报：河湾村砖厂粉尘很大。');
  });

  it('refuses to save photos inside the project', async () => {
    const run = await office(['tips', 'show', ids.photo, '--identity', keys.a, '--photos', 'tip-photos'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不能把举报照片保存在项目文件夹内');
  });
});

describe('tips promote', () => {
  const listPath = () => join(ws.content, 'hazard-lists/2023-12.yaml');

  it('adds the next numbered hazard from the tip, which validates once the clerk fills the placeholders', async () => {
    const run = await office(['tips', 'promote', ids.photo, '--month', '2023-12', '--identity', keys.a], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('隐患编号 NZ-2023-0053（来源：群众举报）');

    const check = await office(['month', 'check', '2023-12'], env);
    expect(check.status).toBe(1);
    const todo = check.stdout.split('\n').filter((l) => l.startsWith('  ✗') && l.includes('NZ-2023-0053'));
    expect(todo.map((l) => /NZ-2023-0053 · ([^:]+):/.exec(l)?.[1])).toEqual([
      '隐患名称',
      '隐患描述',
      '整改方式',
      '交办对象类别',
      '交办对象',
    ]);
    expect(readFileSync(listPath(), 'utf8')).not.toContain('灶台下面');

    // The clerk fills them in.
    const doc = parseDocument(readFileSync(listPath(), 'utf8'));
    const last = (doc.get('hazards') as { items: unknown[] }).items.at(-1) as { set(k: string, v: unknown): void };
    last.set('title', '饭店液化气钢瓶无燃气报警装置');
    last.set('description', '后厨液化气钢瓶未安装燃气泄漏报警装置。');
    last.set('mode', '立即整改');
    last.set('assignedTo', doc.createNode({ kind: '站所', name: '南庄市场监管所' }));
    writeFileSync(listPath(), doc.toString());
    const again = await office(['month', 'check', '2023-12'], env);
    expect(again.status).toBe(0);

    const loaded = loadContent(ws.content);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const added = loaded.content.ledger.current('NZ-2023-0053')!.hazard;
    expect(added).toMatchObject({
      source: '群众举报',
      village: '东堡村',
      sector: '燃气',
      unit: '东堡示例小饭店',
      found: '2023-12-20',
      status: '整改中',
      tipKey: await receiptLookupKey(photoTip.receipt),
    });
  });

  it('marked the tip 已列入 in receipts.yaml and in the list', async () => {
    const receipts = receiptsIn(ws.content) as {
      key: string;
      status: string;
      hazard?: string;
    }[];
    const key = await receiptLookupKey(photoTip.receipt);
    const entry = receipts.find((r) => r.key === key);
    expect(entry).toMatchObject({ status: '已列入隐患清单', hazard: 'NZ-2023-0053' });
    expect((await office(['tips', 'list'], env)).stdout).toMatch(new RegExp(`${ids.photo} .* 已列入 NZ-2023-0053`));
  });

  it('will not list the same tip twice', async () => {
    const run = await office(['tips', 'promote', ids.photo, '--month', '2023-12', '--identity', keys.b], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('这条举报已列入隐患清单：NZ-2023-0053');
  });
});

describe('tips triage', () => {
  const receiptOf = async (tip: Tip) => {
    const receipts = receiptsIn(ws.content) as Record<string, string>[];
    const key = await receiptLookupKey(tip.receipt);
    return receipts.find((r) => r.key === key);
  };

  it('marks a tip received (已收到) before anyone has checked it', async () => {
    const run = await office(['tips', 'triage', ids.plain, '--identity', keys.b, '--status', '已收到'], env);
    expect(run.status).toBe(0);
    expect(await receiptOf(plainTip)).toMatchObject({ status: '已收到' });
  });

  it('records the outcome in receipts.yaml for the informant’s lookup', async () => {
    const run = await office(
      [
        'tips',
        'triage',
        ids.plain,
        '--identity',
        keys.b,
        '--status',
        '不属实',
        '--note',
        '经现场核实，未发现所反映的问题。',
      ],
      env,
    );
    expect(run.status).toBe(0);
    const receipts = receiptsIn(ws.content) as Record<string, string>[];
    const key = await receiptLookupKey(plainTip.receipt);
    const entry = receipts.find((r) => r.key === key);
    expect(entry).toMatchObject({ status: '经核查不属实', note: '经现场核实，未发现所反映的问题。' });
    expect(loadContent(ws.content).ok).toBe(true);
  });

  it('refuses a change of status the table does not allow, and leaves the file as it was', async () => {
    const before = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
    const run = await office(['tips', 'triage', ids.plain, '--identity', keys.b, '--status', '已收到'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('回执状态不能从「经核查不属实」改为「已收到」');
    expect(readFileSync(join(ws.content, 'receipts.yaml'), 'utf8')).toBe(before);
  });

  it('needs a hazard number for 已列入, and a known status', async () => {
    expect((await office(['tips', 'triage', ids.plain, '--identity', keys.b, '--status', '已列入'], env)).status).toBe(
      2,
    );
    expect((await office(['tips', 'triage', ids.plain, '--identity', keys.b, '--status', '已删除'], env)).status).toBe(
      2,
    );
  });
});

describe('tips export', () => {
  it('backs up every tip as a file the standard age command opens', async () => {
    const out = join(ws.dir, 'backup');
    const run = await office(['tips', 'export', '--out', out], env);
    expect(run.status).toBe(0);
    for (const id of Object.values(ids)) {
      const file = join(out, `${id}.age`);
      expect(existsSync(file)).toBe(true);
      const age = spawnSync('age', ['-d', '-i', keys.b, file], { encoding: 'utf8' });
      expect(age.status).toBe(0);
      // Sealed tips are version 2 (with the reply key); the old-form one was encrypted by hand as version 1.
      expect((JSON.parse(age.stdout) as { version: number }).version).toBe(id === ids.broken ? 1 : 2);
    }
  });

  it('never changed or deleted a tip in the queue', async () => {
    const store = getStore({ name: TIPS_STORE, consistency: 'strong' });
    const { blobs } = await store.list();
    expect(blobs.map((b) => b.key).sort()).toEqual(Object.values(ids).sort());
    for (const id of Object.values(ids)) {
      const entry = await store.getWithMetadata(id, { type: 'arrayBuffer', consistency: 'strong' });
      const digest = createHash('sha256').update(new Uint8Array(entry.data)).digest('hex');
      expect(digest).toBe((entry.metadata as { sha256: string }).sha256);
    }
  });
});
