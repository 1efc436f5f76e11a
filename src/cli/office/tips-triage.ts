import { contentFile, contentPaths, readHazardListFiles } from '../../lib/content/folder';
import { isListed } from '../../lib/month-scaffold/promote';
import { recordOutcome } from '../../lib/tip-handling/tip-outcome';
import { TRIAGE_STATUSES, isTriageStatus } from '../../lib/tip-handling/triage';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { OfficeError, UsageError, parse, required } from './args';
import { loadSite } from './files';
import { contentDirOf, printer, shown, today, type OfficeIo } from './io';
import { decrypt, fetchTip, readIdentities, receiptOf, resolveId, withQueue } from './tip-queue';

/** `tips triage <id> --identity FILE --status S [--hazard ID] [--note TEXT]` */
export async function tipsTriage(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, {
    identity: { type: 'string' },
    status: { type: 'string' },
    hazard: { type: 'string' },
    note: { type: 'string' },
  });
  const dir = contentDirOf(io);
  const status = required(values.status, '--status', '核查中');
  if (!isTriageStatus(status)) throw new UsageError(`--status 应为 ${Object.keys(TRIAGE_STATUSES).join('、')} 之一`);
  if (status === '已列入' && !values.hazard) {
    throw new UsageError('状态为“已列入”时须用 --hazard 写明隐患编号（或用 tips promote 自动列入）');
  }
  if (status !== '已列入' && values.hazard) throw new UsageError('只有“已列入”才填写 --hazard');
  if (
    values.hazard &&
    !isListed(
      values.hazard,
      readHazardListFiles(dir).map((file) => file.text),
    )
  ) {
    throw new OfficeError(`隐患清单中没有编号 ${values.hazard}`);
  }
  const { log } = printer(io);
  await withQueue(io, async (queue) => {
    const stored = await fetchTip(queue, await resolveId(queue, positionals[0]));
    const identities = readIdentities(io, values.identity);
    const villages = loadSite(dir).villages.map((v) => v.name);
    const lookupKey = await receiptLookupKey(receiptOf(await decrypt(stored, identities, villages)));
    const day = today(io);
    const receipts = contentPaths(dir).receipts;
    const recorded = await recordOutcome(contentFile(receipts), queue.triage, {
      tipId: stored.id,
      lookupKey,
      received: stored.metadata?.received ?? day,
      status,
      today: day,
      note: values.note,
      hazard: values.hazard,
    });
    if (!recorded.ok) throw new OfficeError(recorded.message);
    log(
      `✓ 已记录：举报 ${stored.id.slice(0, 8)} → ${TRIAGE_STATUSES[status]}${values.hazard ? `（${values.hazard}）` : ''}`,
    );
    log(`  ${shown(io, receipts)} 已更新；提交并发布后，举报人用回执号可查到此状态。`);
    if (values.note) log('  注意：说明会公开显示，不能含举报内容或任何能识别举报人的信息。');
  });
  return 0;
}
