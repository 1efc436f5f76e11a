import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { formatCsv } from '../../../src/lib/office/csv';
import { templateGrid } from '../../../src/lib/office/table-template';

/** The templates published on /data/ must be exactly what the import reads (regenerate with `table template`). */
describe('public/data/templates', () => {
  it('the CSV is the current template', () => {
    expect(readFileSync('public/data/templates/progress-table-template.csv', 'utf8')).toBe(formatCsv(templateGrid()));
  });

  it('the .xlsx holds the current template', async () => {
    const grid = await readSheet(readFileSync('public/data/templates/progress-table-template.xlsx'));
    const expected = templateGrid().map((row) => row.map((cell) => cell ?? null));
    // Trailing empty cells and rows are not stored in an .xlsx.
    expect(grid.map((row) => row.slice(0, 3))).toEqual(expected.slice(0, grid.length));
    expect(grid.length).toBe(expected.length);
  });
});
