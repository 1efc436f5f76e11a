/**
 * `tips archive`: tips and follow-ups submitted through the real function handler into a real
 * Blobs server, archived by the office command in this process — written as age files, read
 * back, checked, then deleted from the store. Every way it can fail (an unusable folder, a full
 * disk, a store failing mid-run) leaves the store holding everything not verified on disk.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { getStore } from '@netlify/blobs';
import type { Manifest } from '../../src/cli/office/archive';
import { diskFiles, type ArchiveFiles } from '../../src/cli/office/archive-disk';
import { tipsArchiveWith } from '../../src/cli/office/tips-archive';
import { runCommand } from '../../src/cli/office/run';
import { TRIAGE_STORE } from '../../src/lib/tip-handling/triage';
import { encryptTip } from '../../src/lib/tips/envelope';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { generateReceipt } from '../../src/lib/tips/receipt';
import { ARCHIVED_STORE } from '../../src/lib/tips/retention';
import type { Sealable } from '../../src/schemas/tip';
import type { RetentionStores } from '../../src/lib/tips/retention';
import { phonePhoto, submitCiphertext } from './support/intake';
import { office, startOfficeQueue, workspace, type OfficeQueue, type Workspace } from './support/office';

const IDENTITY = 'tests/fixtures/development-identity.txt';

let ws: Workspace;
let queue: OfficeQueue;
let env: Record<string, string>;
const store = (name: string) => getStore({ name, consistency: 'strong', ...queue.context });
const keys = async (name: string) => (await store(name).list()).blobs.map((b) => b.key).sort();

function siteRecipient(): string {
  const site = parseDocument(readFileSync('content/site.yaml', 'utf8')).toJS() as {
    tipRecipients: { recipient: string }[];
  };
  return site.tipRecipients[0]!.recipient;
}

const submit = async (document: Sealable) => submitCiphertext(await encryptTip(document, [siteRecipient()]));
const tip = (what: string, receipt = generateReceipt()): Sealable => ({
  version: 1,
  receipt,
  what,
  village: '南庄村',
  photos: [],
});

/** The command as `npm run office` runs it, with a test's disk and queue. */
function archive(args: string[], deps: Parameters<typeof tipsArchiveWith>[0] = {}, now = new Date()) {
  let stdout = '';
  let stderr = '';
  const io = {
    env: { ...process.env, ...env, NETLIFY_SITE_ID: undefined, NETLIFY_AUTH_TOKEN: undefined },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    now: () => now,
    cwd: process.cwd(),
  };
  return runCommand(tipsArchiveWith(deps), args, io).then((status) => ({ status, stdout, stderr }));
}

const enoent = (code: string) => Object.assign(new Error(code), { code });

/** A disk that fails with `code` on the `n`th file written (1-based). */
function failingWriter(n: number, code: string): ArchiveFiles {
  let count = 0;
  return {
    ...diskFiles,
    writeFile(path, data) {
      if (++count === n) throw enoent(code);
      diskFiles.writeFile(path, data);
    },
  };
}

function manifestIn(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, '清单.json'), 'utf8')) as Manifest;
}

const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('举报归档-')) : []);

beforeAll(async () => {
  ws = workspace();
  queue = await startOfficeQueue(ws, 'archive');
  env = { ...queue.env, OFFICE_BLOBS_SITE_ID: queue.context.siteID };
}, 60_000);

afterAll(async () => {
  await queue.stop();
  ws.remove();
});

describe('tips archive: when it cannot finish, nothing unverified leaves the store', () => {
  let queued: string[] = [];
  beforeAll(async () => {
    for (const what of ['仓库堵塞消防通道。', '加油站旁有人吸烟。', '砖厂粉尘很大。']) await submit(tip(what));
    queued = await keys(TIPS_STORE);
    expect(queued).toHaveLength(3);
  }, 60_000);

  it('types wrong: no --out, no key, a bad --keep-days (exit 2, nothing written)', async () => {
    const noOut = await archive(['--identity', IDENTITY]);
    expect([noOut.status, noOut.stderr.includes('缺少 --out')]).toEqual([2, true]);
    const out = join(ws.dir, 'typed');
    const noKey = await archive(['--out', out]);
    expect([noKey.status, noKey.stderr.includes('缺少 --identity')]).toEqual([2, true]);
    const bad = await archive(['--out', out, '--identity', IDENTITY, '--keep-days', '七']);
    expect([bad.status, bad.stderr.includes('--keep-days 应为天数')]).toEqual([2, true]);
    expect(await keys(TIPS_STORE)).toEqual(queued);
  });

  it('refuses a folder inside the project', async () => {
    const run = await archive(['--out', 'tmp-archive-in-repo', '--identity', IDENTITY]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不能把举报归档保存在项目文件夹内');
    expect(existsSync('tmp-archive-in-repo')).toBe(false);
    expect(await keys(TIPS_STORE)).toEqual(queued);
  });

  it('an unusable folder: a path through a file (real), a folder without write permission (injected)', async () => {
    const file = join(ws.dir, 'a-file');
    writeFileSync(file, 'x');
    const through = await archive(['--out', join(file, 'archive'), '--identity', IDENTITY]);
    expect(through.status).toBe(1);
    expect(through.stderr).toContain('无法使用归档文件夹');
    expect(through.stderr).toContain('网站上的举报一条也没有删除');

    const locked: ArchiveFiles = {
      ...diskFiles,
      mkdir: () => {
        throw enoent('EACCES');
      },
    };
    const denied = await archive(['--out', join(ws.dir, 'locked'), '--identity', IDENTITY], { files: locked });
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('没有写入该文件夹的权限');
    expect(await keys(TIPS_STORE)).toEqual(queued);
  });

  it('a full disk on the second file, or on the manifest: exit 1, said in Chinese, nothing deleted', async () => {
    const out = join(ws.dir, 'full');
    const second = await archive(['--out', out, '--identity', IDENTITY], { files: failingWriter(2, 'ENOSPC') });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('磁盘空间已满');
    expect(second.stderr).toContain('网站上的举报一条也没有删除');
    expect(second.stderr).toContain('不完整');
    // The manifest is the 4th write (3 items, then 清单.json).
    const manifest = await archive(['--out', out, '--identity', IDENTITY], { files: failingWriter(4, 'ENOSPC') });
    expect(manifest.status).toBe(1);
    expect(manifest.stderr).toContain('写入清单');
    expect(await keys(TIPS_STORE)).toEqual(queued);
    expect(await keys(ARCHIVED_STORE)).toEqual([]);
    // Each run had a folder of its own.
    expect(folders(out)).toHaveLength(2);
  });

  it('a store that fails on the second read: exit 1, nothing deleted', async () => {
    const wrap = (stores: RetentionStores): RetentionStores => {
      let gets = 0;
      const tips = Object.create(stores.tips) as RetentionStores['tips'];
      tips.getWithMetadata = (...a: Parameters<RetentionStores['tips']['getWithMetadata']>) => {
        if (++gets === 2) return Promise.reject(new Error('connection reset'));
        return stores.tips.getWithMetadata(...a);
      };
      return { ...stores, tips };
    };
    const run = await archive(['--out', join(ws.dir, 'flaky'), '--identity', IDENTITY], { wrap });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/读取举报 [0-9a-f-]{36} 时队列出错（connection reset）/);
    expect(run.stderr).toContain('网站上的举报一条也没有删除');
    expect(await keys(TIPS_STORE)).toEqual(queued);
  });

  it('a store that fails while deleting: the rest stays, the archive is whole, a second run finishes', async () => {
    const wrap = (stores: RetentionStores): RetentionStores => {
      let deletes = 0;
      const tips = Object.create(stores.tips) as RetentionStores['tips'];
      tips.delete = (key: string) => {
        if (++deletes === 2) return Promise.reject(new Error('503'));
        return stores.tips.delete(key);
      };
      return { ...stores, tips };
    };
    const out = join(ws.dir, 'half');
    const run = await archive(['--out', out, '--identity', IDENTITY], { wrap });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('已删除 1 条，其余仍在网站上');
    const [folder] = folders(out);
    const archived = manifestIn(join(out, folder!));
    expect(archived.items.map((i) => i.id).sort()).toEqual(queued);
    expect(await keys(TIPS_STORE)).toHaveLength(2);

    const again = await archive(['--out', out, '--identity', IDENTITY]);
    expect(again.status).toBe(0);
    expect(await keys(TIPS_STORE)).toEqual([]);
  });
});

describe('tips archive: the archive, the store after it, and the conversation after it', () => {
  const receipt = generateReceipt();
  const ids = { tip: '', followUp: '', later: '' };
  const out = () => join(ws.dir, 'U盘');
  let folder = '';
  let manifest: Manifest;
  let receiptsBefore = '';

  beforeAll(async () => {
    ids.tip = await submit(tip('河湾村砖厂的除尘设备坏了一个月，车间里粉尘很大。', receipt));
    ids.followUp = await submit({
      version: 2,
      kind: 'follow-up',
      receipt,
      text: '补充：夜班时粉尘最大，照片是车间门口。',
      photos: [{ type: 'image/jpeg', width: 40, height: 30, data: await phonePhoto(40, 30, '#a57') }],
    });
    const triage = await office(
      ['tips', 'triage', ids.tip.slice(0, 8), '--identity', IDENTITY, '--status', '核查中'],
      env,
    );
    expect(triage.status, triage.output).toBe(0);
    // Another archive's files are in the folder already: they stay untouched.
    mkdirSync(out(), { recursive: true });
    writeFileSync(join(out(), '以前的文件.txt'), '别动');
    receiptsBefore = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
    const run = await archive(['--out', out(), '--identity', IDENTITY]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已归档 1 条举报、1 条补充材料');
    folder = join(out(), folders(out())[0]!);
    manifest = manifestIn(folder);
  }, 120_000);

  it('writes a new dated folder beside what was there, with a manifest of every item', () => {
    expect(readFileSync(join(out(), '以前的文件.txt'), 'utf8')).toBe('别动');
    expect(folder).toMatch(/举报归档-\d{4}-\d{2}-\d{2}$/);
    const byId = new Map(manifest.items.map((i) => [i.id, i]));
    expect(byId.get(ids.tip)).toMatchObject({ kind: 'tip', receipt, store: 'deleted', triage: { status: '核查中' } });
    expect(byId.get(ids.followUp)).toMatchObject({ kind: 'follow-up', receipt, store: 'deleted' });
    for (const item of manifest.items) {
      const bytes = readFileSync(join(folder, item.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
      expect(item.received).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("each file opens with Debian's age and the office's key, photos inside", () => {
    const tipFile = manifest.items.find((i) => i.id === ids.tip)!.file;
    const opened = spawnSync('age', ['-d', '-i', IDENTITY, join(folder, tipFile)], { encoding: 'utf8' });
    expect(opened.status, opened.stderr).toBe(0);
    expect(JSON.parse(opened.stdout)).toMatchObject({
      receipt,
      what: '河湾村砖厂的除尘设备坏了一个月，车间里粉尘很大。',
    });
    const followUpFile = manifest.items.find((i) => i.id === ids.followUp)!.file;
    const followUp = spawnSync('age', ['-d', '-i', IDENTITY, join(folder, followUpFile)], { encoding: 'utf8' });
    expect(followUp.status, followUp.stderr).toBe(0);
    expect((JSON.parse(followUp.stdout) as { photos: unknown[] }).photos).toHaveLength(1);
  });

  it('the store keeps neither the items nor their triage records, nor a marker', async () => {
    expect(await keys(TIPS_STORE)).toEqual([]);
    expect(await keys(TRIAGE_STORE)).toEqual([]);
    expect(await keys(ARCHIVED_STORE)).toEqual([]);
    const again = await archive(['--out', out(), '--identity', IDENTITY]);
    expect([again.status, again.stdout.includes('没有尚未归档')]).toEqual([0, true]);
    expect(folders(out())).toHaveLength(1);
  });

  it('leaves the public receipt status and the encrypted conversation (receipts.yaml) as they were', () => {
    const after = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
    expect(after).toBe(receiptsBefore);
    expect(after).toContain('核查中');
  });

  it("an informant's follow-up after archiving still reaches the office", async () => {
    ids.later = await submit({
      version: 2,
      kind: 'follow-up',
      receipt,
      text: '又补充一句：今天还在冒灰。',
      photos: [],
    });
    const list = await office(['tips', 'list', '--identity', IDENTITY], env);
    expect(list.status, list.output).toBe(0);
    expect(list.stdout).toContain('对应的举报不在队列中的补充材料');
    expect(list.stdout).toContain(ids.later);
    const shown = await office(['tips', 'show', ids.later.slice(0, 8), '--identity', IDENTITY], env);
    expect(shown.stdout).toContain('今天还在冒灰');
  });

  it('--keep-days: recent items are archived, kept with a marker (已归档), then deleted by the sweep', async () => {
    const kept = await submit(tip('南庄村加油站卸油口旁堆放液化气钢瓶。'));
    // The late follow-up above came today too: both are kept.
    const both = [kept, ids.later].sort();
    const now = new Date();
    const run = await archive(['--out', out(), '--identity', IDENTITY, '--keep-days', '2'], {}, now);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('暂留网站');
    expect(await keys(TIPS_STORE)).toEqual(both);
    expect(await keys(ARCHIVED_STORE)).toEqual(both);
    const marker = (await store(ARCHIVED_STORE).get(kept, { type: 'json' })) as object;
    expect(Object.keys(marker).sort()).toEqual(['archived', 'keepUntil', 'v']);
    const list = await office(['tips', 'list', '--identity', IDENTITY], env);
    expect(list.stdout).toMatch(new RegExp(`${kept}.*已归档`));
    // Archived once: a second run does not write it again.
    expect((await archive(['--out', out(), '--identity', IDENTITY])).stdout).toContain('没有尚未归档');

    const tomorrow = new Date(now.getTime() + 86_400_000);
    const early = await office(['tips', 'sweep'], env, { now: () => tomorrow });
    expect(early.stdout).toContain('已删除 0 条已归档且暂留期满');
    expect(await keys(TIPS_STORE)).toEqual(both);
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const sweep = await office(['tips', 'sweep'], env, { now: () => later });
    expect(sweep.stdout).toContain('已删除 2 条已归档且暂留期满');
    expect(await keys(TIPS_STORE)).toEqual([]);
    expect(await keys(ARCHIVED_STORE)).toEqual([]);
  });
});

describe('tips sweep without a readable site.yaml', () => {
  it('still sweeps, warns in Chinese, and deletes no never-archived tip', async () => {
    const id = await submit(tip('没有站点文件时的清理。'));
    const run = await office(['tips', 'sweep'], { ...env, CONTENT_DIR: join(ws.dir, 'no-content') });
    expect(run.status, run.output).toBe(0);
    expect(run.stderr).toContain('读不到 site.yaml 的 tipRetention 设置');
    expect(run.stdout).toContain('已删除 0 条已归档且暂留期满');
    expect(await keys(TIPS_STORE)).toContain(id);
  });
});

describe('tips archive: what this key cannot open stays', () => {
  it('archives an item that decrypts but fails the schema; keeps one it cannot decrypt (exit 1)', async () => {
    for (const key of await keys(TIPS_STORE)) await store(TIPS_STORE).delete(key);
    const old = new Encrypter();
    old.addRecipient(siteRecipient());
    const broken = await submitCiphertext(await old.encrypt(JSON.stringify({ version: 1, what: '旧版表单的举报。' })));
    const other = new Encrypter();
    other.addRecipient(await identityToRecipient(await generateIdentity()));
    const foreign = await submitCiphertext(await other.encrypt(JSON.stringify(tip('给另一把钥匙的举报。'))));

    const out = join(ws.dir, 'mixed');
    const run = await archive(['--out', out, '--identity', IDENTITY]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`1 条无法用这把私钥解密或摘要不符，已写入归档但仍留在网站上：${foreign}`);
    expect(await keys(TIPS_STORE)).toEqual([foreign]);
    const manifest = manifestIn(join(out, folders(out)[0]!));
    const byId = new Map(manifest.items.map((i) => [i.id, i]));
    expect(byId.get(broken)).toMatchObject({ kind: 'tip', store: 'deleted' });
    expect(byId.get(foreign)).toMatchObject({ kind: 'unreadable', store: 'not-verified' });
  });
});
