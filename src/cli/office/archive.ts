/**
 * The archive run of `tips archive` (tips-archive.ts): takes the tips and follow-ups off the
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
 *   4. only then are the verified items deleted from the store, with their triage records (and
 *      the replay guard's records stop naming them: spent-challenges.ts `forgetSpenders`); items
 *      received within the last N days (`--keep-days`) stay there with an `archived` marker
 *      (lib/tips/retention.ts) that the hourly sweep acts on when their days are over.
 *
 * Any failure before step 4 deletes nothing. Photos are inside the tip's ciphertext.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseTriageRecord, type TriageRecord } from '../../lib/tip-handling/triage';
import { openTip, receiptIn, type OpenedTip } from '../../lib/tips/open';
import { isTipKey, parseTipMetadata } from '../../lib/tips/queue';
import { forgetSpenders } from '../../lib/tips/spent-challenges';
import { addDays, archivedMarker, deleteItem, receivedWithin, type RetentionStores } from '../../lib/tips/retention';
import { OfficeError } from './args';
import { diskFiles, diskProblem, newRunFolder, type ArchiveFiles } from './archive-disk';

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

class StepError extends Error {}

/**
 * What an item is, once decrypted. One that decrypts but fails the schema (an older form, a
 * village since renamed) is still the office's to keep: archived as what it says it is.
 */
function kindOf(opened: OpenedTip): ArchiveKind {
  if (opened.ok) return opened.kind;
  if (opened.text === undefined) return 'unreadable';
  try {
    return (JSON.parse(opened.text) as { kind?: unknown } | null)?.kind === 'follow-up' ? 'follow-up' : 'tip';
  } catch {
    return 'tip';
  }
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
      const kind = kindOf(opened);
      const receipt = receiptIn(opened) ?? null;
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
    if (stores.challenges) await forgetSpenders(stores.challenges, new Set(remove));
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
