import { ProgressRow } from '../../schemas/progress-table';
import { DATE_LABEL, TEMPLATE_FIGURES, VILLAGE_LABEL, templateLines, type TemplateFigure } from './table-template';

/** A value read from a spreadsheet cell (.xlsx gives numbers and dates, .csv only text). */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** A problem with the sheet, addressed the way the clerk finds it in Excel: `C7`. */
export interface SheetError {
  cell?: string;
  message: string;
}

export type SheetResult = { ok: true; row: ProgressRow; asOf?: string } | { ok: false; errors: SheetError[] };

export const cellName = (row: number, column: number): string => `${String.fromCharCode(65 + column)}${row + 1}`;

export const formatSheetError = (error: SheetError): string =>
  error.cell ? `${error.cell}: ${error.message}` : error.message;

/** Full-width digits, points and brackets typed with a Chinese input method read like ASCII ones. */
function normalize(text: string): string {
  return text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\s+/g, '');
}

const textOf = (cell: SheetCell): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return normalize(String(cell));
};

const byLabel = new Map(TEMPLATE_FIGURES.map((f) => [normalize(f.label), f]));
const templateRow = new Map(
  templateLines().flatMap((line, index) => (line.kind === 'figure' ? [[line.figure.key, index + 1]] : [])),
);

function parseFigure(cell: SheetCell, figure: TemplateFigure): number | string {
  const wanted = figure.decimal ? '应为非负数（万元，最多保留四位小数）' : '应为非负整数';
  if (cell === null || cell === undefined || textOf(cell) === '') return '未填写（没有请填 0）';
  let value: number;
  if (typeof cell === 'number') value = cell;
  else {
    const text = textOf(cell);
    if (!/^\d+(\.\d+)?$/.test(text)) return wanted;
    value = Number(text);
  }
  if (!Number.isFinite(value) || value < 0) return wanted;
  // Excel may store 1.2 as 1.2000000000000002 after arithmetic; anything closer than this is that noise.
  const rounded = Math.round(value * 10000) / 10000;
  if (Math.abs(rounded - value) > 1e-9) return wanted;
  if (!figure.decimal && !Number.isInteger(rounded)) return wanted;
  return rounded;
}

/** `2023-07-25`, `2023/7/25`, `2023年7月25日` or an Excel date → `2023-07-25`. */
export function parseSheetDate(cell: SheetCell): string | undefined {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const match = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(textOf(cell));
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export interface SheetExpectation {
  /** The village the clerk named on the command line (its Chinese name). */
  village: string;
  /** Other names the sheet may use for it (e.g. its slug). */
  aliases?: readonly string[];
  month: string;
}

/**
 * Reads a village's filled 调度表 (the template from /data/) into a progress-table row.
 * All problems are collected, each with its cell; nothing is returned unless the whole
 * sheet is valid.
 */
export function readProgressSheet(grid: readonly (readonly SheetCell[])[], expect: SheetExpectation): SheetResult {
  const errors: SheetError[] = [];
  const values = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let asOf: string | undefined;

  grid.forEach((row, r) => {
    const [a, b, c] = [row[0], row[1], row[2]];
    const label = textOf(a);
    if (label === normalize(VILLAGE_LABEL)) {
      const name = textOf(b);
      if (name && name !== expect.village && !expect.aliases?.includes(name)) {
        errors.push({
          cell: cellName(r, 1),
          message: `表中村名为「${name}」，与 --village 指定的「${expect.village}」不一致`,
        });
      }
      return;
    }
    if (label === normalize(DATE_LABEL)) {
      if (textOf(b) === '') return;
      asOf = parseSheetDate(b);
      if (!asOf) errors.push({ cell: cellName(r, 1), message: '应为日期，格式 YYYY-MM-DD（如 2023-06-25）' });
      else if (!asOf.startsWith(expect.month)) {
        errors.push({ cell: cellName(r, 1), message: `截至日期 ${asOf} 不在 ${expect.month} 月内` });
      }
      return;
    }
    const figure = byLabel.get(textOf(b));
    if (!figure) {
      if (textOf(c) !== '' && textOf(c) !== '数值') {
        errors.push({
          cell: cellName(r, 1),
          message: `「${String(b ?? '').trim() || '（空）'}」不是调度表中的项目，请使用从网站 /data/ 下载的模板`,
        });
      }
      return;
    }
    const earlier = seenAt.get(figure.key);
    if (earlier !== undefined) {
      errors.push({ cell: cellName(r, 1), message: `项目重复（第 ${earlier + 1} 行已有）` });
      return;
    }
    seenAt.set(figure.key, r);
    const value = parseFigure(c, figure);
    if (typeof value === 'string') errors.push({ cell: cellName(r, 2), message: value });
    else values.set(figure.key, value);
  });

  for (const figure of TEMPLATE_FIGURES) {
    if (!seenAt.has(figure.key)) {
      errors.push({
        message: `缺少项目「${figure.label}」（模板第 ${templateRow.get(figure.key)} 行），请使用从网站 /data/ 下载的模板`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };

  const section = (key: TemplateFigure['section']) =>
    Object.fromEntries(TEMPLATE_FIGURES.filter((f) => f.section === key).map((f) => [f.key, values.get(f.key)]));
  const parsed = ProgressRow.safeParse({
    village: expect.village,
    overall: section('overall'),
    spotCheck: section('spotCheck'),
    enforcement: section('enforcement'),
  });
  // The checks above are stricter than the schema; this guards against the two drifting apart.
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ message: i.message })) };
  return { ok: true, row: parsed.data, ...(asOf ? { asOf } : {}) };
}
