import type { IsoDate, IsoMonth } from '../../schemas/common';
import {
  PROGRESS_SECTIONS,
  type ProgressFigure,
  type ProgressRow,
  type ProgressSectionKey,
  type ProgressTable,
} from '../../schemas/progress-table';
import type { Ledger } from '../ledger/ledger';
import { compareWithLedger, deriveOverall, townshipTotal } from '../statistics/progress-table';
import type { Directory } from './directory';

/** One figure in a cell; `ledger` is set where the ledger says otherwise. */
export interface CellFigure {
  key: string;
  part: string | undefined;
  unit: string;
  value: number;
  ledger: number | undefined;
}

/** A cell of the table: undefined figures mean the village did not report this month. */
export type ProgressCell = CellFigure[] | undefined;

export interface ProgressItemRow {
  no: number;
  label: string;
  /** Units as the notice prints them after the label: `个`, `次，万元`. */
  units: string;
  cells: ProgressCell[];
}

export interface ProgressSectionView {
  key: ProgressSectionKey;
  title: string;
  rows: ProgressItemRow[];
}

export interface ProgressColumn {
  name: string;
  slug: string | undefined;
  total: boolean;
  reported: boolean;
}

/** A disagreement between the reported table and the ledger, spelled out. */
export interface Disagreement {
  column: string;
  item: string;
  reported: number;
  ledger: number;
}

export interface ProgressTableView {
  month: IsoMonth;
  asOf: IsoDate;
  columns: ProgressColumn[];
  sections: ProgressSectionView[];
  disagreements: Disagreement[];
  /** Whether the ledger has the table's month to check against. */
  checked: boolean;
}

type Figures = Omit<ProgressRow, 'village'>;

const unitsOf = (figures: readonly ProgressFigure[]) => [...new Set(figures.map((f) => f.unit))].join('，');

/**
 * The site counts hazards in 项 everywhere; the printed table (and the villages' spreadsheets,
 * which the import matches word for word) says 个. The page uses the site's word.
 */
const HAZARD_UNIT = '项';

/**
 * The 调度表 as the page shows it: the 28 items down, one column per village of the site
 * file plus 全镇合计 across, each section-1 figure checked against the ledger.
 */
export function progressTableView(table: ProgressTable, directory: Directory, ledger: Ledger): ProgressTableView {
  const rowsByVillage = new Map(table.rows.map((r) => [r.village, r]));
  const names = [...directory.villages.map((v) => v.name), ...table.rows.map((r) => r.village)];
  const villages = [...new Set(names)];
  const checked = ledger.months.includes(table.month);

  const mismatch = new Map<string, number>();
  for (const d of checked ? compareWithLedger(ledger, table) : []) mismatch.set(`${d.village}|${d.key}`, d.ledger);
  const total = townshipTotal(table.rows);
  const ledgerTotal: Record<string, number> = checked
    ? deriveOverall(ledger.cumulative(table.month), ledger.list(table.month).cutoff)
    : {};
  const TOTAL = '全镇合计';
  for (const [key, value] of Object.entries(ledgerTotal)) {
    if ((total.overall as Record<string, number>)[key] !== value) mismatch.set(`${TOTAL}|${key}`, value);
  }

  const columnFigures: [string, Figures | undefined][] = [
    ...villages.map((v): [string, Figures | undefined] => [v, rowsByVillage.get(v)]),
    [TOTAL, total],
  ];
  const disagreements: Disagreement[] = [];
  const sections = PROGRESS_SECTIONS.map((section): ProgressSectionView => ({
    key: section.key,
    title: section.title,
    rows: section.items.map((item): ProgressItemRow => {
      const figures = item.figures as readonly ProgressFigure[];
      return {
        no: item.no,
        label: item.label,
        units: section.key === 'overall' ? HAZARD_UNIT : unitsOf(figures),
        cells: columnFigures.map(([column, values]): ProgressCell => {
          if (!values) return undefined;
          return figures.map((f): CellFigure => {
            const value = (values[section.key] as Record<string, number>)[f.key] ?? 0;
            const ledgerValue = mismatch.get(`${column}|${f.key}`);
            if (ledgerValue !== undefined) {
              disagreements.push({
                column,
                item: `${section.title}${item.no} ${item.label}`,
                reported: value,
                ledger: ledgerValue,
              });
            }
            return { key: f.key, part: f.part, unit: f.unit, value, ledger: ledgerValue };
          });
        }),
      };
    }),
  }));

  return {
    month: table.month,
    asOf: table.asOf,
    columns: columnFigures.map(([name, values], index) => ({
      name,
      slug: directory.village(name)?.slug,
      total: index === columnFigures.length - 1,
      reported: values !== undefined,
    })),
    sections,
    disagreements,
    checked,
  };
}
