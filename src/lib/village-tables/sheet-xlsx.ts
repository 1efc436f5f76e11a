import ExcelJS from 'exceljs';
import type { SheetCell } from './table-import';

/**
 * Plain sheets as .xlsx files, through exceljs (the one spreadsheet library of the office, as for the
 * ledger workbook): a grid of styled cells written as one sheet with its print setup, and the first
 * sheet of a workbook read back as rows of values.
 */

/** One cell as the sheet shows it; `null` in a row is an empty cell (or one covered by a merge). */
export interface StyledCell {
  value?: string | number;
  /** A cell without a value that should still be there (with its border): `String` or `Number`. */
  type?: typeof String | typeof Number;
  fontWeight?: 'bold';
  fontSize?: number;
  align?: 'left' | 'center' | 'right';
  alignVertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Merged with the cells to its right / below. */
  columnSpan?: number;
  rowSpan?: number;
  borderStyle?: 'thin';
  /** Number format, as Excel writes it (`0.0###`). */
  format?: string;
  /** `#eeeeee` */
  backgroundColor?: string;
  /** The row's height in points. */
  height?: number;
}

export type StyledRow = (StyledCell | null)[];

/** How the sheet prints: A4, landscape or portrait, fitted to pages, with rows and columns repeated on each page. */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Pages across (fitToWidth); 0 is as many as it takes. */
  pagesWide?: number;
  /** Pages down (fitToHeight); 0 is as many as it takes. */
  pagesTall?: number;
  /** Rows printed at the top of every page (`1:4`). */
  titleRows?: string;
  /** Columns printed at the left of every page (`A:C`). */
  titleColumns?: string;
}

export interface SheetOptions {
  sheet: string;
  /** Column widths in characters. */
  columns: readonly { width: number }[];
  print?: PrintSetup;
}

/** Excel's A4 paper size. */
const A4 = 9;

const thin = { style: 'thin' } as const;

function cellStyle(target: ExcelJS.Cell, cell: StyledCell): void {
  if (cell.value !== undefined) target.value = cell.value;
  else if (cell.type === String) target.value = '';
  if (cell.fontWeight || cell.fontSize) {
    target.font = {
      ...(cell.fontWeight === 'bold' ? { bold: true } : {}),
      ...(cell.fontSize ? { size: cell.fontSize } : {}),
    };
  }
  if (cell.align || cell.alignVertical || cell.wrap) {
    target.alignment = {
      ...(cell.align ? { horizontal: cell.align } : {}),
      ...(cell.alignVertical ? { vertical: cell.alignVertical === 'center' ? 'middle' : cell.alignVertical } : {}),
      ...(cell.wrap ? { wrapText: true } : {}),
    };
  }
  if (cell.borderStyle) target.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (cell.format) target.numFmt = cell.format;
  if (cell.backgroundColor) {
    const argb = `FF${cell.backgroundColor.replace('#', '').toUpperCase()}`;
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
}

/** A one-sheet workbook (the bytes of an .xlsx file) from styled rows. */
export async function writeSheet(rows: readonly StyledRow[], options: SheetOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const { print } = options;
  const sheet = workbook.addWorksheet(options.sheet, {
    ...(print
      ? {
          pageSetup: {
            paperSize: A4,
            orientation: print.orientation,
            ...(print.pagesWide !== undefined || print.pagesTall !== undefined
              ? { fitToPage: true, fitToWidth: print.pagesWide ?? 0, fitToHeight: print.pagesTall ?? 0 }
              : {}),
            horizontalCentered: true,
            margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
          },
        }
      : {}),
  });
  sheet.columns = options.columns.map(({ width }) => ({ width }));
  if (print?.titleRows) sheet.pageSetup.printTitlesRow = print.titleRows;
  if (print?.titleColumns) sheet.pageSetup.printTitlesColumn = print.titleColumns;

  const merges: [number, number, number, number][] = [];
  rows.forEach((row, r) => {
    const line = sheet.getRow(r + 1);
    row.forEach((cell, c) => {
      if (!cell) return;
      cellStyle(line.getCell(c + 1), cell);
      if (cell.height) line.height = cell.height;
      const across = cell.columnSpan ?? 1;
      const down = cell.rowSpan ?? 1;
      if (across > 1 || down > 1) merges.push([r + 1, c + 1, r + down, c + across]);
    });
  });
  for (const [top, left, bottom, right] of merges) sheet.mergeCells(top, left, bottom, right);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell's value as a grid value: formulas by their result, rich text and links by their text. */
function gridValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : gridValue(result);
  }
  if ('text' in value) return gridValue(value.text);
  return null;
}

/**
 * The first sheet of a workbook as a rectangular grid of values, from row 1 to the last row with a
 * value; a merged range gives its value in its top-left cell only. Throws when the bytes are not an .xlsx.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<SheetCell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetCell[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const values: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.isMerged && cell.master.address !== cell.address ? null : gridValue(cell.value);
      if (value === null || value === '') return;
      values[c - 1] = value;
    });
    if (values.length === 0) return;
    rows[r - 1] = values;
    width = Math.max(width, values.length);
  });
  return Array.from(rows, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
}
