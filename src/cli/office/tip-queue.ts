/**
 * What the tips commands share: the queue opened and announced, ids as a clerk types them, tips
 * fetched and decrypted, the folders tips may be saved to.
 */
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import type { QueueItem } from '../../lib/tip-handling/informant-thread';
import { isInside } from '../../lib/tip-handling/keys';
import { findTipId } from '../../lib/tip-handling/tip-ids';
import { parseTriageRecord, type TriageRecord } from '../../lib/tip-handling/triage';
import { identitiesFromFile, openTip, receiptIn, type OpenedTip } from '../../lib/tips/open';
import { isTipKey, parseTipMetadata, type TipMetadata } from '../../lib/tips/queue';
import { OfficeError, UsageError, required } from './args';
import { existsSync, projectRoot } from './files';
import { pathArg, printer, shown, type OfficeIo } from './io';
import { openQueue, type Queue } from './queue';

/** Opens the queue, says which one it is, runs `run` on it and closes it. */
export async function withQueue<T>(io: OfficeIo, run: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = await openQueue(io);
  printer(io).log(`举报队列：${queue.description}`);
  try {
    return await run(queue);
  } finally {
    await queue.close();
  }
}

export async function tipIds(queue: Queue): Promise<string[]> {
  return (await queue.tips.list()).blobs.map((b) => b.key).filter(isTipKey);
}

/** A full id, or a unique beginning of one, as a clerk may type it. */
export async function resolveId(queue: Queue, typed: string | undefined): Promise<string> {
  const id = required(typed, '举报编号', '3f0c2a5e').toLowerCase();
  const match = findTipId(await tipIds(queue), id);
  if (match.found) return match.id;
  if (match.reason === 'ambiguous') throw new UsageError(`编号 ${id} 对应多条举报，请多输入几位`);
  throw new OfficeError(`队列中没有编号为 ${id} 的举报（用 tips list 查看全部编号）`);
}

export interface StoredTip {
  id: string;
  bytes: Uint8Array;
  metadata: TipMetadata | undefined;
}

export async function fetchTip(queue: Queue, id: string): Promise<StoredTip> {
  const entry = await queue.tips.getWithMetadata(id, { type: 'arrayBuffer', consistency: 'strong' });
  if (!entry) throw new OfficeError(`读取举报 ${id} 失败`);
  return { id, bytes: new Uint8Array(entry.data), metadata: parseTipMetadata(entry.metadata) };
}

export async function triageOf(queue: Queue, id: string): Promise<TriageRecord | undefined> {
  return parseTriageRecord(await queue.triage.get(id, { type: 'json', consistency: 'strong' }));
}

/** The private keys in the file `--identity` names. */
export function readIdentities(io: OfficeIo, file: string | undefined): string[] {
  const path = pathArg(io, required(file, '--identity', '/media/U盘/张三-identity.txt'));
  if (!existsSync(path)) throw new OfficeError(`找不到私钥文件 ${path}`);
  const identities = identitiesFromFile(readFileSync(path, 'utf8'));
  if (!identities.length) throw new OfficeError(`${path} 中没有私钥（应有一行以 AGE-SECRET-KEY- 开头）`);
  return identities;
}

/** A stored tip opened with `identities`, checked against the site's `villages`; stops if it cannot be decrypted. */
export async function decrypt(
  stored: StoredTip,
  identities: readonly string[],
  villages: readonly string[],
): Promise<OpenedTip> {
  const opened = await openTip(stored.bytes, identities, { villages });
  if (!opened.ok && opened.text === undefined) {
    throw new OfficeError(
      `无法解密举报 ${stored.id}：这把私钥不在该举报的接收名单中，或私钥文件不对。` +
        '（举报只能用发送时 site.yaml 中列出的公钥对应的私钥解密。）',
    );
  }
  return opened;
}

/** The receipt inside a tip — also from a tip that failed validation, if its receipt is sound. */
export function receiptOf(opened: OpenedTip): string {
  const receipt = receiptIn(opened);
  if (!receipt) throw new OfficeError('这条举报中没有有效的回执号，无法更新回执状态（举报仍保留在队列中）。');
  return receipt;
}

/** Every queued item, decrypted with the identities, as the threading needs it. */
export async function openAll(
  queue: Queue,
  identities: readonly string[],
  villages: readonly string[],
): Promise<QueueItem[]> {
  return Promise.all(
    (await tipIds(queue)).map(async (id) => {
      const stored = await fetchTip(queue, id);
      const opened = await openTip(stored.bytes, identities, { villages });
      return { id, received: stored.metadata?.received, opened: opened.text === undefined ? undefined : opened };
    }),
  );
}

/** Refuses folders inside the project: tips and photos must never end up committed. */
export function outsideRepo(io: OfficeIo, dir: string, what: string): string {
  const path = pathArg(io, dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (isInside(realpathSync(path), realpathSync(projectRoot))) {
    throw new OfficeError(
      `不能把${what}保存在项目文件夹内（${shown(io, path)}）：一旦提交就会泄露。请换一个仓库以外的文件夹。`,
    );
  }
  return path;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const LIST_HEADER = '编号                                  收到日期    大小       处理状态';
