import { PROGRESS_SECTIONS, type ProgressFigure, type ProgressSectionKey } from '../../schemas/progress-table';

/**
 * The village's 调度表 as a sheet, laid out like the notice's attachment: its three
 * sections in order, each item with its number, its label and unit exactly as printed,
 * one figure per row (items with two figures — 行政处罚 次/万元, 停产/关闭, 典型案例/其中危险作业罪
 * — take two rows) so that every figure has its own cell in column C.
 *
 *   A          B                                   C
 *   1  全镇重大事故隐患专项排查整治 2023 行动进展情况调度表
 *   2  村名     (village)
 *   3  截至日期 (YYYY-MM-25)
 *   4  序号     项目                                数值
 *   5  一、总体情况
 *   6  1        企业自查发现的重大事故隐患（个）    (the figure; 0 when none)
 *   …
 *      填报说明：  and the notice's three points under it, word for word
 */
export const TEMPLATE_TITLE = '全镇重大事故隐患专项排查整治 2023 行动进展情况调度表';
export const VILLAGE_LABEL = '村名';
export const DATE_LABEL = '截至日期';
const HEADER = ['序号', '项目', '数值'] as const;

/** The notice's 填报说明 under its attachment, word for word (南政发〔2023〕14号). */
export const FILLING_INSTRUCTIONS_TITLE = '填报说明：';
export const FILLING_INSTRUCTIONS: readonly string[] = [
  '1. 专项行动领导组办公室对各村工作进展情况月度调度。调度表自 6 月份开始上报，每月 25 日前上报截至当月 25 日的累计情况。',
  '2. 调度表内容应围绕专项行动工作并对照方案具体要求如实填报，特别是对企业自查情况进行抽查检查时，要深挖细查，查出真问题。如：电焊等人员无证上岗作业，既要通过现场检查发现问题，也要通过对动火等特种作业存单进行检查核实来发现问题；外包外租管理混乱，是指符合以下情形之一的：承租方不具备安全生产条件、未取得相应资质，双方未签订安全生产协议，安全管理职责不清，未纳入本企业统一管理。',
  '3. 专项行动领导组办公室需汇总统计上报辖区内所有情况。',
];
const SECTION_NUMERALS = ['一', '二', '三'];

export interface TemplateFigure {
  section: ProgressSectionKey;
  key: string;
  no: number;
  /** Column B: the item's label, the part where there are two figures, and the unit. */
  label: string;
  decimal: boolean;
}

export type TemplateLine =
  | { kind: 'title' | 'header' }
  | { kind: 'village' | 'date' }
  | { kind: 'section'; title: string }
  | { kind: 'figure'; figure: TemplateFigure }
  /** Under the figures: the notice's 填报说明, a line each (the import passes over them). */
  | { kind: 'note'; text: string };

const figureLabel = (label: string, figure: ProgressFigure) =>
  `${label}${figure.part ? `（${figure.part}）` : ''}（${figure.unit}）`;

export const TEMPLATE_FIGURES: readonly TemplateFigure[] = PROGRESS_SECTIONS.flatMap((section) =>
  section.items.flatMap((item) =>
    (item.figures as readonly ProgressFigure[]).map((figure) => ({
      section: section.key,
      key: figure.key,
      no: item.no,
      label: figureLabel(item.label, figure),
      decimal: figure.decimal === true,
    })),
  ),
);

export const sectionHeading = (index: number, title: string): string => `${SECTION_NUMERALS[index]}、${title}`;

/** The template's lines, top to bottom (row n of the sheet is line n-1). */
export function templateLines(): TemplateLine[] {
  const lines: TemplateLine[] = [{ kind: 'title' }, { kind: 'village' }, { kind: 'date' }, { kind: 'header' }];
  PROGRESS_SECTIONS.forEach((section, index) => {
    lines.push({ kind: 'section', title: sectionHeading(index, section.title) });
    for (const figure of TEMPLATE_FIGURES.filter((f) => f.section === section.key)) {
      lines.push({ kind: 'figure', figure });
    }
  });
  for (const text of [FILLING_INSTRUCTIONS_TITLE, ...FILLING_INSTRUCTIONS]) lines.push({ kind: 'note', text });
  return lines;
}

export type GridCell = string | number | null;

/** The template as a plain grid (for CSV and for the .xlsx writer), optionally pre-filled. */
export function templateGrid(fill: { village?: string; asOf?: string } = {}): GridCell[][] {
  return templateLines().map((line) => {
    switch (line.kind) {
      case 'title':
        return [TEMPLATE_TITLE, null, null];
      case 'village':
        return [VILLAGE_LABEL, fill.village ?? null, null];
      case 'date':
        return [DATE_LABEL, fill.asOf ?? null, null];
      case 'header':
        return [...HEADER];
      case 'section':
        return [line.title, null, null];
      case 'figure':
        return [line.figure.no, line.figure.label, null];
      case 'note':
        return [line.text, null, null];
    }
  });
}
