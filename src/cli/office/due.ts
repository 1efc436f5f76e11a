import { monthOfFile, readHazardListFiles } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import { parseContent } from '../../lib/content/parse';
import { dueReport, formatDueReport } from '../../lib/month-scaffold/due';
import { DUE_AFTER_DAYS, dueTips, formatDueTips } from '../../lib/tip-handling/inbox';
import { HazardList } from '../../schemas/hazard-list';
import { OfficeError, UsageError, monthArg, parse } from './args';
import { readInbox } from './inbox';
import { contentDirOf, printer, today, type OfficeIo } from './io';
import { readIdentities, withQueue } from './tip-queue';

/**
 * `due [--month YYYY-MM] [--identity FILE]`: the weekly meeting's 督办清单, as of today or the
 * month's cutoff if earlier; with the key, also the tips that have waited for the office more
 * than 7 days (lib/tip-handling/inbox.ts), by their queue ids.
 */
export async function due(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, { month: { type: 'string' }, identity: { type: 'string' } });
  if (positionals.length) throw new UsageError('due 只接受 --month YYYY-MM 和 --identity 私钥文件');
  const files = readHazardListFiles(contentDirOf(io));
  const month = values.month === undefined ? undefined : monthArg(values.month);
  const file = month ? files.find((f) => monthOfFile(f.path) === month) : files.at(-1);
  if (!file) throw new OfficeError(month ? `没有 ${month} 的隐患清单。` : '还没有任何隐患清单。');
  const parsed = parseContent(file.path, file.text, HazardList);
  if (!parsed.ok) throw new OfficeError(`隐患清单有错误，请先修正：\n${formatIssues(parsed.issues)}`);
  const day = today(io);
  const asOf = day < parsed.value.cutoff ? day : parsed.value.cutoff;
  const { log } = printer(io);
  log(formatDueReport(dueReport(parsed.value, asOf)));
  log();
  if (values.identity === undefined) {
    log(`群众举报：加 --identity 私钥文件，列出等待办公室答复超过 ${DUE_AFTER_DAYS} 天的举报。`);
    return 0;
  }
  const identities = readIdentities(io, values.identity);
  const tips = await withQueue(io, async (queue) => {
    const { rows } = await readInbox(io, queue, identities);
    return dueTips(rows.map((row) => ({ id: row.thread.tip.id, inbox: row.inbox })));
  });
  log(formatDueTips(tips, day));
  return 0;
}
