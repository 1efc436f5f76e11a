/**
 * `report YYYY-MM --out DIR`: the township 调度表 the office sends to the county, written by the
 * real CLI from a copy of the sample and read back with exceljs. The PDF half needs the
 * built site and is tested after the build (tests/e2e/county-report.spec.ts); here, without a
 * build, the command says how to make one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFirstSheet } from '../../src/lib/village-tables/sheet-xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntry } from '../support/zip-entry';
import { FILLING_INSTRUCTIONS } from '../../src/lib/village-tables/table-template';
import { office, workspace, type Workspace } from './support/office';

let ws: Workspace;
beforeAll(() => (ws = workspace()));
afterAll(() => ws.remove());

describe('npm run office -- report', () => {
  it('writes the township 调度表 like the notice’s attachment, then asks for a build for the PDF', async () => {
    const out = join(ws.dir, '报县');
    const emptyDist = join(ws.dir, 'no-build');
    mkdirSync(emptyDist);
    const run = await office(['report', '2023-12', '--out', out, '--date', '2023-12-26', '--dist', emptyDist], ws.env);
    expect(run.status, run.output).toBe(1);
    expect(run.stdout).toContain('✓ 调度表：');
    expect(run.stderr).toContain('找不到已构建的 2023-12 月公开页面');
    expect(run.stderr).toContain('请先运行 npm run build');

    const rows = await readFirstSheet(readFileSync(join(out, '南庄镇调度表-2023-12.xlsx')));
    expect(rows[0]![0]).toBe('南庄镇重大事故隐患专项排查整治 2023 行动进展情况调度表');
    expect(rows[1]![0]).toBe('填报单位：南庄镇人民政府');
    expect(rows[1]).toContain('填报日期：2023 年 12 月 26 日');
    expect(rows[2]![0]).toBe('截至 2023 年 12 月 25 日，累计数');
    expect(rows[3]).toEqual([
      '类别',
      '序号',
      '项目',
      '南庄村',
      '北庄村',
      '东堡村',
      '西堡村',
      '新庄村',
      '河湾村',
      '石门村',
      '全镇合计',
    ]);
    const figures = rows.slice(4, 35);
    expect(figures.map((r) => r[0]).filter(Boolean)).toEqual([
      '总体情况',
      '对企业自查自改进行抽查检查情况',
      '部门精准严格执法情况',
    ]);
    expect(
      new Set(figures.map((r, i) => `${figures.slice(0, i + 1).filter((x) => x[0]).length}-${String(r[1])}`)).size,
    ).toBe(28);
    // Every row: the figures are numbers and the total is their sum (万元 to 4 decimals).
    for (const row of figures) {
      const values = row.slice(3, 10) as number[];
      for (const v of values) expect(typeof v).toBe('number');
      const sum = Math.round(values.reduce((a, b) => a + b, 0) * 10000) / 10000;
      expect(row[10], String(row[2])).toBe(sum);
    }
    // The sample's own figures, read from content/progress-tables/2023-12.yaml.
    const yaml = readFileSync(join(ws.content, 'progress-tables', '2023-12.yaml'), 'utf8');
    const nanzhuangChecked = Number(/village: 南庄村[\s\S]*?checked: (\d+)/.exec(yaml)![1]);
    expect(figures.find((r) => r[2] === '抽查检查的企业总数（家）')![3]).toBe(nanzhuangChecked);
    expect(rows.slice(35).map((r) => r[0])).toEqual(expect.arrayContaining(['填报说明：', ...FILLING_INSTRUCTIONS]));
  });

  it('prints as the notice’s attachment: A4 landscape, one page wide, title rows and item columns on every page', async () => {
    const out = join(ws.dir, '报县-打印');
    const run = await office(['report', '2023-12', '--out', out, '--date', '2023-12-26', '--dist', ws.dir], ws.env);
    expect(run.stdout, run.output).toContain('✓ 调度表：');
    // Read from the file's XML, not through the library that wrote it.
    const bytes = readFileSync(join(out, '南庄镇调度表-2023-12.xlsx'));
    const sheet = zipEntry(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<sheetPr>\s*<pageSetUpPr fitToPage="1"\s*\/>/);
    const setup = /<pageSetup [^>]*>/.exec(sheet)![0];
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    const workbook = zipEntry(bytes, 'xl/workbook.xml');
    const titles = /<definedName name="_xlnm.Print_Titles" localSheetId="0">([^<]*)<\/definedName>/.exec(workbook);
    expect(
      titles?.[1]
        ?.replace(/&apos;/g, "'")
        .split(',')
        .sort(),
    ).toEqual(["'调度表'!$1:$4", "'调度表'!$A:$C"]);
    // Rows 1–4 are the title, 填报单位, 截至 and the header; columns A–C the 类别, 序号 and 项目.
    const rows = await readFirstSheet(bytes);
    expect(rows[3]!.slice(0, 3)).toEqual(['类别', '序号', '项目']);

    // And as LibreOffice prints it (where the table used to stop after the fourth village): landscape
    // A4 pages, every village and the township total on the first, the header again on the next.
    const pdfDir = join(ws.dir, 'pdf');
    const convert = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(ws.dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        join(out, '南庄镇调度表-2023-12.xlsx'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(pdfDir, '南庄镇调度表-2023-12.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(width).toBeGreaterThan(height!);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(1);
    const page = (n: number) =>
      spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const header = /类别\s+序号\s+项目\s+南庄村\s+北庄村\s+东堡村\s+西堡村\s+新庄村\s+河湾村\s+石门村\s+全镇合计/;
    expect(page(1)).toMatch(header);
    expect(page(2)).toMatch(header);
    expect(page(2)).toContain('南庄镇重大事故隐患专项排查整治 2023 行动进展情况调度表');
  });

  it('refuses a month without a table, and a bad date', async () => {
    const none = await office(['report', '2022-01', '--out', join(ws.dir, 'x')], ws.env);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('没有 2022-01 的调度表');
    const date = await office(['report', '2023-12', '--out', join(ws.dir, 'x'), '--date', '2023-13-01'], ws.env);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('填报日期应写成 YYYY-MM-DD');
    const month = await office(['report', '--out', join(ws.dir, 'x')], ws.env);
    expect(month.status).toBe(2);
    expect(existsSync(join(ws.dir, 'x'))).toBe(false);
  });
});
