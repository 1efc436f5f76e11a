import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  contentFile,
  monthFiles,
  readContentFolder,
  readContentFile,
  type ContentSources,
} from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import { readContentSet } from '../../lib/content-set/content-set';
import { loadContent } from '../../lib/content-set/load';
import { parseContent } from '../../lib/content/parse';
import { importLedger } from '../../lib/ledger-workbook/ledger-import';
import { readLedgerWorkbook, writeLedgerWorkbook } from '../../lib/ledger-workbook/ledger-xlsx';
import { HazardList } from '../../schemas/hazard-list';
import { OfficeError, UsageError, monthArg, parse, required } from './args';
import { existsSync, loadSite, writeBytes } from './files';
import { contentDirOf, pathArg, printer, shown, type OfficeIo } from './io';

/** Every issue the build would find in a content folder. */
const contentIssues = (sources: ContentSources) => {
  const result = readContentSet(sources);
  return result.ok ? result.content.warnings : result.issues;
};

/** `ledger export YYYY-MM --out FILE.xlsx` */
export async function ledgerExport(args: string[], io: OfficeIo): Promise<number> {
  const dir = contentDirOf(io);
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  const month = monthArg(positionals[0]);
  const out = pathArg(io, required(values.out, '--out', '台账.xlsx'));
  if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError('--out 应为 .xlsx 文件');
  const path = monthFiles(month, dir).list;
  if (!existsSync(path)) throw new OfficeError(`没有 ${month} 的隐患清单 ${shown(io, path)}。`);
  const file = readContentFile(path);
  const parsed = parseContent(file.path, file.text, HazardList);
  if (!parsed.ok) throw new OfficeError(`隐患清单有错误，请先修正：\n${formatIssues(parsed.issues)}`);
  // Everyone hazards have been handed to in any month, for the 交办对象 drop-down.
  const loaded = loadContent(dir);
  const assignees = loaded.ok
    ? loaded.content.lists.flatMap((l) => l.list.hazards.map((h) => h.assignedTo.name))
    : parsed.value.hazards.map((h) => h.assignedTo.name);
  const bytes = await writeLedgerWorkbook(parsed.value, { site: loadSite(dir), assignees: [...new Set(assignees)] });
  writeBytes(out, bytes);
  const { log } = printer(io);
  log(`✓ 已导出 ${month} 隐患台账（${parsed.value.hazards.length} 项）到 ${shown(io, out)}`);
  log(`  填好后导入：npm run office -- ledger import ${shown(io, out)} --month ${month}`);
  return 0;
}

/** `ledger import FILE.xlsx --month YYYY-MM` */
export async function ledgerImport(args: string[], io: OfficeIo): Promise<number> {
  const dir = contentDirOf(io);
  const { log, warn } = printer(io);
  const { values, positionals } = parse(args, { month: { type: 'string' } });
  const input = pathArg(io, required(positionals[0], '文件', '台账.xlsx'));
  const month = monthArg(required(values.month, '--month', '2024-01'));
  if (!existsSync(input)) throw new OfficeError(`找不到文件 ${input}`);
  if (extname(input).toLowerCase() === '.xls') {
    throw new OfficeError('不支持旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。');
  }
  const path = monthFiles(month, dir).list;
  if (!existsSync(path)) {
    throw new OfficeError(
      `还没有 ${month} 的隐患清单 ${shown(io, path)}。请先运行：npm run office -- month new ${month}`,
    );
  }
  let sheet;
  try {
    sheet = await readLedgerWorkbook(readFileSync(input));
  } catch {
    throw new OfficeError(
      `无法读取 ${shown(io, input)}：不是有效的 .xlsx 文件。请用 Excel 或 WPS 另存为 .xlsx 后再试。`,
    );
  }
  const folder = readContentFolder(dir);
  if (!folder.ok) throw new OfficeError(formatIssues(folder.issues));
  const target = contentFile(path);
  const file = readContentFile(path);
  const result = importLedger({ sheet, month, file, sources: folder.sources, check: contentIssues });
  if (!result.ok) {
    warn(`✗ ${shown(io, input)} 有 ${result.errors.length} 处错误，未写入任何内容：`);
    for (const line of result.errors) warn(`  ${line}`);
    return 1;
  }
  if (result.text !== file.text) target.write(result.text);
  const parts = [
    `更新 ${result.updated.length} 项${result.updated.length ? `（${result.updated.join('、')}）` : ''}`,
    `新增 ${result.added.length} 项${result.added.length ? `（${result.added.join('、')}）` : ''}`,
  ];
  log(`✓ 已导入 ${shown(io, target.name)}：${parts.join('，')}`);
  if (result.skipped.length) log(`  已销号、本月不再列出：${result.skipped.join('、')}`);
  if (result.text === file.text) log('  表中内容与清单一致，文件未改动。');
  return 0;
}
