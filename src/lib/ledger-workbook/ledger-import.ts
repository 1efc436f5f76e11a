import { Document, Pair, Scalar, YAMLSeq, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Hazard } from '../../schemas/hazard';
import { LngLat } from '../../schemas/village-map';
import { HazardList } from '../../schemas/hazard-list';
import type { ContentSources, SourceFile } from '../content/folder';
import { formatIssue, type ContentIssue } from '../content/issues';
import { parseContent } from '../content/parse';
import {
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  columnForLabel,
  columnText,
  progressLine,
  type LedgerColumn,
} from './ledger-columns';
import { formatCellError, type CellError, type LedgerSheet, type SheetRow } from './ledger-xlsx';
import { cutoffOf } from '../month-scaffold/months';
import { hazardIdsIn, nextHazardId } from '../month-scaffold/promote';

/**
 * Writes a ledger workbook (as read by readLedgerWorkbook) into a month's hazard-list file.
 *
 * Existing numbers are updated in place, and only the cells that differ from the file are
 * written: a hazard whose row is unchanged keeps its text byte for byte, comments included,
 * and a changed hazard is rewritten on its own lines only. Rows without a number are new
 * hazards and get the next free numbers. The result is validated with the build's own rules
 * (schemas, the rules across months, placeholders) before anything is returned, and every
 * problem is addressed by sheet and cell.
 *
 * A workbook exported from an earlier month (last month's ledger brought up to date) may be
 * imported into this month: hazards it shows as 已销号 that this month no longer lists are
 * skipped, and last month's progress entries are not carried into this month's report.
 */

interface LedgerImportInput {
  sheet: LedgerSheet;
  month: string;
  /** The month's hazard-list file as it is now. */
  file: SourceFile;
  /** The whole content folder, for the rules across months. */
  sources: ContentSources;
  /**
   * The build's validation of a content folder (content-set's readContentSet, which sits above this
   * folder): every issue it finds.
   */
  check: (sources: ContentSources) => readonly ContentIssue[];
}

type LedgerImport =
  { ok: true; text: string; updated: string[]; added: string[]; skipped: string[] } | { ok: false; errors: string[] };

const ID = LEDGER_COLUMNS.find((c) => c.path[0] === 'id')!;
const STATUS = LEDGER_COLUMNS.find((c) => c.path[0] === 'status')!;
const [LONGITUDE, LATITUDE] = LEDGER_COLUMNS.filter((c) => c.kind === 'coordinate') as [LedgerColumn, LedgerColumn];
const PROGRESS_LINE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)[\s:：]*(.*)$/;

/** A progress cell's lines as entries: a line starting with a date starts an entry, others continue it. */
export function parseProgress(text: string): { entries: { date: string; text: string }[]; error?: string } {
  const entries: { date: string; text: string }[] = [];
  for (const line of text.split('\n')) {
    const match = PROGRESS_LINE.exec(line.trim());
    if (match) {
      const [y, m, d] = match[1]!.split(/[-/年月日]/).map(Number) as [number, number, number];
      const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      entries.push({ date, text: match[2]!.trim() });
    } else if (entries.length) entries.at(-1)!.text += `\n${line}`;
    else if (line.trim()) return { entries, error: '每条推进情况应以日期开头，如 2024-01-11 周报：……' };
  }
  return { entries: entries.map((e) => ({ ...e, text: e.text.trim() })) };
}

type Value = string | { date: string; text: string }[] | undefined;

/** What a row says a column holds, in the shape the content file keeps. */
function rowValue(row: SheetRow, column: LedgerColumn, dropBefore: string | undefined): Value | { error: string } {
  const text = row.values.get(column) ?? '';
  if (column.kind !== 'progress') return text === '' ? undefined : text;
  const parsed = parseProgress(text);
  if (parsed.error) return { error: parsed.error };
  return dropBefore ? parsed.entries.filter((e) => e.date > dropBefore) : parsed.entries;
}

const sameValue = (hazard: Hazard | undefined, column: LedgerColumn, value: Value): boolean => {
  const now = hazard ? columnText(hazard, column) : '';
  if (column.kind === 'progress')
    return now === (value as { date: string; text: string }[]).map(progressLine).join('\n');
  return now === (value ?? '');
};

/** A scalar for the file: multi-line text as a `|` block, as clerks write it. */
function scalar(value: string): Scalar {
  const node = new Scalar(value);
  if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function setField(doc: Document, item: YAMLMap, path: readonly string[], value: Value): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0 && path[0] !== 'progress')) {
    item.deleteIn(path);
    const parent = path.length > 1 ? item.get(path[0]!, true) : undefined;
    if (isMap(parent) && parent.items.length === 0) item.delete(path[0]!);
    return;
  }
  if (Array.isArray(value)) {
    const node = doc.createNode(value.map((e) => ({ date: e.date, text: scalar(e.text) })));
    if (value.length === 0) node.flow = true;
    item.setIn(path, node);
    return;
  }
  const existing: unknown = item.getIn(path, true);
  if (isScalar(existing)) {
    existing.value = value;
    if (value.includes('\n')) existing.type = Scalar.BLOCK_LITERAL;
    else if (existing.type === Scalar.BLOCK_LITERAL || existing.type === Scalar.BLOCK_FOLDED)
      existing.type = Scalar.PLAIN;
  } else if (path.length > 1 && !isMap(item.get(path[0]!, true))) {
    item.set(path[0]!, doc.createNode({ [path[1]!]: scalar(value) }));
  } else item.setIn(path, scalar(value));
}

type Location =
  { ok: true; value: LngLat | undefined } | { ok: false; errors: { column: LedgerColumn; message: string }[] };

const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

/**
 * A row's 经度 and 纬度 as a hazard's `location`, checked by the content schema's own LngLat (whether it
 * lies inside its village is the map rule's, applied with the build's checks).
 */
export function rowLocation(row: SheetRow): Location {
  const texts = [LONGITUDE, LATITUDE].map((column) =>
    (row.values.get(column) ?? '').replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  ) as [string, string];
  if (texts[0] === '' && texts[1] === '') return { ok: true, value: undefined };
  const errors: { column: LedgerColumn; message: string }[] = [];
  [LONGITUDE, LATITUDE].forEach((column, i) => {
    const text = texts[i]!;
    if (text === '') errors.push({ column, message: '经度和纬度应同时填写；不上地图的，两格都留空' });
    else if (!DECIMAL.test(text))
      errors.push({ column, message: `应为十进制度数，如 ${i === 0 ? '112.0578' : '37.4428'}（不要写度分秒或“°”）` });
  });
  if (errors.length) return { ok: false, errors };
  const parsed = LngLat.safeParse(texts.map(Number));
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        column: issue.path[0] === 1 ? LATITUDE : LONGITUDE,
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: parsed.data };
}

const sameLocation = (a: LngLat | undefined, b: LngLat | undefined) => a?.[0] === b?.[0] && a?.[1] === b?.[1];

/** Sets (or removes) `location`, in place when it is there (its comment stays), else after the village. */
function setLocation(doc: Document, item: YAMLMap, value: LngLat | undefined): void {
  if (value === undefined) {
    item.delete('location');
    return;
  }
  const existing: unknown = item.get('location', true);
  if (isSeq(existing) && existing.items.length === 2 && existing.items.every(isScalar)) {
    existing.items.forEach((node, i) => (node.value = value[i]));
    return;
  }
  const node = doc.createNode([...value]);
  node.flow = true;
  const after = item.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'village');
  if (existing !== undefined || after < 0) item.set('location', node);
  else item.items.splice(after + 1, 0, new Pair(new Scalar('location'), node));
}

/** One hazard item as block YAML at the list's indentation (`  - id: …`). */
function itemText(item: YAMLMap, indent: string): string {
  const { commentBefore, spaceBefore } = item;
  item.commentBefore = null;
  item.spaceBefore = false;
  const doc = new Document();
  doc.contents = new YAMLSeq();
  doc.contents.items.push(item);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  item.commentBefore = commentBefore ?? null;
  item.spaceBefore = spaceBefore ?? false;
  return text
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

export function importLedger({ sheet, month, file, sources, check }: LedgerImportInput): LedgerImport {
  const errors: CellError[] = [...sheet.errors];
  const unreadable = new Set(sheet.errors.map((e) => e.cell));
  const current = parseContent(file.path, file.text, HazardList);
  if (!current.ok) {
    return { ok: false, errors: [`${file.path} 本身有错误，请先修正：`, ...current.issues.map(formatIssue)] };
  }
  const list = current.value;
  const doc = parseDocument(file.text);
  const seq = doc.get('hazards', true);
  if (!isSeq(seq)) return { ok: false, errors: [`${file.path} 中没有隐患清单（hazards）`] };
  const items = seq.items as YAMLMap[];
  const index = new Map(list.hazards.map((h, i) => [h.id, i]));
  const fromOtherMonth = sheet.month !== undefined && sheet.month !== month;
  const dropBefore = fromOtherMonth && sheet.month! < month ? cutoffOf(sheet.month!) : undefined;

  const letter = (column: LedgerColumn) => sheet.letters.get(column) ?? '';
  const at = (row: SheetRow, column: LedgerColumn) => `${letter(column)}${row.row}`;
  // A workbook exported before the 经度/纬度 columns leaves locations as they are.
  const coordinates = [LONGITUDE, LATITUDE].filter((column) => sheet.letters.has(column));
  if (coordinates.length === 1) {
    const missing = coordinates[0] === LONGITUDE ? LATITUDE : LONGITUDE;
    errors.push({ sheet: LEDGER_SHEET, message: `缺少「${missing.header}」列：经度和纬度两列要一起保留` });
  }
  /** The row's location when the sheet has both columns and both cells read; errors go to the list. */
  const locationOf = (row: SheetRow): { value: LngLat | undefined } | undefined => {
    if (coordinates.length < 2 || coordinates.some((column) => unreadable.has(at(row, column)))) return undefined;
    const read = rowLocation(row);
    if (read.ok) return { value: read.value };
    for (const { column, message } of read.errors)
      errors.push({ sheet: LEDGER_SHEET, cell: at(row, column), column: column.header, message });
    return undefined;
  };
  const used = sources.hazardLists.flatMap((f) => hazardIdsIn(f.text));
  const rowOf = new Map<string, SheetRow>();
  const changed = new Set<number>();
  const added: YAMLMap[] = [];
  const addedIds: string[] = [];
  const skipped: string[] = [];

  for (const row of sheet.rows) {
    const id = row.values.get(ID);
    let hazard: Hazard | undefined;
    let item: YAMLMap;
    if (id !== undefined) {
      if (rowOf.has(id)) {
        errors.push({
          sheet: LEDGER_SHEET,
          cell: at(row, ID),
          column: ID.header,
          message: `编号 ${id} 重复（第 ${rowOf.get(id)!.row} 行已有）`,
        });
        continue;
      }
      const i = index.get(id);
      if (i === undefined) {
        if (fromOtherMonth && row.values.get(STATUS) === '已销号') skipped.push(id);
        else {
          errors.push({
            sheet: LEDGER_SHEET,
            cell: at(row, ID),
            column: ID.header,
            message: `编号 ${id} 不在 ${month} 清单中；新增隐患请把编号留空，导入时自动编号`,
          });
        }
        continue;
      }
      hazard = list.hazards[i];
      item = items[i]!;
      rowOf.set(id, row);
      const location = locationOf(row);
      if (location && !sameLocation(hazard!.location, location.value)) {
        setLocation(doc, item, location.value);
        changed.add(i);
      }
      for (const column of LEDGER_COLUMNS) {
        if (column === ID || column.kind === 'coordinate' || unreadable.has(at(row, column))) continue;
        const value = rowValue(row, column, dropBefore);
        if (value && !Array.isArray(value) && typeof value === 'object') {
          errors.push({ sheet: LEDGER_SHEET, cell: at(row, column), column: column.header, message: value.error });
          continue;
        }
        if (sameValue(hazard, column, value)) continue;
        setField(doc, item, column.path, value);
        changed.add(i);
      }
    } else {
      const newId = nextHazardId([...used, ...addedIds], month);
      addedIds.push(newId);
      rowOf.set(newId, row);
      item = doc.createNode({ id: newId });
      const location = locationOf(row);
      for (const column of LEDGER_COLUMNS) {
        if (column === ID || unreadable.has(at(row, column))) continue;
        if (column.kind === 'coordinate') {
          if (column === LONGITUDE && location?.value) setLocation(doc, item, location.value);
          continue;
        }
        const value = rowValue(row, column, undefined);
        if (value && !Array.isArray(value) && typeof value === 'object') {
          errors.push({ sheet: LEDGER_SHEET, cell: at(row, column), column: column.header, message: value.error });
        } else if (value !== undefined) setField(doc, item, column.path, value);
      }
      added.push(item);
    }
  }

  // Only the changed hazards are rewritten, each on its own lines; the rest of the file stays as it was.
  let text = file.text;
  const edits: { from: number; to: number; text: string }[] = [];
  const indentOf = (node: YAMLMap) => {
    const start = node.range![0];
    return ' '.repeat(Math.max(0, start - lineStart(file.text, start) - 2));
  };
  for (const i of changed) {
    const item = items[i]!;
    edits.push({
      from: lineStart(file.text, item.range![0]),
      to: item.range![2],
      text: itemText(item, indentOf(item)),
    });
  }
  if (added.length) {
    const last = items.at(-1);
    if (last?.range && !seq.flow) {
      const indent = indentOf(last);
      const gap = items.some((it) => it.spaceBefore) ? '\n' : '';
      const end = last.range[2];
      const lead = file.text.slice(0, end).endsWith('\n') ? '' : '\n';
      edits.push({ from: end, to: end, text: lead + added.map((it) => gap + itemText(it, indent)).join('') });
    } else {
      // An empty list (`hazards: []`): no lines to keep, so the file is written out whole.
      seq.flow = false;
      seq.items.push(...added);
      text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    }
  }
  if (text === file.text) {
    for (const edit of edits.sort((a, b) => b.from - a.from))
      text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  }

  // The build's own rules, on the folder as it would be.
  const after = {
    ...sources,
    hazardLists: sources.hazardLists.map((f) => (f.path === file.path ? { path: f.path, text } : f)),
  };
  const issues = check(after).filter((i) => i.severity === 'error');
  // A cell that could not be read is reported once, not again as the empty field it left.
  const located = issues.flatMap((issue) => {
    const where = locate(issue, file.path, rowOf, letter);
    return where.cell && unreadable.has(where.cell) ? [] : [where.line];
  });
  const lines = [...errors.map(formatCellError), ...located];
  if (lines.length) return { ok: false, errors: [...new Set(lines)] };
  return {
    ok: true,
    text,
    updated: [...changed].sort((a, b) => a - b).map((i) => list.hazards[i]!.id),
    added: addedIds,
    skipped,
  };
}

/** A content issue about the imported file, moved to the sheet cell it came from. */
function locate(
  issue: ContentIssue,
  file: string,
  rowOf: Map<string, SheetRow>,
  letter: (column: LedgerColumn) => string,
): { cell?: string; line: string } {
  const row = issue.file === file && issue.ref ? rowOf.get(issue.ref) : undefined;
  if (!row) return { line: formatIssue(issue) };
  const column = columnForLabel(issue.field);
  const cell = column ? `${letter(column)}${row.row}` : `第${row.row}行`;
  const label =
    column?.kind === 'coordinate' ? `${LONGITUDE.header}、${LATITUDE.header}` : (column?.header ?? issue.field);
  return {
    cell,
    line: formatCellError({ sheet: LEDGER_SHEET, cell, ...(label ? { column: label } : {}), message: issue.message }),
  };
}
