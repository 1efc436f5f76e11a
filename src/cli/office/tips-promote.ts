import { contentFile, contentPaths, monthFiles, readHazardListFiles } from '../../lib/content/folder';
import { placeholderIssues } from '../../lib/month-scaffold/month-check';
import { promoteTip } from '../../lib/tip-handling/tip-outcome';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { OfficeError, monthArg, parse, required } from './args';
import { existsSync, loadSite } from './files';
import { contentDirOf, printer, shown, today, type OfficeIo } from './io';
import { decrypt, fetchTip, readIdentities, resolveId, withQueue } from './tip-queue';

/** `tips promote <id> --month YYYY-MM --identity FILE` */
export async function tipsPromote(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, { identity: { type: 'string' }, month: { type: 'string' } });
  const dir = contentDirOf(io);
  const month = monthArg(required(values.month, '--month', '2023-08'));
  const listPath = monthFiles(month, dir).list;
  if (!existsSync(listPath)) {
    throw new OfficeError(
      `还没有 ${month} 的隐患清单 ${shown(io, listPath)}。请先运行：npm run office -- month new ${month}`,
    );
  }
  const { log } = printer(io);
  await withQueue(io, async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const identities = readIdentities(io, values.identity);
    const villages = loadSite(dir).villages.map((v) => v.name);
    const opened = await decrypt(stored, identities, villages);
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
    const day = today(io);
    const promoted = await promoteTip(
      { list: contentFile(listPath), receipts: contentFile(contentPaths(dir).receipts) },
      queue.triage,
      {
        tipId: stored.id,
        today: day,
        month,
        tip: opened.tip,
        tipKey: await receiptLookupKey(opened.tip.receipt),
        received: stored.metadata?.received ?? day,
        villages,
        listTexts: readHazardListFiles(dir).map((file) => file.text),
      },
    );
    if (!promoted.ok) throw new OfficeError(promoted.message);
    const { id, hazard } = promoted;

    log(`✓ 已列入 ${shown(io, listPath)}，隐患编号 ${id}（来源：群众举报），回执状态已改为“已列入隐患清单”。`);
    log(`  请在该文件 ${id} 下填写：`);
    for (const issue of placeholderIssues('', { hazards: [hazard] })) log(`    - ${issue.field}`);
    log(`  填好后运行：npm run office -- month check ${month}`);
  });
  return 0;
}
