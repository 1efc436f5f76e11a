/**
 * `tips archive --out DIR --identity FILE [--keep-days N]`: takes the tips and follow-ups off the
 * internet-facing store once the office has them safely (docs/threat-model.md, 举报的保存期限).
 *
 *   1. every item not archived before is written, as stored (a standard age file), into a new
 *      folder `举报归档-YYYY-MM-DD` (`-2`, `-3` … on a second run that day) inside DIR — never
 *      into a folder that holds anything else;
 *   2. each file is read back from disk: its SHA-256 must equal that of the stored bytes (and of
 *      the digest recorded when it came), and it must decrypt with the office's key — that also
 *      says whether it is a tip or a follow-up;
 *   3. the manifest `清单.json` (file, id, kind, day received, size, SHA-256, receipt, the
 *      office's triage record) is written and read back;
 *   4. only then are the verified items deleted from the store, with their triage records; items
 *      received within the last N days (`--keep-days`) stay there with an `archived` marker
 *      (lib/tips/retention.ts) that the hourly sweep acts on when their days are over.
 *
 * Any failure before step 4 deletes nothing. Photos are inside the tip's ciphertext.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from '../../lib/tip-handling/keys';
import { parseTriageRecord, type TriageRecord } from '../../lib/tip-handling/triage';
import { openTip } from '../../lib/tips/open';
import { isTipKey, parseTipMetadata } from '../../lib/tips/queue';
import { addDays, archivedMarker, deleteItem, receivedWithin, type RetentionStores } from '../../lib/tips/retention';
import { OfficeError, parse, required, UsageError } from './args';
import { loadSite, projectRoot } from './files';
import { contentDirOf, pathArg, printer, shown, today, type OfficeCommand, type OfficeIo } from './io';
import { readIdentities, withQueue } from './tip-queue';

/** The file operations of an archive run: the real disk, or a test's failing one. */
export interface ArchiveFiles {
  mkdir(path: string, recursive: boolean): void;
  /** Creates `path` (never overwrites) with `data`. */
  writeFile(path: string, data: Uint8Array | string): void;
  readFile(path: string): Uint8Array;
}

export const diskFiles: ArchiveFiles = {
  mkdir: (path, recursive) => mkdirSync(path, { recursive, mode: 0o700 }),
  writeFile: (path, data) => writeFileSync(path, data, { mode: 0o600, flag: 'wx' }),
  readFile: (path) => new Uint8Array(readFileSync(path)),
};

export type ArchiveKind = 'tip' | 'follow-up' | 'unreadable';

export interface ManifestEntry {
  file: string;
  id: string;
  kind: ArchiveKind;
  /** Day received (China time), from the queue. */
  received: string | null;
  size: number;
  sha256: string;
  /** The receipt inside (tips and follow-ups), to find the archived tip of a later follow-up. */
  receipt: string | null;
  /** The office's record of what it did with the tip, as it was in the store. */
  triage: TriageRecord | null;
  /** What happened to the item in the store. */
  store: 'deleted' | 'kept' | 'not-verified';
}

export interface Manifest {
  v: 1;
  archived: string;
  keepDays: number;
  items: ManifestEntry[];
}

export interface ArchiveResult {
  folder: string | undefined;
  manifest: Manifest;
  deleted: number;
  kept: number;
  notVerified: string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file-system error as the clerk should read it. */
function diskProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return '磁盘空间已满';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入该文件夹的权限';
  if (code === 'EROFS') return '该磁盘是只读的';
  if (code === 'ENOTDIR') return '路径中有一段不是文件夹';
  if (code === 'EIO') return '磁盘读写出错（U 盘是否已拔出？）';
  return `写入出错（${code ?? (error as Error).message}）`;
}

class StepError extends Error {}

/** Creates a new folder for this run inside `dir`: `举报归档-DAY`, then `-2`, `-3` … */
function newRunFolder(files: ArchiveFiles, dir: string, day: string): string {
  try {
    files.mkdir(dir, true);
  } catch (error) {
    throw new OfficeError(`无法使用归档文件夹 ${dir}：${diskProblem(error)}。网站上的举报一条也没有删除。`);
  }
  for (let n = 1; n < 1000; n++) {
    const folder = join(dir, n === 1 ? `举报归档-${day}` : `举报归档-${day}-${n}`);
    try {
      files.mkdir(folder, false);
      return folder;
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw new OfficeError(`无法在 ${dir} 中新建归档文件夹：${diskProblem(error)}。网站上的举报一条也没有删除。`);
    }
  }
  throw new OfficeError(`${dir} 中今天的归档文件夹太多，请换一个文件夹。`);
}

export interface ArchiveOptions {
  dir: string;
  identities: readonly string[];
  villages: readonly string[];
  keepDays: number;
  today: string;
  files?: ArchiveFiles;
}

/**
 * The archive run on `stores`. Throws an OfficeError (Chinese) when it cannot finish; whatever
 * was not verified on disk is then still in the store.
 */
export async function archiveQueue(stores: RetentionStores, options: ArchiveOptions): Promise<ArchiveResult> {
  const files = options.files ?? diskFiles;
  const day = options.today;
  const manifest: Manifest = { v: 1, archived: day, keepDays: options.keepDays, items: [] };
  const empty = { manifest, deleted: 0, kept: 0, notVerified: [] };
  let ids: string[];
  let marked: Set<string>;
  try {
    ids = (await stores.tips.list()).blobs.map((b) => b.key).filter(isTipKey);
    marked = new Set((await stores.archived.list()).blobs.map((b) => b.key));
  } catch (error) {
    throw new OfficeError(`读取举报队列失败（${(error as Error).message}）。没有写入或删除任何内容。`);
  }
  const todo = ids.filter((id) => !marked.has(id)).sort();
  if (!todo.length) return { folder: undefined, ...empty };

  const folder = newRunFolder(files, options.dir, day);
  const keep: string[] = [];
  const remove: string[] = [];
  try {
    for (const id of todo) {
      let entry;
      let triage;
      try {
        entry = await stores.tips.getWithMetadata(id, { type: 'arrayBuffer', consistency: 'strong' });
        triage = parseTriageRecord(await stores.triage.get(id, { type: 'json', consistency: 'strong' }));
      } catch (error) {
        throw new StepError(`读取举报 ${id} 时队列出错（${(error as Error).message}）`);
      }
      if (!entry) continue; // deleted meanwhile (the sweep)
      const bytes = new Uint8Array(entry.data);
      const meta = parseTipMetadata(entry.metadata);
      const digest = sha256(bytes);
      const file = `${id}.age`;
      const path = join(folder, file);
      let back: Uint8Array;
      try {
        files.writeFile(path, bytes);
        back = files.readFile(path);
      } catch (error) {
        throw new StepError(`写入 ${file} 失败：${diskProblem(error)}`);
      }
      const opened = await openTip(back, options.identities, { villages: options.villages });
      const kind: ArchiveKind = opened.ok ? opened.kind : 'unreadable';
      const receipt = opened.ok ? (opened.kind === 'tip' ? opened.tip.receipt : opened.followUp.receipt) : null;
      const verified =
        sha256(back) === digest && (meta === undefined || meta.sha256 === digest) && kind !== 'unreadable';
      const kept = verified && receivedWithin(meta?.received, options.keepDays, day);
      if (verified) (kept ? keep : remove).push(id);
      manifest.items.push({
        file,
        id,
        kind,
        received: meta?.received ?? null,
        size: bytes.length,
        sha256: digest,
        receipt,
        triage: triage ?? null,
        store: !verified ? 'not-verified' : kept ? 'kept' : 'deleted',
      });
    }
    const manifestPath = join(folder, '清单.json');
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    try {
      files.writeFile(manifestPath, text);
      if (new TextDecoder().decode(files.readFile(manifestPath)) !== text) throw new Error('读回的清单与写入的不同');
    } catch (error) {
      throw new StepError(`写入清单 清单.json 失败：${diskProblem(error)}`);
    }
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    throw new OfficeError(
      `归档中断：${error.message}。网站上的举报一条也没有删除。` +
        `归档文件夹 ${folder} 不完整：请删除它，解决问题后重新运行 tips archive。`,
    );
  }

  let deleted = 0;
  try {
    const until = addDays(day, Math.max(0, options.keepDays - 1));
    for (const id of keep) await stores.archived.setJSON(id, archivedMarker(day, until));
    for (const id of remove) {
      await deleteItem(stores, id);
      deleted++;
    }
  } catch (error) {
    throw new OfficeError(
      `从网站删除已归档的举报时出错（${(error as Error).message}）：已删除 ${deleted} 条，其余仍在网站上。` +
        `归档文件夹 ${folder} 完整可用；再次运行 tips archive 会把未删除的重新归档并删除。`,
    );
  }
  return {
    folder,
    manifest,
    deleted,
    kept: keep.length,
    notVerified: manifest.items.filter((i) => i.store === 'not-verified').map((i) => i.id),
  };
}

function keepDaysArg(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError('--keep-days 应为天数（0 或正整数，例如 --keep-days 7）');
  return Number(value);
}

/** The command, with the disk it writes to (tests pass a failing one) and a way to wrap the queue. */
export function tipsArchiveWith(
  deps: { files?: ArchiveFiles; wrap?: (stores: RetentionStores) => RetentionStores } = {},
): OfficeCommand {
  return async (args: string[], io: OfficeIo): Promise<number> => {
    const { values } = parse(args, {
      out: { type: 'string' },
      identity: { type: 'string' },
      'keep-days': { type: 'string' },
    });
    const dir = pathArg(io, required(values.out, '--out', '/media/U盘/举报归档'));
    const keepDays = keepDaysArg(values['keep-days']);
    const identities = readIdentities(io, values.identity);
    const villages = loadSite(contentDirOf(io)).villages.map((v) => v.name);
    const inRepo = (() => {
      try {
        return isInside(realpathSync(dir), realpathSync(projectRoot));
      } catch {
        return isInside(dir, projectRoot);
      }
    })();
    if (inRepo)
      throw new OfficeError(
        `不能把举报归档保存在项目文件夹内（${shown(io, dir)}）：一旦提交就会泄露。请换一个仓库以外的文件夹。`,
      );
    const { log, warn } = printer(io);
    const result = await withQueue(io, (queue) =>
      archiveQueue(deps.wrap ? deps.wrap(queue) : queue, {
        dir,
        identities,
        villages,
        keepDays,
        today: today(io),
        ...(deps.files ? { files: deps.files } : {}),
      }),
    );
    if (!result.folder) {
      log('✓ 队列中没有尚未归档的举报或补充材料，没有写入任何文件。');
      return 0;
    }
    const count = (kind: ArchiveKind) => result.manifest.items.filter((i) => i.kind === kind).length;
    log(
      `✓ 已归档 ${count('tip')} 条举报、${count('follow-up')} 条补充材料到 ${result.folder}（清单：清单.json），` +
        '每个文件都已从磁盘读回核对。',
    );
    log(
      `  已从网站删除 ${result.deleted} 条` +
        (result.kept ? `；近 ${keepDays} 天收到的 ${result.kept} 条暂留网站，到期由每小时的清理任务删除。` : '。'),
    );
    log('  每个 .age 文件都可以用标准 age 工具解密：age -d -i 私钥文件 编号.age');
    if (result.notVerified.length) {
      warn(
        `  ! ${result.notVerified.length} 条无法用这把私钥解密或摘要不符，已写入归档但仍留在网站上：${result.notVerified.join('、')}`,
      );
      return 1;
    }
    return 0;
  };
}

export const tipsArchive = tipsArchiveWith();
