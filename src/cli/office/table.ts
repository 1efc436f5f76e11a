import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { contentFile, monthFiles } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import { loadContent } from '../../lib/content-set/load';
import { decodeText, formatCsv, parseCsv } from '../../lib/village-tables/csv';
import { cutoffOf } from '../../lib/month-scaffold/months';
import { readFirstSheet, writeSheet, type StyledRow } from '../../lib/village-tables/sheet-xlsx';
import { upsertProgressRow } from '../../lib/village-tables/table-file';
import { formatSheetError, readProgressSheet, type SheetCell } from '../../lib/village-tables/table-import';
import { TEMPLATE_TITLE, templateGrid, templateLines, type GridCell } from '../../lib/village-tables/table-template';
import type { Village } from '../../schemas/site';
import { OfficeError, UsageError, monthArg, parse, required } from './args';
import { existsSync, loadSite, writeBytes } from './files';
import { contentDirOf, pathArg, printer, shown, type OfficeIo } from './io';

function findVillage(villages: readonly Village[], slug: string): Village {
  const village = villages.find((v) => v.slug === slug || v.name === slug);
  if (!village) {
    throw new UsageError(
      `没有代码为「${slug}」的村。可用的村代码：${villages.map((v) => `${v.slug}（${v.name}）`).join('、')}`,
    );
  }
  return village;
}

/** The first sheet of an .xlsx, or a .csv, as rows of cells. */
async function readGrid(file: string): Promise<SheetCell[][]> {
  if (!existsSync(file)) throw new OfficeError(`找不到文件 ${file}`);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return parseCsv(decodeText(readFileSync(file)));
  if (ext === '.xlsx') {
    try {
      return await readFirstSheet(readFileSync(file));
    } catch {
      throw new OfficeError(`无法读取 ${file}：不是有效的 .xlsx 文件。请用 Excel 或 WPS 另存为 .xlsx 后再试。`);
    }
  }
  if (ext === '.xls') throw new OfficeError('不支持旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。');
  throw new UsageError('只能导入 .xlsx 或 .csv 文件');
}

/** `table import FILE --month YYYY-MM --village SLUG` */
export async function tableImport(args: string[], io: OfficeIo): Promise<number> {
  const dir = contentDirOf(io);
  const { log, warn } = printer(io);
  const { values, positionals } = parse(args, { month: { type: 'string' }, village: { type: 'string' } });
  const file = pathArg(io, required(positionals[0], '文件', '南庄村-2023-08.xlsx'));
  const month = monthArg(required(values.month, '--month', '2023-08'));
  const { villages } = loadSite(dir);
  const village = findVillage(villages, required(values.village, '--village', villages[0]!.slug));
  const target = monthFiles(month, dir).table;
  if (!existsSync(target)) {
    throw new OfficeError(
      `还没有 ${month} 的调度表文件 ${shown(io, target)}。请先运行：npm run office -- month new ${month}`,
    );
  }

  const sheet = readProgressSheet(await readGrid(file), { village: village.name, aliases: [village.slug], month });
  if (!sheet.ok) {
    warn(`✗ ${shown(io, file)} 有 ${sheet.errors.length} 处错误，未写入任何内容：`);
    for (const error of sheet.errors) warn(`  ${formatSheetError(error)}`);
    return 1;
  }
  const table = contentFile(target);
  const edit = upsertProgressRow(table.name, table.read() ?? '', month, sheet.row);
  if (!edit.ok) {
    warn(`✗ 未写入任何内容：\n${formatIssues(edit.issues)}`);
    return 1;
  }
  table.write(edit.text);
  log(
    `✓ 已把 ${village.name} 的调度表写入 ${shown(io, target)}${edit.replaced ? '（替换了原有数字）' : '（新增一行）'}`,
  );
  if (sheet.asOf && sheet.asOf !== cutoffOf(month))
    warn(`  ! 表中截至日期为 ${sheet.asOf}，调度表截至日期为 ${cutoffOf(month)}，请核实。`);

  // Section 1 should agree with the ledger: say so now rather than at publication.
  const loaded = loadContent(dir);
  const notes = (loaded.ok ? loaded.content.warnings : loaded.issues).filter(
    (i) => i.file === table.name && i.ref === village.name,
  );
  if (notes.length) warn(formatIssues(notes));
  return 0;
}

const BOLD = { fontWeight: 'bold' } as const;

/** The template grid with the cell styles of a printed form. */
function styledSheet(grid: GridCell[][]): StyledRow[] {
  const lines = templateLines();
  return grid.map((row, r) => {
    const kind = lines[r]!.kind;
    if (kind === 'title') return [{ value: TEMPLATE_TITLE, ...BOLD, fontSize: 14, columnSpan: 3 }, null, null];
    if (kind === 'section')
      return [{ value: String(row[0]), ...BOLD, backgroundColor: '#eeeeee', columnSpan: 3 }, null, null];
    if (kind === 'header') return row.map((value) => ({ value: String(value), ...BOLD, align: 'center' as const }));
    if (kind === 'note') {
      const text = String(row[0]);
      return [
        { value: text, columnSpan: 3, wrap: true, alignVertical: 'top' as const, height: text.length > 80 ? 96 : 18 },
        null,
        null,
      ];
    }
    return row.map((value, c) =>
      value === null
        ? c === 2
          ? { type: Number, borderStyle: 'thin' as const }
          : null
        : c === 2
          ? { value: Number(value), type: Number }
          : { value: typeof value === 'number' ? value : String(value) },
    );
  });
}

/** `table template --out DIR [--month YYYY-MM --village SLUG]` */
export async function tableTemplate(args: string[], io: OfficeIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, month: { type: 'string' }, village: { type: 'string' } });
  const dir = pathArg(io, required(values.out, '--out', 'public/data/templates'));
  const month = values.month === undefined ? undefined : monthArg(values.month);
  const village =
    values.village === undefined ? undefined : findVillage(loadSite(contentDirOf(io)).villages, values.village);
  const grid = templateGrid({
    ...(village ? { village: village.name } : {}),
    ...(month ? { asOf: cutoffOf(month) } : {}),
  });
  const base =
    month || village ? ['progress-table', month, village?.slug].filter(Boolean).join('-') : 'progress-table-template';
  const xlsx = await writeSheet(styledSheet(grid), {
    sheet: '调度表',
    columns: [{ width: 10 }, { width: 56 }, { width: 12 }],
    print: { orientation: 'portrait', pagesWide: 1, pagesTall: 0 },
  });
  writeBytes(join(dir, `${base}.csv`), formatCsv(grid));
  writeBytes(join(dir, `${base}.xlsx`), xlsx);
  printer(io).log(`✓ 已生成 ${shown(io, join(dir, `${base}.xlsx`))} 和 ${shown(io, join(dir, `${base}.csv`))}`);
  return 0;
}
