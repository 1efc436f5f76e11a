import { PROGRESS_FIGURE_KEYS, type ProgressRow, type ProgressTable } from '../../../src/schemas/progress-table';

/** A village's row with every figure `n` (万元 n + 0.25). */
export function rowOf(village: string, n: number): ProgressRow {
  const row = { village, overall: {}, spotCheck: {}, enforcement: {} } as Record<string, unknown>;
  for (const { section, key } of PROGRESS_FIGURE_KEYS) {
    (row[section] as Record<string, number>)[key] = key === 'penaltyAmount' ? n + 0.25 : n;
  }
  return row as unknown as ProgressRow;
}

export const TABLE: ProgressTable = {
  month: '2023-12',
  asOf: '2023-12-25',
  rows: [rowOf('乙村', 2), rowOf('甲村', 1)],
};
