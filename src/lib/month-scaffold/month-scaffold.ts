import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { PROGRESS_FIGURE_KEYS, PROGRESS_SECTIONS } from '../../schemas/progress-table';
import { TEMPLATE_FIGURES, sectionHeading } from '../village-tables/table-template';
import type { Site } from '../../schemas/site';
import { formatMonth } from '../format/date';
import { cutoffOf, publishedOf } from './months';
import { placeholder } from './placeholders';

export interface PreviousMonth {
  month: string;
  /** The previous hazard-list file's text: comments and layout carry over with the hazards. */
  text: string;
}

export interface MonthScaffold {
  listText: string;
  tableText: string;
  carried: string[];
  dropped: string[];
}

const header = (month: string, from: string | undefined, sample: boolean) =>
  [
    ...(sample ? [' 示例数据：企业、人员均为虚构。'] : []),
    ` ${formatMonth(month)}重大事故隐患清单。由 npm run office -- month new ${month} 生成${from ? `（接续 ${from}）` : ''}。`,
    ' 请逐项更新状态和本月推进情况（progress），填写所有标有【待填写】的内容，',
    ` 然后运行 npm run office -- month check ${month}。`,
  ].join('\n');

/**
 * The next month's hazard list, made from the previous one: every hazard not yet
 * 已销号 carries forward with its five, status and result; this month's progress is
 * emptied for the clerk; the cutoff, publication date, summary and revisions start afresh.
 */
export function scaffoldHazardList(
  month: string,
  previous: PreviousMonth | undefined,
): Pick<MonthScaffold, 'listText' | 'carried' | 'dropped'> {
  const doc = previous ? parseDocument(previous.text) : new Document({ hazards: [] });
  // A comment at the very top belongs to the document or, without a blank line after it, to the first key.
  const firstKey = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const topComment = [doc.commentBefore, isNode(firstKey) ? firstKey.commentBefore : undefined].join('\n');
  if (isNode(firstKey)) delete firstKey.commentBefore;
  const sample = /示例数据/.test(topComment);
  const carried: string[] = [];
  const dropped: string[] = [];

  const hazards = doc.get('hazards');
  if (isSeq(hazards)) {
    hazards.items = hazards.items.filter((item) => {
      if (!isMap(item)) return true;
      const id = String(item.get('id'));
      if (item.get('status') === '已销号') {
        dropped.push(id);
        return false;
      }
      carried.push(id);
      const empty = doc.createNode([]);
      empty.flow = true;
      item.set('progress', empty);
      return true;
    });
  }

  doc.commentBefore = header(month, previous?.month, sample);
  const fresh = new Document({
    month,
    cutoff: cutoffOf(month),
    published: publishedOf(month),
    summary: placeholder('本月概述：本月新增、整改、销号情况和下一步工作'),
    revisions: [],
  });
  for (const item of (fresh.contents as YAMLMap).items) doc.set(item.key, item.value);
  // 政府信息公开 carries its category and publisher; the index number, date and 文号 are each month's own.
  const info: unknown = doc.get('publicInfo', true);
  if (isMap(info)) {
    info.set('index', placeholder('本期索引号'));
    info.set('written', publishedOf(month));
    info.delete('number');
  }
  // Keep the field order of the template: scalar header fields first, the hazards last.
  const root = doc.contents as YAMLMap;
  const order = ['month', 'cutoff', 'published', 'publicInfo', 'summary', 'revisions', 'hazards'];
  root.items.sort((a, b) => rank(order, a.key) - rank(order, b.key));
  return { listText: doc.toString({ lineWidth: 0 }), carried, dropped };
}

const rank = (order: string[], key: unknown) => {
  const index = order.indexOf(String(key));
  return index < 0 ? order.length : index;
};

const zeros = (section: string) =>
  Object.fromEntries(PROGRESS_FIGURE_KEYS.filter((f) => f.section === section).map((f) => [f.key, 0]));

/** Each figure gets its item's number and label as a comment, as in the notice's table. */
function labelFigures(doc: Document) {
  const rows = doc.get('rows', true);
  if (!isSeq(rows)) return;
  for (const row of rows.items) {
    if (!isMap(row)) continue;
    PROGRESS_SECTIONS.forEach((section, index) => {
      const map: unknown = row.get(section.key, true);
      if (!isMap(map)) return;
      map.commentBefore = ` ${sectionHeading(index, section.title)}`;
      for (const figure of TEMPLATE_FIGURES.filter((f) => f.section === section.key)) {
        const value: unknown = map.get(figure.key, true);
        if (isScalar(value)) value.comment = ` ${figure.no}. ${figure.label}`;
      }
    });
  }
}

/** A progress table with every village of the site and every figure zero, for the import to fill. */
export function scaffoldProgressTable(month: string, site: Site): string {
  const doc = new Document({
    month,
    asOf: cutoffOf(month),
    rows: site.villages.map((v) => ({
      village: v.name,
      overall: zeros('overall'),
      spotCheck: zeros('spotCheck'),
      enforcement: zeros('enforcement'),
    })),
  });
  labelFigures(doc);
  doc.commentBefore = [
    ...(site.sample ? [' 示例数据：企业、人员均为虚构。'] : []),
    ` ${formatMonth(month)}进展情况调度表（截至 ${cutoffOf(month)} 的累计数）。各村数字均为 0，`,
    ` 请用 npm run office -- table import 文件 --month ${month} --village 村代码 逐村导入。`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
