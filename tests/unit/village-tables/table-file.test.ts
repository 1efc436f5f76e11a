import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { upsertProgressRow } from '../../../src/lib/village-tables/table-file';
import { scaffoldProgressTable } from '../../../src/lib/month-scaffold/month-scaffold';
import type { ProgressRow } from '../../../src/schemas/progress-table';
import { SITE } from '../support/office-fixtures';

const base = scaffoldProgressTable('2023-08', SITE);
const rowsOf = (text: string) => (parseDocument(text).toJS() as { rows: ProgressRow[] }).rows;
const zeroRow = rowsOf(base)[0]!;
const row = (village: string, selfFound: number): ProgressRow => ({
  ...structuredClone(zeroRow),
  village,
  overall: { ...zeroRow.overall, selfFound },
});

describe('upsertProgressRow', () => {
  it('replaces a village’s figures in place, keeping the file’s comments', () => {
    const edit = upsertProgressRow('t.yaml', base, '2023-08', row('北庄村', 4));
    if (!edit.ok) throw new Error(JSON.stringify(edit.issues));
    expect(edit.replaced).toBe(true);
    expect(rowsOf(edit.text).map((r) => [r.village, r.overall.selfFound])).toEqual([
      ['南庄村', 0],
      ['北庄村', 4],
    ]);
    expect(edit.text.split('\n')[1]).toBe(base.split('\n')[1]);
    expect(edit.text).toContain('selfFound: 4 # 1. 企业自查发现的重大事故隐患（个）');
  });

  it('keeps flow-style figure maps flow-style, and appends a village not yet listed', () => {
    const flow = `# 调度表\nmonth: 2023-08\nasOf: 2023-08-25\nrows:\n  - village: 南庄村\n    overall: { ${Object.keys(
      zeroRow.overall,
    )
      .map((k) => `${k}: 0`)
      .join(', ')} }\n    spotCheck: { ${Object.keys(zeroRow.spotCheck)
      .map((k) => `${k}: 0`)
      .join(', ')} }\n    enforcement: { ${Object.keys(zeroRow.enforcement)
      .map((k) => `${k}: 0`)
      .join(', ')} }\n`;
    const edit = upsertProgressRow('t.yaml', flow, '2023-08', row('北庄村', 2));
    if (!edit.ok) throw new Error(JSON.stringify(edit.issues));
    expect(edit.replaced).toBe(false);
    expect(edit.text).toMatch(/- village: 北庄村\n {4}overall: \{ selfFound: 2,/);
    expect(edit.text.startsWith('# 调度表\n')).toBe(true);
  });

  it('refuses a file of another month', () => {
    const edit = upsertProgressRow('t.yaml', base, '2023-09', row('南庄村', 1));
    expect(!edit.ok && edit.issues[0]!.message).toBe('文件中的月份不是 2023-09');
  });
});
