import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROGRESS_FIGURE_KEYS, PROGRESS_SECTIONS, ProgressTable } from '../../../src/schemas/progress-table';
import { FIXTURE_DIR } from '../../fixtures/ledger';

type Row = Record<'village', string> & Record<'overall' | 'spotCheck' | 'enforcement', Record<string, unknown>>;
const table = () =>
  parse(readFileSync(join(FIXTURE_DIR, 'progress-tables/2023-08.yaml'), 'utf8')) as {
    month: string;
    asOf: string;
    rows: Row[];
  };

function issues(value: unknown): string[] {
  const result = ProgressTable.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('PROGRESS_SECTIONS', () => {
  it('has the notice’s 3 sections, 28 items and 31 figures', () => {
    expect(PROGRESS_SECTIONS.map((s) => [s.title, s.items.length])).toEqual([
      ['总体情况', 10],
      ['对企业自查自改进行抽查检查情况', 8],
      ['部门精准严格执法情况', 10],
    ]);
    expect(PROGRESS_FIGURE_KEYS).toHaveLength(31);
    expect(new Set(PROGRESS_FIGURE_KEYS.map((f) => f.key)).size).toBe(31);
  });
});

describe('ProgressTable', () => {
  it('accepts the fixture', () => {
    expect(issues(table())).toEqual([]);
  });

  it('requires every figure', () => {
    const t = table();
    delete t.rows[0]!.overall.tipFound;
    expect(issues(t)).toEqual(['rows.0.overall.tipFound: 必须填写']);
    delete (t.rows[1] as Partial<Row>).spotCheck;
    expect(issues(t)).toContain('rows.1.spotCheck: 必须填写');
  });

  it('rejects a misspelt figure key rather than dropping it', () => {
    const t = table();
    t.rows[0]!.overall.tipFond = t.rows[0]!.overall.tipFound;
    delete t.rows[0]!.overall.tipFound;
    expect(issues(t)).toEqual([
      'rows.0.overall.tipFound: 必须填写',
      'rows.0.overall: 未知字段：「tipFond」，请检查字段名拼写（区分大小写）',
    ]);
    expect(issues({ ...table(), asof: '2023-08-25' })).toContain(
      ': 未知字段：「asof」，请检查字段名拼写（区分大小写）',
    );
  });

  it('takes whole counts, and 万元 with up to four decimals', () => {
    const t = table();
    t.rows[0]!.spotCheck.checked = 2.5;
    t.rows[0]!.spotCheck.noDrills = -1;
    t.rows[1]!.enforcement.penaltyAmount = 12.3456;
    expect(issues(t)).toEqual(['rows.0.spotCheck.checked: 应为非负整数', 'rows.0.spotCheck.noDrills: 应为非负整数']);
    t.rows[0]!.spotCheck.checked = 2;
    t.rows[0]!.spotCheck.noDrills = 0;
    t.rows[1]!.enforcement.penaltyAmount = 1.23456;
    t.rows[2]!.enforcement.penaltyAmount = -0.5;
    expect(issues(t)).toEqual([
      'rows.1.enforcement.penaltyAmount: 最多保留四位小数',
      'rows.2.enforcement.penaltyAmount: 应为非负数',
    ]);
  });

  it('rejects a village reported twice and a date outside the month, all at once', () => {
    const t = table();
    t.rows[2]!.village = '南庄村';
    t.rows[0]!.overall.selfFound = '一';
    expect(issues({ ...t, asOf: '2023-09-25' })).toEqual([
      'rows.0.overall.selfFound: 应为非负整数',
      'asOf: 截至日期应在 2023-08 月内',
      'rows.2.village: 南庄村 重复填报',
    ]);
  });
});
