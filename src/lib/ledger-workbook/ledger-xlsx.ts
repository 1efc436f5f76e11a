import ExcelJS from 'exceljs';
import type { IsoDate } from '../../schemas/common';
import type { HazardList } from '../../schemas/hazard-list';
import { formatDate, formatMonth } from '../format/date';
import {
  GUIDE_SHEET,
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  MONTH_LABEL,
  columnLetter,
  columnText,
  type ChoiceContext,
  type LedgerColumn,
} from './ledger-columns';
import { parseSheetDate } from '../village-tables/table-import';

/**
 * The ledger workbook on disk (.xlsx, through exceljs): written with real date cells, drop-down
 * lists, a frozen header and a 填报说明 sheet; read back cell by cell, with every cell that cannot
 * be read reported by its address, as the clerk sees it in Excel or WPS.
 */

const LISTS_SHEET = '下拉选项';
/** Rows below the hazards that still get the drop-down lists, for rows the clerk adds. */
const SPARE_ROWS = 200;
const DATE_FORMAT = 'yyyy-mm-dd';

const excelDate = (date: IsoDate) => new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));

/** The validator's rules, in the clerk's words, for the 填报说明 sheet. */
const RULES = [
  '每行一项隐患；第一行是表头，不要修改表头文字（列的先后可以调整，不用的列可以隐藏，但不要删除）。',
  '已有隐患按编号更新：只改动有变化的单元格，其余内容保持不变；本表中没有的隐患不会被删除。',
  '新增隐患：在表格末尾新起一行，编号留空，导入时自动按顺序编号。',
  '日期请用日期格式填写，或写成 2024-01-15、2024/1/15、2024年1月15日。',
  '限期整改必须填写五落实：责任人、整改措施、整改资金、整改期限、应急预案。',
  '状态只能向前：整改中 → 已整改 → 已销号；确需退回的，须在清单文件的修订记录中写明原因。',
  '发现日期、整改完成日期、销号日期不能晚于截至日期；整改完成日期不能早于发现日期，销号日期不能早于整改完成日期。',
  '整改中的限期整改隐患，交办满一周后每周四都应有一条书面反馈（写在“本月推进情况”中）。',
  '合并单元格只能上下合并同一列（如几项隐患同属一个村）；公式须有计算结果。',
  '导入时按与网站发布前相同的规则校验；有任何错误时不写入，并按“工作表 · 单元格 · 列名”列出全部错误。',
];

/** The month's hazard list as a workbook (the bytes of an .xlsx file). */
export async function writeLedgerWorkbook(list: HazardList, context: ChoiceContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    style:
      column.kind === 'date'
        ? { numFmt: DATE_FORMAT, alignment: { vertical: 'top' } }
        : { alignment: { vertical: 'top', wrapText: column.width >= 24 } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

  for (const hazard of list.hazards) {
    sheet.addRow(
      LEDGER_COLUMNS.map((column) => {
        const text = columnText(hazard, column);
        if (text === '') return null;
        if (column.kind === 'date') return excelDate(text);
        return column.kind === 'coordinate' ? Number(text) : text;
      }),
    );
  }

  // Drop-down lists refer to a hidden sheet: an inline list is limited to 255 characters.
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  let listColumn = 0;
  const lastRow = list.hazards.length + 1 + SPARE_ROWS;
  LEDGER_COLUMNS.forEach((column, index) => {
    if (!column.choices) return;
    const choices = column.choices(context);
    const letter = columnLetter(listColumn++);
    lists.getCell(`${letter}1`).value = column.header;
    choices.forEach((choice, i) => (lists.getCell(`${letter}${i + 2}`).value = choice));
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${choices.length + 1}`],
      showErrorMessage: column.strict === true,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: `请从下拉列表中选择${column.header}`,
    };
    const target = columnLetter(index);
    // exceljs squeezes these per-cell rules into one range when it writes the file.
    const rules = (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    for (let row = 2; row <= lastRow; row++) rules.add(`${target}${row}`, validation);
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 16 }, { width: 90 }];
  guide.addRow([`${formatMonth(list.month)}重大事故隐患台账 · 填报说明`]).font = { bold: true, size: 14 };
  guide.addRow([MONTH_LABEL, list.month]);
  guide.addRow(['截至日期', formatDate(list.cutoff)]);
  guide.addRow([]);
  guide.addRow(['填报规则']).font = { bold: true };
  RULES.forEach((rule, i) => guide.addRow([String(i + 1), rule]));
  guide.addRow([]);
  guide.addRow(['各列说明']).font = { bold: true };
  for (const column of LEDGER_COLUMNS) guide.addRow([column.header, column.meaning]);
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A problem with one cell (or the sheet), addressed as Excel shows it. */
export interface CellError {
  sheet: string;
  cell?: string;
  column?: string;
  message: string;
}

/** `台账 · F12 · 整改期限: …` */
export const formatCellError = (error: CellError): string =>
  [error.sheet, error.cell, error.column ? `${error.column}: ${error.message}` : error.message]
    .filter(Boolean)
    .join(' · ');

/** One row of the 台账 sheet: its number and the text of each column (dates as YYYY-MM-DD). */
export interface SheetRow {
  row: number;
  values: Map<LedgerColumn, string>;
}

export interface LedgerSheet {
  /** The month the workbook was exported from, when its 填报说明 says so. */
  month?: string;
  rows: SheetRow[];
  /** Where each column is (`F`), for messages. */
  letters: Map<LedgerColumn, string>;
  errors: CellError[];
}

const isoOf = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** An Excel serial day number (1 = 1900-01-01, with Excel's 1900 leap-year bug) as a date. */
const serialDate = (serial: number): IsoDate | undefined =>
  Number.isInteger(serial) && serial > 0 && serial < 2958466
    ? isoOf(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000))
    : undefined;

type Read = { ok: true; value: string } | { ok: false; message: string };

/** A cell's value as text, following formulas to their results and rich text to its characters. */
function cellText(value: ExcelJS.CellValue, column: LedgerColumn): Read {
  if (value === null || value === undefined) return { ok: true, value: '' };
  if (value instanceof Date) return { ok: true, value: isoOf(value) };
  if (typeof value === 'number') {
    if (column.kind === 'date') {
      const date = serialDate(value);
      return date ? { ok: true, value: date } : { ok: false, message: '应为日期，格式 YYYY-MM-DD（如 2024-01-15）' };
    }
    return { ok: true, value: String(value) };
  }
  if (typeof value === 'string') return { ok: true, value: value.replace(/\r\n?/g, '\n').trim() };
  if (typeof value === 'boolean') return { ok: false, message: '应为文字，不能是 TRUE/FALSE' };
  if ('error' in value) return { ok: false, message: `单元格显示错误值 ${value.error}，请改为直接填写` };
  if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''), column);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
      return {
        ok: false,
        message: '公式没有计算结果：请在 Excel 或 WPS 中打开后保存一次，或直接填写内容',
      };
    }
    return cellText(result, column);
  }
  if ('text' in value) return cellText(value.text, column);
  return { ok: false, message: '无法读取该单元格，请直接填写文字' };
}

/** A date column's text (typed dates such as 2024/1/15 included) as YYYY-MM-DD. */
function dateText(text: string): Read {
  if (text === '') return { ok: true, value: '' };
  const date = parseSheetDate(text);
  return date ? { ok: true, value: date } : { ok: false, message: '应为日期，格式 YYYY-MM-DD（如 2024-01-15）' };
}

/** Reads the 台账 sheet (and the month from 填报说明) of a workbook. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<LedgerSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(LEDGER_SHEET) ?? workbook.worksheets[0];
  const errors: CellError[] = [];
  const letters = new Map<LedgerColumn, string>();
  if (!sheet) return { rows: [], letters, errors: [{ sheet: LEDGER_SHEET, message: '工作簿中没有工作表' }] };
  const name = sheet.name;

  const byHeader = new Map(LEDGER_COLUMNS.map((c) => [c.header, c]));
  const positions = new Map<LedgerColumn, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = byHeader.get(cell.text.trim());
    if (!column) return;
    if (positions.has(column)) {
      errors.push({ sheet: name, cell: cell.address, message: `表头「${column.header}」重复` });
      return;
    }
    positions.set(column, col);
    letters.set(column, columnLetter(col - 1));
  });
  for (const column of LEDGER_COLUMNS) {
    if (!positions.has(column) && !column.optional) {
      errors.push({
        sheet: name,
        message: `缺少「${column.header}」列：请使用 ledger export 导出的台账，不要删除或改写表头`,
      });
    }
  }

  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values = new Map<LedgerColumn, string>();
    for (const [column, col] of positions) {
      const cell = row.getCell(col);
      // A cell merged down a column (one village for several rows) reads as its top cell; merged across
      // columns it would put one value into two fields.
      if (cell.isMerged && cell.master.address !== cell.address && cell.master.col !== cell.col) {
        errors.push({
          sheet: name,
          cell: cell.address,
          column: column.header,
          message: `与 ${cell.master.address} 左右合并，请取消合并并分别填写`,
        });
        continue;
      }
      const source = cell.isMerged ? cell.master : cell;
      let read = cellText(source.value, column);
      if (read.ok && column.kind === 'date') read = dateText(read.value);
      if (!read.ok) errors.push({ sheet: name, cell: cell.address, column: column.header, message: read.message });
      else if (read.value !== '') values.set(column, read.value);
    }
    if (values.size > 0) rows.push({ row: r, values });
  }

  const guide = workbook.getWorksheet(GUIDE_SHEET);
  let month: string | undefined;
  guide?.eachRow((row) => {
    if (row.getCell(1).text.trim() === MONTH_LABEL) month = row.getCell(2).text.trim();
  });
  return { ...(month ? { month } : {}), rows, letters, errors };
}
