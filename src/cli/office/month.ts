import { parseDocument } from 'yaml';
import { contentFile, contentPaths, monthFiles, readContentFile, readMonthFolder } from '../../lib/content/folder';
import { formatIssues, hasErrors, type ContentIssue } from '../../lib/content/issues';
import { loadContent } from '../../lib/content-set/load';
import { receiptHistoryIssues } from '../../lib/content-set/receipt-history';
import {
  combineIssues,
  emptyProgressWarnings,
  notImportedWarnings,
  placeholderIssues,
  splitByMonth,
} from '../../lib/month-scaffold/month-check';
import { scaffoldHazardList, scaffoldProgressTable } from '../../lib/month-scaffold/month-scaffold';
import { OfficeError, UsageError, monthArg, parse } from './args';
import { existsSync } from './files';
import { contentDirOf, printer, shown, type OfficeIo } from './io';

/** `month new YYYY-MM` */
export function monthNew(args: string[], io: OfficeIo): number {
  const dir = contentDirOf(io);
  const { positionals } = parse(args, {});
  const month = monthArg(positionals[0]);
  const files = monthFiles(month, dir);
  for (const path of [files.list, files.table]) {
    if (existsSync(path))
      throw new OfficeError(`${shown(io, path)} 已存在，不会覆盖。如需重做，请先自行删除或改名该文件。`);
  }
  const loaded = loadContent(dir);
  if (!loaded.ok) {
    throw new OfficeError(`现有内容文件有错误，请先修正再新建月份。\n${formatIssues(loaded.issues)}`);
  }
  const { site, lists } = loaded.content;
  const earlier = lists.filter((l) => l.list.month < month);
  if (earlier.length < lists.length) {
    throw new OfficeError(`已有 ${lists.at(-1)!.list.month} 的清单，不能在其之前新建 ${month}。`);
  }
  const previous = earlier.at(-1);
  const list = scaffoldHazardList(
    month,
    previous ? { month: previous.list.month, text: readContentFile(previous.file).text } : undefined,
  );
  contentFile(files.list).write(list.listText);
  contentFile(files.table).write(scaffoldProgressTable(month, site));
  const { log } = printer(io);

  log(`✓ 已新建 ${shown(io, files.list)}`);
  if (previous) {
    log(`  从 ${previous.list.month} 接续 ${list.carried.length} 项未销号隐患：${list.carried.join('、') || '无'}`);
    if (list.dropped.length) log(`  已销号、本月不再列出：${list.dropped.join('、')}`);
  } else log('  这是第一期清单，隐患清单为空。');
  log(`✓ 已新建 ${shown(io, files.table)}（${site.villages.length} 个村，数字均为 0）`);
  log('');
  log('接下来：');
  log(`  1. 在 ${shown(io, files.list)} 中更新各项状态、填写本月推进情况和本月概述（标有【待填写】处）`);
  log(`  2. 逐村导入调度表：npm run office -- table import 文件.xlsx --month ${month} --village 村代码`);
  log(`  3. 检查：npm run office -- month check ${month}`);
  return 0;
}

/** Raw YAML of every hazard-list and table file, for the checks the schemas cannot make. */
function officeIssues(dir: string): ContentIssue[] {
  const paths = contentPaths(dir);
  const issues: ContentIssue[] = [];
  for (const { path, text } of readMonthFolder(paths.hazardLists).files) {
    const raw: unknown = parseDocument(text).toJS();
    issues.push(...placeholderIssues(path, raw), ...emptyProgressWarnings(path, raw));
  }
  for (const { path, text } of readMonthFolder(paths.progressTables).files) {
    const raw: unknown = parseDocument(text).toJS();
    issues.push(...placeholderIssues(path, raw), ...notImportedWarnings(path, raw));
  }
  return issues;
}

/** `month check [YYYY-MM]`: the build's validation, plus placeholders and reminders. Exit 1 on errors. */
export function monthCheck(args: string[], io: OfficeIo): number {
  const dir = contentDirOf(io);
  const { log, warn } = printer(io);
  const { positionals } = parse(args, {});
  if (positionals.length > 1) throw new UsageError('month check 只接受一个月份');
  const month = positionals[0] === undefined ? undefined : monthArg(positionals[0]);
  const loaded = loadContent(dir);
  const base = [...(loaded.ok ? loaded.content.warnings : loaded.issues), ...receiptHistoryIssues(dir)];
  const all = combineIssues(base, officeIssues(dir));

  let shownIssues = all;
  if (month) {
    const files = monthFiles(month, dir);
    if (!existsSync(files.list) && !existsSync(files.table)) {
      throw new OfficeError(`没有 ${month} 的内容文件。新建请运行：npm run office -- month new ${month}`);
    }
    const split = splitByMonth(all, month);
    shownIssues = split.month;
    const otherErrors = split.other.filter((i) => i.severity === 'error').length;
    if (otherErrors)
      warn(`注意：其他文件还有 ${otherErrors} 处错误，网站无法发布。运行 npm run office -- month check 查看全部。`);
  }
  if (shownIssues.length) log(formatIssues(shownIssues));
  if (hasErrors(all)) {
    warn(`✗ 校验未通过${month ? `（${month}）` : ''}：请按上面的提示修改，然后再次运行本命令。`);
    return 1;
  }
  if (loaded.ok) {
    const { content } = loaded;
    log(
      `✓ 内容校验通过：${content.lists.length} 期隐患清单，${content.ledger.ids().length} 项隐患，${content.tables.length} 期调度表。`,
    );
  }
  return 0;
}
