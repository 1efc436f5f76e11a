import { monthOfFile, readHazardListFiles } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import { parseContent } from '../../lib/content/parse';
import { dueReport, formatDueReport } from '../../lib/month-scaffold/due';
import { HazardList } from '../../schemas/hazard-list';
import { OfficeError, UsageError, monthArg, parse } from './args';
import { contentDirOf, printer, today, type OfficeIo } from './io';

/** `due [--month YYYY-MM]`: the weekly meeting's 督办清单, as of today or the month's cutoff if earlier. */
export function due(args: string[], io: OfficeIo): number {
  const { values, positionals } = parse(args, { month: { type: 'string' } });
  if (positionals.length) throw new UsageError('due 只接受 --month YYYY-MM');
  const files = readHazardListFiles(contentDirOf(io));
  const month = values.month === undefined ? undefined : monthArg(values.month);
  const file = month ? files.find((f) => monthOfFile(f.path) === month) : files.at(-1);
  if (!file) throw new OfficeError(month ? `没有 ${month} 的隐患清单。` : '还没有任何隐患清单。');
  const parsed = parseContent(file.path, file.text, HazardList);
  if (!parsed.ok) throw new OfficeError(`隐患清单有错误，请先修正：\n${formatIssues(parsed.issues)}`);
  const day = today(io);
  const asOf = day < parsed.value.cutoff ? day : parsed.value.cutoff;
  printer(io).log(formatDueReport(dueReport(parsed.value, asOf)));
  return 0;
}
