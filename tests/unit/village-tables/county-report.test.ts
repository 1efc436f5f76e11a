import { describe, expect, it } from 'vitest';
import {
  pdfHeaderCss,
  printHeader,
  reportColumns,
  reportSheet,
  reportTitle,
  writtenDate,
  type ReportRow,
} from '../../../src/lib/village-tables/county-report';
import { FILLING_INSTRUCTIONS } from '../../../src/lib/village-tables/table-template';
import { townshipTable } from '../../../src/lib/statistics/township-table';
import { TABLE } from '../statistics/table-fixtures';

const SITE = { township: '南庄镇', campaign: '全镇重大事故隐患专项排查整治 2023 行动' };
const table = townshipTable(TABLE, ['甲村', '乙村', '丙村']);
const meta = { title: reportTitle(SITE), unit: '南庄镇人民政府', date: '2023-12-26' };
const text = (row: ReportRow) => row.map((c) => c?.value ?? null);

describe('the report sheet', () => {
  const rows = reportSheet(table, meta);
  const width = 7;

  it('opens with the title, 填报单位 and 填报日期, the cut-off and the header', () => {
    expect(meta.title).toBe('南庄镇重大事故隐患专项排查整治 2023 行动进展情况调度表');
    expect(rows[0]![0]).toMatchObject({ value: meta.title, columnSpan: width, fontWeight: 'bold' });
    expect(text(rows[1]!)).toEqual([
      '填报单位：南庄镇人民政府',
      null,
      null,
      '填报日期：2023 年 12 月 26 日',
      null,
      null,
      null,
    ]);
    expect(rows[1]![0]!.columnSpan! + rows[1]![3]!.columnSpan!).toBe(width);
    expect(rows[2]![0]!.value).toBe('截至 2023 年 12 月 25 日，累计数');
    expect(text(rows[3]!)).toEqual(['类别', '序号', '项目', '甲村', '乙村', '丙村', '全镇合计']);
    for (const row of rows) expect(row).toHaveLength(width);
  });

  it('merges each section’s 类别 cell over its rows, and leaves a village that did not report empty', () => {
    expect(rows[4]![0]).toMatchObject({ value: '总体情况', rowSpan: 10 });
    expect(rows[5]![0]).toBeNull();
    expect(rows[14]![0]).toMatchObject({ value: '对企业自查自改进行抽查检查情况', rowSpan: 8 });
    expect(rows[22]![0]).toMatchObject({ value: '部门精准严格执法情况', rowSpan: 13 });
    expect(text(rows[4]!)).toEqual(['总体情况', 1, '企业自查发现的重大事故隐患（个）', 1, 2, null, 3]);
    expect(rows[4]![5]).toEqual({ type: String, borderStyle: 'thin' });
    const money = rows.find((r) => r[2]?.value === '行政处罚（万元）')!;
    expect(money[3]).toMatchObject({ value: 1.25, type: Number, format: '0.0###' });
  });

  it('notes villages that did not report, and the notice’s 填报说明 in full', () => {
    const after = rows.slice(4 + 31).map((r) => r[0]!.value);
    expect(after).toEqual(['注：丙村本月未填报，合计不含其数字。', '填报说明：', ...FILLING_INSTRUCTIONS]);
    expect(FILLING_INSTRUCTIONS[1]).toContain('外包外租管理混乱，是指符合以下情形之一的');
    expect(FILLING_INSTRUCTIONS[1]).toContain('深挖细查');
  });

  it('states where section 1 differs from the ledger', () => {
    const withNotes = reportSheet(townshipTable(TABLE, ['甲村', '乙村']), {
      ...meta,
      discrepancies: [{ village: '甲村', key: 'tipFound', reported: 1, ledger: 2 }],
    });
    expect(withNotes.map((r) => r[0]?.value)).toContain(
      '注：甲村“群众举报的重大事故隐患（个）”填报 1，隐患台账统计 2。',
    );
    expect(withNotes.map((r) => r[0]?.value)).not.toContain('注：丙村本月未填报，合计不含其数字。');
  });

  it('sizes a column per village', () => {
    expect(reportColumns(table)).toHaveLength(width);
  });
});

describe('the printed disclosure', () => {
  const site = { township: '南庄镇', notice: { number: '南政发〔2023〕14号', title: 't', date: '2023-05-12' } };

  it('heads every page with the notice number, the month and the month’s own 文号', () => {
    expect(printHeader(site, { month: '2023-12', publicInfo: undefined })).toBe(
      '南政发〔2023〕14号 · 南庄镇2023年12月隐患排查整治情况公开',
    );
    const publicInfo = {
      index: 'i',
      category: 'c',
      publisher: 'p',
      written: '2023-12-27',
      number: '南政办发〔2023〕31号',
    };
    expect(printHeader(site, { month: '2023-07', publicInfo })).toBe(
      '南政发〔2023〕14号 · 南庄镇2023年7月隐患排查整治情况公开 · 文号 南政办发〔2023〕31号',
    );
  });

  it('puts the header in a page margin box, quoted safely', () => {
    expect(pdfHeaderCss('a "b" \\ c\nd')).toBe(
      '@page { @top-center { content: "a \\"b\\" \\\\ c d"; font-size: 9pt; color: #505050; } }',
    );
    expect(writtenDate('2024-01-05')).toBe('2024 年 1 月 5 日');
  });
});
