/**
 * The township's 调度表, as the office reports it to the county: the notice's attachment with
 * one column per village and the 全镇合计, for one month.
 *
 *   A 类别              B 序号  C 项目（单位）                          D… each village   last 全镇合计
 *   总体情况 (merged)   1       企业自查发现的重大事故隐患（个）         figures           sum
 *
 * One row per figure (items with two figures — 行政处罚 次/万元, 停产/关闭, 典型案例/其中危险作业罪 —
 * take two rows, the item's number on both), so 28 items make 31 rows. A village of site.yaml
 * that has not reported this month has empty cells (null), and the total sums those that have.
 * The same grid is written as .xlsx by `npm run office -- report` and published as open data.
 */
import {
  PROGRESS_SECTIONS,
  type ProgressFigure,
  type ProgressRow,
  type ProgressTable,
} from '../../schemas/progress-table';
import { townshipTotal } from './progress-table';

export const TOTAL_LABEL = '全镇合计';
export const TABLE_HEADER = ['类别', '序号', '项目'] as const;

export interface TownshipFigureRow {
  section: (typeof PROGRESS_SECTIONS)[number]['key'];
  sectionTitle: string;
  /** True on the first row of a section (where its merged 类别 cell starts). */
  sectionStart: boolean;
  /** Rows of the section: the 类别 cell's height. */
  sectionRows: number;
  no: number;
  key: string;
  /** The item's label as printed, with the part where it has two figures, and the unit. */
  label: string;
  unit: string;
  part: string | undefined;
  decimal: boolean;
  /** One per village (null: not reported), in `villages` order. */
  values: (number | null)[];
  total: number;
}

export interface TownshipTable {
  month: string;
  asOf: string;
  villages: string[];
  rows: TownshipFigureRow[];
}

export const figureLabel = (label: string, figure: ProgressFigure): string =>
  `${label}${figure.part ? `（${figure.part}）` : ''}（${figure.unit}）`;

/** The table for every village named (site order), from the month's reported rows. */
export function townshipTable(table: ProgressTable, villages: readonly string[]): TownshipTable {
  const byVillage = new Map(table.rows.map((row) => [row.village, row]));
  const reported = villages.map((name) => byVillage.get(name));
  const total = townshipTotal(reported.filter((r): r is ProgressRow => r !== undefined));
  const rows: TownshipFigureRow[] = [];
  for (const section of PROGRESS_SECTIONS) {
    const figures = section.items.flatMap((item) =>
      (item.figures as readonly ProgressFigure[]).map((figure) => ({ item, figure })),
    );
    figures.forEach(({ item, figure }, index) => {
      const value = (row: ProgressRow | Omit<ProgressRow, 'village'>) =>
        (row[section.key] as Record<string, number>)[figure.key]!;
      rows.push({
        section: section.key,
        sectionTitle: section.title,
        sectionStart: index === 0,
        sectionRows: figures.length,
        no: item.no,
        key: figure.key,
        label: figureLabel(item.label, figure),
        unit: figure.unit,
        part: figure.part,
        decimal: figure.decimal === true,
        values: reported.map((row) => (row ? value(row) : null)),
        total: value(total),
      });
    });
  }
  return { month: table.month, asOf: table.asOf, villages: [...villages], rows };
}

/** The village names of site.yaml, then any village in the table that site.yaml no longer lists. */
export function reportVillages(siteVillages: readonly { name: string }[], table: ProgressTable): string[] {
  const names = siteVillages.map((v) => v.name);
  return [...names, ...table.rows.map((r) => r.village).filter((v) => !names.includes(v))];
}

export type TownshipCell = string | number | null;

/** The table as a plain grid: the header row, then one row per figure (the 类别 on every row). */
export function townshipGrid(table: TownshipTable): TownshipCell[][] {
  return [
    [...TABLE_HEADER, ...table.villages, TOTAL_LABEL],
    ...table.rows.map((row) => [row.sectionTitle, row.no, row.label, ...row.values, row.total]),
  ];
}
