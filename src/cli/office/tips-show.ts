import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentFile, contentPaths } from '../../lib/content/folder';
import { threadQueue } from '../../lib/tip-handling/informant-thread';
import { describeFollowUp, describeMessages, describeTip, rawForDisplay } from '../../lib/tip-handling/tip-view';
import { triageLabel } from '../../lib/tip-handling/triage';
import { readThread } from '../../lib/tips/message-crypto';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { ReceiptsFile } from '../../schemas/receipt';
import type { TipPhoto } from '../../schemas/tip';
import { parse } from './args';
import { loadSite, writeBytes } from './files';
import { contentDirOf, printer, type OfficeIo } from './io';
import { cleanPhoto, describeRemoved } from './photos';
import {
  decrypt,
  fetchTip,
  kb,
  openAll,
  outsideRepo,
  readIdentities,
  resolveId,
  triageOf,
  withQueue,
} from './tip-queue';

/** The conversation published with a receipt, read back with the office's key. */
async function printConversation(io: OfficeIo, lookupKey: string, identities: readonly string[]): Promise<void> {
  const { log } = printer(io);
  const text = contentFile(contentPaths(contentDirOf(io)).receipts).read();
  const parsed = ReceiptsFile.safeParse(text === undefined ? {} : parseYaml(text));
  const entry = parsed.success ? parsed.data.receipts.find((e) => e.key === lookupKey) : undefined;
  if (!entry?.messages?.length && !entry?.closed) return;
  log('');
  log('── 与举报人的对话（已发布在回执中，举报人用回执号可读）：');
  for (const line of describeMessages(await readThread(entry.messages ?? [], identities), entry.closed))
    log(`  ${line}`);
}

async function savePhotos(io: OfficeIo, id: string, photos: readonly TipPhoto[], dir: string | undefined) {
  const { log } = printer(io);
  if (!photos.length) return;
  if (!dir) {
    log('（照片未保存。加上 --photos 文件夹 可保存到仓库以外的文件夹。）');
    return;
  }
  const folder = outsideRepo(io, dir, '举报照片');
  for (const [index, photo] of photos.entries()) {
    const { bytes, removed } = await cleanPhoto(photo.data);
    const path = join(folder, `${id.slice(0, 8)}-照片${index + 1}.jpg`);
    writeBytes(path, bytes);
    log(
      removed.length
        ? `照片${index + 1}：发现并已清除 ${describeRemoved(removed)}，已保存 ${path}`
        : `照片${index + 1}：未发现元数据，已重新编码保存 ${path}`,
    );
  }
}

/** `tips show <id> --identity FILE [--photos DIR]`: a tip with its follow-ups and its conversation, or one follow-up. */
export async function tipsShow(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, { identity: { type: 'string' }, photos: { type: 'string' } });
  const { log } = printer(io);
  await withQueue(io, async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const identities = readIdentities(io, values.identity);
    const villages = loadSite(contentDirOf(io)).villages.map((v) => v.name);
    const opened = await decrypt(stored, identities, villages);
    log('');
    const what = opened.ok && opened.kind === 'follow-up' ? '补充材料' : '举报';
    log(`${what} ${stored.id} · 收到 ${stored.metadata?.received ?? '（日期未知）'} · ${kb(stored.bytes.length)}`);
    log(`处理状态：${triageLabel(await triageOf(queue, stored.id))}`);
    log('');
    if (!opened.ok) {
      log('⚠ 这条举报未通过格式校验。下面是解密后的原文（举报不会被丢弃，仍保留在队列中）：');
      for (const problem of opened.problems) log(`  - ${problem}`);
      log('');
      log(rawForDisplay(opened.text ?? ''));
      return;
    }
    const { threads } = threadQueue(await openAll(queue, identities, villages));
    if (opened.kind === 'follow-up') {
      for (const line of describeFollowUp(opened.followUp)) log(line);
      await savePhotos(io, stored.id, opened.followUp.photos, values.photos);
      const thread = threads.find((t) => t.followUps.some((f) => f.id === stored.id));
      log('');
      log(
        thread
          ? `这是举报 ${thread.tip.id} 的补充材料。查看整条对话：npm run office -- tips show ${thread.tip.id.slice(0, 8)} --identity 私钥文件`
          : '队列中没有与它回执号相同的举报（举报人可能输错了回执号，或原举报已不在队列中）。',
      );
      return;
    }
    for (const line of describeTip(opened.tip)) log(line);
    await savePhotos(io, stored.id, opened.tip.photos, values.photos);
    const thread = threads.find((t) => t.tip.id === stored.id);
    for (const [index, f] of (thread?.followUps ?? []).entries()) {
      log('');
      log(`── 补充材料 ${index + 1}：${f.id} · 收到 ${f.received ?? '（日期未知）'}`);
      for (const line of describeFollowUp(f.followUp)) log(`  ${line}`);
      await savePhotos(io, f.id, f.followUp.photos, values.photos);
    }
    await printConversation(io, await receiptLookupKey(opened.tip.receipt), identities);
  });
  return 0;
}
