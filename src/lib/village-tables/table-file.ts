import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { PROGRESS_SECTIONS, ProgressTable, type ProgressRow } from '../../schemas/progress-table';
import { validate } from '../content/parse';
import type { ContentIssue } from '../content/issues';

export type TableEdit = { ok: true; text: string; replaced: boolean } | { ok: false; issues: ContentIssue[] };

/** Sets one figure map in place, so the file keeps its layout (flow or block) and comments. */
function setFigures(doc: Document, row: YAMLMap, section: string, figures: Record<string, number>, flow: boolean) {
  const existing: unknown = row.get(section, true);
  let map: YAMLMap;
  if (isMap(existing)) map = existing;
  else {
    map = doc.createNode({});
    map.flow = flow;
    row.set(section, map);
  }
  for (const [key, value] of Object.entries(figures)) map.set(key, value);
}

/**
 * Writes one village's row into a month's progress-table file (the text of the file),
 * replacing its figures if the village is already there. The result is validated
 * against the table schema before it is returned; nothing is returned otherwise.
 */
export function upsertProgressRow(file: string, text: string, month: string, row: ProgressRow): TableEdit {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    return { ok: false, issues: [{ file, message: 'YAML 格式错误，请先修正该文件', severity: 'error' }] };
  }
  if (doc.get('month') !== month) {
    return { ok: false, issues: [{ file, field: '月份', message: `文件中的月份不是 ${month}`, severity: 'error' }] };
  }
  const existing = doc.get('rows', true);
  const seq = isSeq(existing) ? existing : (doc.createNode([]) as YAMLSeq);
  if (seq !== existing) doc.set('rows', seq);
  const first = seq.items.find(isMap);
  const firstOverall: unknown = isMap(first) ? first.get('overall', true) : undefined;
  const flow = isMap(firstOverall) && firstOverall.flow === true;

  let target = seq.items.find((item) => isMap(item) && item.get('village') === row.village) as YAMLMap | undefined;
  const replaced = target !== undefined;
  if (!target) {
    target = doc.createNode({ village: row.village });
    seq.items.push(target);
  }
  for (const section of PROGRESS_SECTIONS) setFigures(doc, target, section.key, row[section.key], flow);

  const out = doc.toString({ lineWidth: 0 });
  const check = validate(file, parseDocument(out).toJS(), ProgressTable);
  if (!check.ok) return { ok: false, issues: check.issues };
  return { ok: true, text: out, replaced };
}
