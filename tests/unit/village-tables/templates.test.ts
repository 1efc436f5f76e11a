import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../src/lib/village-tables/csv';
import { readFirstSheet } from '../../../src/lib/village-tables/sheet-xlsx';
import {
  FILLING_INSTRUCTIONS,
  FILLING_INSTRUCTIONS_TITLE,
  templateGrid,
} from '../../../src/lib/village-tables/table-template';

/** The templates published on /data/ must be exactly what the import reads (regenerate with `table template`). */
describe('public/data/templates', () => {
  it('the CSV is the current template', () => {
    expect(readFileSync('public/data/templates/progress-table-template.csv', 'utf8')).toBe(formatCsv(templateGrid()));
  });

  it('the .xlsx holds the current template', async () => {
    const grid = await readFirstSheet(readFileSync('public/data/templates/progress-table-template.xlsx'));
    const expected = templateGrid().map((row) => row.map((cell) => cell ?? null));
    // Trailing empty cells and rows are not stored in an .xlsx.
    expect(grid.map((row) => row.slice(0, 3))).toEqual(expected.slice(0, grid.length));
    expect(grid.length).toBe(expected.length);
  });
});

describe('the village templates carry the notice’s 填报说明 in full', () => {
  const notes = [FILLING_INSTRUCTIONS_TITLE, ...FILLING_INSTRUCTIONS];

  it('word for word, under the figures of the spreadsheet template', () => {
    const grid = templateGrid();
    expect(grid.slice(-notes.length)).toEqual(notes.map((text) => [text, null, null]));
    expect(FILLING_INSTRUCTIONS).toHaveLength(3);
    // Item 2 with its definition of 外包外租管理混乱 and 深挖细查.
    expect(FILLING_INSTRUCTIONS[1]).toMatch(/^2\. 调度表内容应围绕专项行动工作.*深挖细查，查出真问题。/);
    expect(FILLING_INSTRUCTIONS[1]).toContain(
      '外包外租管理混乱，是指符合以下情形之一的：承租方不具备安全生产条件、未取得相应资质，双方未签订安全生产协议，安全管理职责不清，未纳入本企业统一管理。',
    );
  });

  it('and in the YAML template the office copies', () => {
    const yaml = readFileSync('content/progress-tables/_template.yaml', 'utf8');
    for (const text of notes) expect(yaml).toContain(`# ${text}\n`);
  });
});
