import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentFile, contentPaths, monthFiles, readHazardListFiles } from '../../lib/content/folder';
import { isInside } from '../../lib/tip-handling/keys';
import { placeholderIssues } from '../../lib/month-scaffold/month-check';
import { isListed } from '../../lib/month-scaffold/promote';
import { threadQueue, type QueueItem } from '../../lib/tip-handling/informant-thread';
import { findTipId } from '../../lib/tip-handling/tip-ids';
import { promoteTip, recordOutcome } from '../../lib/tip-handling/tip-outcome';
import { describeFollowUp, describeTip, rawForDisplay } from '../../lib/tip-handling/tip-view';
import {
  TRIAGE_STATUSES,
  isTriageStatus,
  isUnhandled,
  parseTriageRecord,
  triageLabel,
  type TriageRecord,
} from '../../lib/tip-handling/triage';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { identitiesFromFile, openTip, receiptIn, type OpenedTip } from '../../lib/tips/open';
import { isTipKey, parseTipMetadata, type TipMetadata } from '../../lib/tips/queue';
import { chinaDay } from '../../schemas/common';
import type { TipPhoto } from '../../schemas/tip';
import { OfficeError, UsageError, monthArg, parse, required } from './args';
import { existsSync, projectRoot, shown, site, writeBytes } from './files';
import { cleanPhoto, describeRemoved } from './photos';
import { openQueue, type Queue } from './queue';
import { printConversation } from './tips-reply';

export async function withQueue<T>(run: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = await openQueue();
  console.log(`举报队列：${queue.description}`);
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

interface Stored {
  id: string;
  bytes: Uint8Array;
  metadata: TipMetadata | undefined;
}

export async function fetchTip(queue: Queue, id: string): Promise<Stored> {
  const entry = await queue.tips.getWithMetadata(id, { type: 'arrayBuffer', consistency: 'strong' });
  if (!entry) throw new OfficeError(`读取举报 ${id} 失败`);
  return { id, bytes: new Uint8Array(entry.data), metadata: parseTipMetadata(entry.metadata) };
}

async function triageOf(queue: Queue, id: string): Promise<TriageRecord | undefined> {
  return parseTriageRecord(await queue.triage.get(id, { type: 'json', consistency: 'strong' }));
}

export const siteVillages = (): string[] => site().villages.map((v) => v.name);

export function readIdentities(file: string | undefined): string[] {
  const path = resolve(required(file, '--identity', '/media/U盘/张三-identity.txt'));
  if (!existsSync(path)) throw new OfficeError(`找不到私钥文件 ${path}`);
  const identities = identitiesFromFile(readFileSync(path, 'utf8'));
  if (!identities.length) throw new OfficeError(`${path} 中没有私钥（应有一行以 AGE-SECRET-KEY- 开头）`);
  return identities;
}

async function decrypt(stored: Stored, identityFile: string | undefined): Promise<OpenedTip> {
  const opened = await openTip(stored.bytes, readIdentities(identityFile), { villages: siteVillages() });
  if (!opened.ok && opened.text === undefined) {
    throw new OfficeError(
      `无法解密举报 ${stored.id}：这把私钥不在该举报的接收名单中，或私钥文件不对。` +
        '（举报只能用发送时 site.yaml 中列出的公钥对应的私钥解密。）',
    );
  }
  return opened;
}

/** The receipt inside a tip — also from a tip that failed validation, if its receipt is sound. */
function receiptOf(opened: OpenedTip): string {
  const receipt = receiptIn(opened);
  if (!receipt) throw new OfficeError('这条举报中没有有效的回执号，无法更新回执状态（举报仍保留在队列中）。');
  return receipt;
}

/** Refuses folders inside the project: tips and photos must never end up committed. */
export function outsideRepo(dir: string, what: string): string {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (isInside(realpathSync(path), realpathSync(projectRoot))) {
    throw new OfficeError(
      `不能把${what}保存在项目文件夹内（${shown(path)}）：一旦提交就会泄露。请换一个仓库以外的文件夹。`,
    );
  }
  return path;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every queued item, decrypted with the identities, as the threading needs it. */
export async function openAll(queue: Queue, identities: readonly string[]): Promise<QueueItem[]> {
  return Promise.all(
    (await tipIds(queue)).map(async (id) => {
      const stored = await fetchTip(queue, id);
      const opened = await openTip(stored.bytes, identities, { villages: siteVillages() });
      return { id, received: stored.metadata?.received, opened: opened.text === undefined ? undefined : opened };
    }),
  );
}

const HEADER = '编号                                  收到日期    大小       处理状态';

/** `tips list [--identity FILE]` */
export async function tipsList(args: string[]): Promise<void> {
  const { values } = parse(args, { identity: { type: 'string' } });
  await withQueue(async (queue) => {
    const rows = await Promise.all(
      (await tipIds(queue)).map(async (id) => {
        const meta = parseTipMetadata((await queue.tips.getMetadata(id, { consistency: 'strong' }))?.metadata);
        return { id, meta, triage: await triageOf(queue, id) };
      }),
    );
    rows.sort((a, b) => (a.meta?.received ?? '').localeCompare(b.meta?.received ?? '') || a.id.localeCompare(b.id));
    if (!rows.length) {
      console.log('队列中没有举报。');
      return;
    }
    const line = (row: (typeof rows)[number], indent = '') =>
      `${indent}${row.id}  ${row.meta?.received ?? '（未知）   '}  ${(row.meta ? kb(row.meta.size) : '?').padEnd(9)}  ${triageLabel(row.triage)}`;
    if (!values.identity) {
      console.log(HEADER);
      for (const row of rows) console.log(line(row));
      const open = rows.filter((r) => isUnhandled(r.triage)).length;
      console.log(
        `共 ${rows.length} 条，其中未处理 ${open} 条。查看：npm run office -- tips show 编号 --identity 私钥文件`,
      );
      console.log(
        '（举报人从查询页发来的补充材料在队列中与新举报无法区分：加 --identity 私钥文件，解密后按举报归类显示。）',
      );
      return;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const { threads, orphans, others } = threadQueue(await openAll(queue, readIdentities(values.identity)));
    console.log(HEADER);
    for (const thread of threads) {
      console.log(line(byId.get(thread.tip.id)!));
      for (const f of thread.followUps) console.log(`${line(byId.get(f.id)!, '  └ 补充材料 ')}`);
    }
    if (orphans.length) {
      console.log('对应的举报不在队列中的补充材料：');
      for (const f of orphans) console.log(line(byId.get(f.id)!, '  '));
    }
    if (others.length) {
      console.log('无法用这把私钥解密或未通过格式校验的：');
      for (const item of others) console.log(line(byId.get(item.id)!, '  '));
    }
    const followUps = threads.reduce((n, t) => n + t.followUps.length, orphans.length);
    const open = threads.filter((t) => isUnhandled(byId.get(t.tip.id)!.triage)).length;
    console.log(
      `共 ${threads.length} 条举报（其中未处理 ${open} 条）、${followUps} 条补充材料` +
        (others.length ? `、${others.length} 条无法归类` : '') +
        '。',
    );
  });
}

/** `tips show <id> --identity FILE [--photos DIR]`: a tip with its follow-ups and its conversation, or one follow-up. */
export async function tipsShow(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { identity: { type: 'string' }, photos: { type: 'string' } });
  await withQueue(async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const opened = await decrypt(stored, values.identity);
    console.log('');
    const what = opened.ok && opened.kind === 'follow-up' ? '补充材料' : '举报';
    console.log(
      `${what} ${stored.id} · 收到 ${stored.metadata?.received ?? '（日期未知）'} · ${kb(stored.bytes.length)}`,
    );
    console.log(`处理状态：${triageLabel(await triageOf(queue, stored.id))}`);
    console.log('');
    if (!opened.ok) {
      console.log('⚠ 这条举报未通过格式校验。下面是解密后的原文（举报不会被丢弃，仍保留在队列中）：');
      for (const problem of opened.problems) console.log(`  - ${problem}`);
      console.log('');
      console.log(rawForDisplay(opened.text ?? ''));
      return;
    }
    const identities = readIdentities(values.identity);
    const { threads } = threadQueue(await openAll(queue, identities));
    if (opened.kind === 'follow-up') {
      for (const line of describeFollowUp(opened.followUp)) console.log(line);
      await savePhotos(stored.id, opened.followUp.photos, values.photos);
      const thread = threads.find((t) => t.followUps.some((f) => f.id === stored.id));
      console.log('');
      console.log(
        thread
          ? `这是举报 ${thread.tip.id} 的补充材料。查看整条对话：npm run office -- tips show ${thread.tip.id.slice(0, 8)} --identity 私钥文件`
          : '队列中没有与它回执号相同的举报（举报人可能输错了回执号，或原举报已不在队列中）。',
      );
      return;
    }
    for (const line of describeTip(opened.tip)) console.log(line);
    await savePhotos(stored.id, opened.tip.photos, values.photos);
    const thread = threads.find((t) => t.tip.id === stored.id);
    for (const [index, f] of (thread?.followUps ?? []).entries()) {
      console.log('');
      console.log(`── 补充材料 ${index + 1}：${f.id} · 收到 ${f.received ?? '（日期未知）'}`);
      for (const line of describeFollowUp(f.followUp)) console.log(`  ${line}`);
      await savePhotos(f.id, f.followUp.photos, values.photos);
    }
    await printConversation(await receiptLookupKey(opened.tip.receipt), identities);
  });
}

async function savePhotos(id: string, photos: readonly TipPhoto[], dir: string | undefined): Promise<void> {
  if (!photos.length) return;
  if (!dir) {
    console.log('（照片未保存。加上 --photos 文件夹 可保存到仓库以外的文件夹。）');
    return;
  }
  const folder = outsideRepo(dir, '举报照片');
  for (const [index, photo] of photos.entries()) {
    const { bytes, removed } = await cleanPhoto(photo.data);
    const path = join(folder, `${id.slice(0, 8)}-照片${index + 1}.jpg`);
    writeBytes(path, bytes);
    console.log(
      removed.length
        ? `照片${index + 1}：发现并已清除 ${describeRemoved(removed)}，已保存 ${path}`
        : `照片${index + 1}：未发现元数据，已重新编码保存 ${path}`,
    );
  }
}

const listTexts = (): string[] => readHazardListFiles().map((file) => file.text);

/** `tips triage <id> --identity FILE --status S [--hazard ID] [--note TEXT]` */
export async function tipsTriage(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    identity: { type: 'string' },
    status: { type: 'string' },
    hazard: { type: 'string' },
    note: { type: 'string' },
  });
  const status = required(values.status, '--status', '核查中');
  if (!isTriageStatus(status)) throw new UsageError(`--status 应为 ${Object.keys(TRIAGE_STATUSES).join('、')} 之一`);
  if (status === '已列入' && !values.hazard) {
    throw new UsageError('状态为“已列入”时须用 --hazard 写明隐患编号（或用 tips promote 自动列入）');
  }
  if (status !== '已列入' && values.hazard) throw new UsageError('只有“已列入”才填写 --hazard');
  if (values.hazard && !isListed(values.hazard, listTexts())) {
    throw new OfficeError(`隐患清单中没有编号 ${values.hazard}`);
  }
  await withQueue(async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const lookupKey = await receiptLookupKey(receiptOf(await decrypt(stored, values.identity)));
    const today = chinaDay();
    const recorded = await recordOutcome(contentFile(contentPaths().receipts), queue.triage, {
      tipId: stored.id,
      lookupKey,
      received: stored.metadata?.received ?? today,
      status,
      today,
      note: values.note,
      hazard: values.hazard,
    });
    if (!recorded.ok) throw new OfficeError(recorded.message);
    console.log(
      `✓ 已记录：举报 ${stored.id.slice(0, 8)} → ${TRIAGE_STATUSES[status]}${values.hazard ? `（${values.hazard}）` : ''}`,
    );
    console.log(`  ${shown(contentPaths().receipts)} 已更新；提交并发布后，举报人用回执号可查到此状态。`);
    if (values.note) console.log('  注意：说明会公开显示，不能含举报内容或任何能识别举报人的信息。');
  });
}

/** `tips promote <id> --month YYYY-MM --identity FILE` */
export async function tipsPromote(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { identity: { type: 'string' }, month: { type: 'string' } });
  const month = monthArg(required(values.month, '--month', '2023-08'));
  const listPath = monthFiles(month).list;
  if (!existsSync(listPath)) {
    throw new OfficeError(
      `还没有 ${month} 的隐患清单 ${shown(listPath)}。请先运行：npm run office -- month new ${month}`,
    );
  }
  await withQueue(async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const opened = await decrypt(stored, values.identity);
    if (!opened.ok) {
      throw new OfficeError(
        `这条举报未通过格式校验，不能自动列入：\n  ${opened.problems.join('\n  ')}\n` +
          '请用 tips show 查看原文，在清单中手工添加隐患，再用 tips triage --status 已列入 --hazard 编号 记录。',
      );
    }
    if (opened.kind === 'follow-up') {
      throw new OfficeError(
        '这是一条补充材料，不能单独列入隐患清单：请对原举报运行 tips promote（tips show 会显示原举报编号）。',
      );
    }
    const today = chinaDay();
    const promoted = await promoteTip(
      { list: contentFile(listPath), receipts: contentFile(contentPaths().receipts) },
      queue.triage,
      {
        tipId: stored.id,
        today,
        month,
        tip: opened.tip,
        tipKey: await receiptLookupKey(opened.tip.receipt),
        received: stored.metadata?.received ?? today,
        villages: siteVillages(),
        listTexts: listTexts(),
      },
    );
    if (!promoted.ok) throw new OfficeError(promoted.message);
    const { id, hazard } = promoted;

    console.log(`✓ 已列入 ${shown(listPath)}，隐患编号 ${id}（来源：群众举报），回执状态已改为“已列入隐患清单”。`);
    console.log(`  请在该文件 ${id} 下填写：`);
    for (const issue of placeholderIssues('', { hazards: [hazard] })) console.log(`    - ${issue.field}`);
    console.log(`  填好后运行：npm run office -- month check ${month}`);
  });
}

/** `tips export --out DIR` */
export async function tipsExport(args: string[]): Promise<void> {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = outsideRepo(required(values.out, '--out', '/media/U盘/举报备份'), '举报备份');
  await withQueue(async (queue) => {
    const lines = ['编号\t收到日期\t字节\tsha256'];
    let written = 0;
    for (const id of (await tipIds(queue)).sort()) {
      const stored = await fetchTip(queue, id);
      const sha256 = createHash('sha256').update(stored.bytes).digest('hex');
      if (stored.metadata && stored.metadata.sha256 !== sha256) {
        console.warn(`  ! 举报 ${id} 的内容摘要与收到时记录的不一致，请保留并报告技术人员。`);
      }
      lines.push([id, stored.metadata?.received ?? '', stored.bytes.length, sha256].join('\t'));
      let path = join(dir, `${id}.age`);
      if (existsSync(path)) {
        if (createHash('sha256').update(readFileSync(path)).digest('hex') === sha256) continue;
        // Never overwrite a backup: keep both, the queue's copy named by its digest.
        path = join(dir, `${id}.${sha256.slice(0, 12)}.age`);
      }
      writeFileSync(path, stored.bytes, { mode: 0o600 });
      written++;
    }
    const index = join(dir, `清单-${chinaDay()}.tsv`);
    writeFileSync(index, `${lines.join('\n')}\n`, { mode: 0o600 });
    console.log(
      `✓ 队列共 ${lines.length - 1} 条举报，本次新写入 ${written} 个密文文件到 ${dir}（已有且相同的不重复写入），清单见 ${index}`,
    );
    console.log('  每个 .age 文件都可以用标准 age 工具解密：age -d -i 私钥文件 编号.age');
  });
}
