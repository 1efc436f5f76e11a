import { describe, expect, it } from 'vitest';
import { decodeText, formatCsv, parseCsv } from '../../../src/lib/village-tables/csv';
import { formatSheetError, readProgressSheet, type SheetCell } from '../../../src/lib/village-tables/table-import';
import { TEMPLATE_FIGURES, templateGrid, templateLines } from '../../../src/lib/village-tables/table-template';
import { PROGRESS_FIGURE_KEYS, PROGRESS_SECTIONS } from '../../../src/schemas/progress-table';

const expectation = { village: '南庄村', aliases: ['nanzhuang'], month: '2023-08' };

/** The template with every figure filled: figure i gets the value i (万元 gets 1.25). */
function filled(): SheetCell[][] {
  const grid = templateGrid({ village: '南庄村', asOf: '2023-08-25' }) as SheetCell[][];
  let i = 0;
  templateLines().forEach((line, r) => {
    if (line.kind === 'figure') grid[r]![2] = line.figure.decimal ? 1.25 : i++;
  });
  return grid;
}
const rowOf = (key: string) => templateLines().findIndex((l) => l.kind === 'figure' && l.figure.key === key);

describe('the template', () => {
  it('has every figure of the notice’s table once, in its order, labelled with its unit', () => {
    expect(TEMPLATE_FIGURES.map((f) => f.key)).toEqual(PROGRESS_FIGURE_KEYS.map((f) => f.key));
    const labels = TEMPLATE_FIGURES.map((f) => f.label);
    expect(labels).toContain('企业自查发现的重大事故隐患（个）');
    expect(labels).toContain('行政处罚（次）');
    expect(labels).toContain('行政处罚（万元）');
    expect(labels).toContain('责令停产整顿/关闭取缔（停产）（家）');
    expect(labels).toContain('公布典型案例（其中危险作业罪案例）（个）');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('puts section headings where the notice has them', () => {
    const sections = templateLines().flatMap((l) => (l.kind === 'section' ? [l.title] : []));
    expect(sections).toEqual(PROGRESS_SECTIONS.map((s, i) => `${'一二三'[i]}、${s.title}`));
  });

  it('puts the first figure in C6 (the address clerks see in errors)', () => {
    expect(rowOf('selfFound')).toBe(5);
  });
});

describe('readProgressSheet', () => {
  it('reads a fully filled template into a row', () => {
    const result = readProgressSheet(filled(), expectation);
    if (!result.ok) throw new Error(result.errors.map(formatSheetError).join('\n'));
    expect(result.row.village).toBe('南庄村');
    expect(result.row.overall.selfFound).toBe(0);
    expect(result.row.overall.selfRectified).toBe(1);
    expect(result.row.enforcement.penaltyAmount).toBe(1.25);
    expect(result.asOf).toBe('2023-08-25');
  });

  it('names every bad cell and returns no row', () => {
    const grid = filled();
    grid[rowOf('selfFound')]![2] = -1;
    grid[rowOf('checked')]![2] = '三';
    grid[rowOf('headNotLed')]![2] = 2.5;
    grid[rowOf('exposed')]![2] = null;
    grid[rowOf('penaltyAmount')]![2] = 1.23456;
    const result = readProgressSheet(grid, expectation);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatSheetError)).toEqual([
      'C6: 应为非负整数',
      `C${rowOf('checked') + 1}: 应为非负整数`,
      `C${rowOf('headNotLed') + 1}: 应为非负整数`,
      `C${rowOf('penaltyAmount') + 1}: 应为非负数（万元，最多保留四位小数）`,
      `C${rowOf('exposed') + 1}: 未填写（没有请填 0）`,
    ]);
  });

  it('accepts text cells, full-width digits and Excel’s float noise', () => {
    const grid = filled();
    grid[rowOf('selfFound')]![2] = ' ３ ';
    grid[rowOf('penaltyAmount')]![2] = 1.2000000000000002;
    const result = readProgressSheet(grid, expectation);
    expect(result.ok && [result.row.overall.selfFound, result.row.enforcement.penaltyAmount]).toEqual([3, 1.2]);
  });

  it('refuses a sheet filled in for another village or another month', () => {
    const grid = filled();
    grid[1]![1] = '北庄村';
    grid[2]![1] = '2023年7月25日';
    const result = readProgressSheet(grid, expectation);
    expect(!result.ok && result.errors.map(formatSheetError)).toEqual([
      'B2: 表中村名为「北庄村」，与 --village 指定的「南庄村」不一致',
      'B3: 截至日期 2023-07-25 不在 2023-08 月内',
    ]);
  });

  it('accepts the village’s code in place of its name, and an Excel date', () => {
    const grid = filled();
    grid[1]![1] = 'nanzhuang';
    grid[2]![1] = new Date(Date.UTC(2023, 7, 25));
    const result = readProgressSheet(grid, expectation);
    expect(result.ok && result.asOf).toBe('2023-08-25');
  });

  it('names missing, unknown and repeated items', () => {
    const grid = filled();
    const r = rowOf('noDrills');
    grid.splice(r, 1);
    grid.push([99, '自编项目（个）', 3], [1, '企业自查发现的重大事故隐患（个）', 3]);
    const result = readProgressSheet(grid, expectation);
    expect(!result.ok && result.errors.map(formatSheetError)).toEqual([
      `B${grid.length - 1}: 「自编项目（个）」不是调度表中的项目，请使用从网站 /data/ 下载的模板`,
      `B${grid.length}: 项目重复（第 6 行已有）`,
      `缺少项目「未按规定开展应急演练、员工不熟悉逃生出口（家）」（模板第 ${r + 1} 行），请使用从网站 /data/ 下载的模板`,
    ]);
  });
});

describe('CSV', () => {
  it('round-trips the filled template through Excel-style CSV', () => {
    const csv = formatCsv(
      filled().map((row) => row.map((c) => (c instanceof Date ? null : (c as string | number | null)))),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    const result = readProgressSheet(parseCsv(decodeText(bytes)), expectation);
    expect(result.ok).toBe(true);
  });

  it('reads quoted cells with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n1,2\n')).toEqual([
      ['a', 'b,c', 'd "e"', 'f\r\ng'],
      ['1', '2'],
    ]);
  });

  it('reads what Excel on a Chinese Windows saves (GB18030)', () => {
    // 村名,南庄村 in GB18030 / GBK.
    const gbk = new Uint8Array([0xb4, 0xe5, 0xc3, 0xfb, 0x2c, 0xc4, 0xcf, 0xd7, 0xaf, 0xb4, 0xe5]);
    expect(parseCsv(decodeText(gbk))).toEqual([['村名', '南庄村']]);
  });
});
