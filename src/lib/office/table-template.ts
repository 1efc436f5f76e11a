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
 */
export const TEMPLATE_TITLE = '全镇重大事故隐患专项排查整治 2023 行动进展情况调度表';
export const VILLAGE_LABEL = '村名';
export const DATE_LABEL = '截至日期';
const HEADER = ['序号', '项目', '数值'] as const;
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
  | { kind: 'figure'; figure: TemplateFigure };

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
    }
  });
}
