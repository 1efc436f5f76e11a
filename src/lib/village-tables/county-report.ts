/**
 * What the township sends up to the county each month (`npm run office -- report YYYY-MM`):
 *
 * 1. the township 调度表 as a workbook sheet, laid out like the notice's attachment —
 *
 *      1  南庄镇重大事故隐患专项排查整治 2023 行动进展情况调度表            (title, merged)
 *      2  填报单位：南庄镇人民政府            填报日期：2023 年 12 月 26 日
 *      3  截至 2023 年 12 月 25 日，累计数                                 (merged)
 *      4  类别 | 序号 | 项目 | 南庄村 | … | 全镇合计                        (header)
 *      5… 总体情况 (merged over its rows) | 1 | 企业自查发现的重大事故隐患（个） | figures | total
 *      …  the three sections, 28 items (31 figure rows)
 *      …  填报说明 of the notice, and where section 1 differs from the ledger, a 说明 per figure
 *
 * 2. the month's disclosure page printed to an A4 PDF, with the notice number in every page's
 *    header (pdfHeaderCss; the page numbers are the print stylesheet's own).
 *
 * Cells are plain styled-cell objects (sheet-xlsx writes them); the sheet prints as the attachment
 * does: A4 landscape, one page wide, the title and header rows and the item columns on every page.
 */
import type { HazardList } from '../../schemas/hazard-list';
import type { Site } from '../../schemas/site';
import type { Discrepancy } from '../statistics/progress-table';
import { TOTAL_LABEL, TABLE_HEADER, type TownshipTable } from '../statistics/township-table';
import type { PrintSetup, StyledCell, StyledRow } from './sheet-xlsx';
import { FILLING_INSTRUCTIONS, FILLING_INSTRUCTIONS_TITLE } from './table-template';

export type ReportCell = StyledCell;
export type ReportRow = StyledRow;

/** The title: the notice's attachment title with the township for 全镇. */
export function reportTitle(site: Pick<Site, 'township' | 'campaign'>): string {
  return `${site.township}${site.campaign.replace(/^全镇/, '')}进展情况调度表`;
}

/** 2023-12-26 → 2023 年 12 月 26 日, as the attachment writes dates. */
export function writtenDate(day: string): string {
  return `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`;
}

export interface ReportMeta {
  title: string;
  /** 填报单位: the township government. */
  unit: string;
  /** 填报日期 (YYYY-MM-DD). */
  date: string;
  /** Section 1 figures where a village's report and the ledger differ: stated under the table. */
  discrepancies?: readonly Discrepancy[];
}

/** Column widths (characters) for the sheet: 类别, 序号, 项目, each village, 全镇合计. */
export const reportColumns = (table: TownshipTable): { width: number }[] => [
  { width: 12 },
  { width: 6 },
  { width: 44 },
  ...table.villages.map(() => ({ width: 9 })),
  { width: 10 },
];

/** Rows 1–4 (title, 填报单位, 截至, header) and columns A–C (类别, 序号, 项目): repeated on every printed page. */
export const REPORT_TITLE_ROWS = '1:4';
export const REPORT_TITLE_COLUMNS = 'A:C';

/** How the 调度表 prints: landscape, every village on one page wide, as many pages down as it takes. */
export const reportPrint: PrintSetup = {
  orientation: 'landscape',
  pagesWide: 1,
  pagesTall: 0,
  titleRows: REPORT_TITLE_ROWS,
  titleColumns: REPORT_TITLE_COLUMNS,
};

/** The 调度表 as sheet rows (see the layout above). */
export function reportSheet(table: TownshipTable, meta: ReportMeta): ReportRow[] {
  const width = TABLE_HEADER.length + table.villages.length + 1;
  const pad = (cells: ReportRow): ReportRow => [...cells, ...Array<null>(width - cells.length).fill(null)];
  const line = (value: string, extra: ReportCell = {}): ReportRow =>
    pad([{ value, columnSpan: width, wrap: true, alignVertical: 'top', ...extra }]);
  const half = Math.max(3, Math.floor(width / 2));
  const border = { borderStyle: 'thin' } as const;
  const header = [...TABLE_HEADER, ...table.villages, TOTAL_LABEL];

  const rows: ReportRow[] = [
    line(meta.title, { fontWeight: 'bold', fontSize: 16, align: 'center', height: 30 }),
    pad([
      { value: `填报单位：${meta.unit}`, columnSpan: half },
      ...Array<null>(half - 1).fill(null),
      { value: `填报日期：${writtenDate(meta.date)}`, columnSpan: width - half, align: 'right' },
    ]),
    line(`截至 ${writtenDate(table.asOf)}，累计数`),
    header.map((value) => ({
      value,
      fontWeight: 'bold',
      align: 'center',
      alignVertical: 'center',
      wrap: true,
      ...border,
    })),
  ];
  for (const row of table.rows) {
    const number = (value: number | null): ReportCell =>
      value === null
        ? { type: String, ...border }
        : { value, type: Number, align: 'right', ...(row.decimal ? { format: '0.0###' } : {}), ...border };
    rows.push([
      row.sectionStart
        ? {
            value: row.sectionTitle,
            rowSpan: row.sectionRows,
            align: 'center',
            alignVertical: 'center',
            wrap: true,
            ...border,
          }
        : null,
      { value: row.no, type: Number, align: 'center', ...border },
      { value: row.label, wrap: true, ...border },
      ...row.values.map(number),
      { ...number(row.total), fontWeight: 'bold' },
    ]);
  }
  const notReported = table.villages.filter((_, i) => table.rows.every((row) => row.values[i] === null));
  if (notReported.length) rows.push(line(`注：${notReported.join('、')}本月未填报，合计不含其数字。`));
  for (const d of meta.discrepancies ?? []) {
    const label = table.rows.find((row) => row.key === d.key)?.label ?? d.key;
    rows.push(line(`注：${d.village}“${label}”填报 ${d.reported}，隐患台账统计 ${d.ledger}。`));
  }
  rows.push(line(FILLING_INSTRUCTIONS_TITLE, { fontWeight: 'bold' }));
  for (const text of FILLING_INSTRUCTIONS) rows.push(line(text, { height: text.length > 80 ? 60 : 18 }));
  return rows;
}

/**
 * The running header of the printed disclosure: the campaign notice's number (南政发〔2023〕14号),
 * the township and month, and the month's own 文号 when it has one.
 */
export function printHeader(
  site: Pick<Site, 'township' | 'notice'>,
  list: Pick<HazardList, 'month' | 'publicInfo'>,
): string {
  const month = `${list.month.slice(0, 4)}年${Number(list.month.slice(5, 7))}月`;
  const own = list.publicInfo?.number;
  return [site.notice.number, `${site.township}${month}隐患排查整治情况公开`, ...(own ? [`文号 ${own}`] : [])].join(
    ' · ',
  );
}

/** CSS that puts `text` at the top of every printed page (a margin box, as the page numbers are). */
export function pdfHeaderCss(text: string): string {
  const quoted = `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
  return `@page { @top-center { content: ${quoted}; font-size: 9pt; color: #505050; } }`;
}
