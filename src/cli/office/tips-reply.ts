import { readFileSync } from 'node:fs';
import { contentFile, contentPaths } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import {
  recordConversation,
  recordedRefs,
  replyKeyOf,
  threadQueue,
  type NewMessage,
} from '../../lib/tip-handling/informant-thread';
import { encryptMessage, followUpRef } from '../../lib/tips/message-crypto';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { tipRecipientKeys } from '../../lib/tips/recipients';
import { OfficeError, UsageError, parse } from './args';
import { existsSync, loadSite } from './files';
import { contentDirOf, pathArg, printer, shown, today, type OfficeIo } from './io';
import { openAll, readIdentities, resolveId, withQueue } from './tip-queue';

function messageText(
  io: OfficeIo,
  values: { message?: string | undefined; file?: string | undefined },
): string | undefined {
  if (values.message !== undefined && values.file !== undefined) throw new UsageError('--message 和 --file 只能用一个');
  if (values.file !== undefined) {
    const path = pathArg(io, values.file);
    if (!existsSync(path)) throw new OfficeError(`找不到文件 ${path}`);
    return readFileSync(path, 'utf8').trim();
  }
  return values.message?.trim();
}

/**
 * `tips reply <id> --identity FILE (--message TEXT | --file FILE) [--answered] [--close]`:
 * a message to the informant, encrypted to the reply key the tip (or a follow-up) carries and
 * to the office's keys, recorded in content/receipts.yaml with the informant's follow-ups not
 * recorded yet. Published with the next build; the informant reads it with the receipt.
 */
export async function tipsReply(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, {
    identity: { type: 'string' },
    message: { type: 'string' },
    file: { type: 'string' },
    answered: { type: 'boolean' },
    close: { type: 'boolean' },
  });
  const text = messageText(io, values);
  if (text === '') throw new UsageError('消息不能为空');
  if (text === undefined && !values.answered && !values.close) {
    throw new UsageError('缺少 --message（或 --file）；只标记已答复用 --answered，结束对话用 --close');
  }
  const identities = readIdentities(io, values.identity);
  const dir = contentDirOf(io);
  const site = loadSite(dir);
  const { log } = printer(io);
  await withQueue(io, async (queue) => {
    const id = await resolveId(queue, positionals[0]);
    const villages = site.villages.map((v) => v.name);
    const { threads } = threadQueue(await openAll(queue, identities, villages));
    const thread = threads.find((t) => t.tip.id === id || t.followUps.some((f) => f.id === id));
    if (!thread) throw new OfficeError(`无法解密举报 ${id}，或它是一条找不到原举报的补充材料（用 tips show 查看）。`);
    const replyTo = replyKeyOf(thread);
    if (!replyTo) {
      throw new OfficeError(
        '这条举报是旧版网页提交的，没有举报人的回复密钥，无法加密回复。举报人在查询页补充材料后即可回复。',
      );
    }
    const receipt = thread.tip.tip.receipt;
    const key = await receiptLookupKey(receipt);
    const day = today(io);
    const recipients = [replyTo, ...tipRecipientKeys(site)];
    const receipts = contentFile(contentPaths(dir).receipts);
    const before = recordedRefs(receipts.read(), key);
    const messages: NewMessage[] = [];
    for (const f of thread.followUps) {
      const ref = await followUpRef(receipt, f.id);
      if (before.has(ref)) continue;
      const body = { text: f.followUp.text, ...(f.followUp.photos.length ? { photos: f.followUp.photos.length } : {}) };
      messages.push({
        date: f.received ?? day,
        from: 'informant',
        ref,
        ciphertext: await encryptMessage(body, recipients),
      });
    }
    if (text !== undefined)
      messages.push({ date: day, from: 'office', ciphertext: await encryptMessage({ text }, recipients) });
    const edit = recordConversation(receipts.name, receipts.read(), {
      key,
      received: thread.tip.received ?? day,
      today: day,
      messages,
      ...(values.answered ? { answered: true } : {}),
      ...(values.close ? { close: true } : {}),
    });
    if (!edit.ok) throw new OfficeError(`未写入：\n${formatIssues(edit.issues)}`);
    receipts.write(edit.text);
    log(`✓ 举报 ${thread.tip.id.slice(0, 8)} 的对话已写入 ${shown(io, contentPaths(dir).receipts)}：`);
    if (edit.added.office) log('  - 办公室消息 1 条（已加密，只有举报人和办公室能读）');
    if (edit.added.informant) log(`  - 举报人补充材料 ${edit.added.informant} 条（已加密记入对话）`);
    if (values.answered) log('  - 此前的提问已标记为“已答复”');
    if (values.close) log('  - 对话已结束，举报人不能再补充');
    log('  提交并发布后，举报人在查询页输入回执号即可读到。公开文件只显示消息条数和日期。');
    log('  提问时不要让举报人说出只有少数人知道的细节（如班次、岗位、在场人员），以免答复暴露身份。');
  });
  return 0;
}
