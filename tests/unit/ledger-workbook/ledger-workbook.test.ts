import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readContentFolder, type ContentSources, type SourceFile } from '../../../src/lib/content/folder';
import { parseContent } from '../../../src/lib/content/parse';
import { readContentSet } from '../../../src/lib/content-set/content-set';
import { LEDGER_COLUMNS, columnForLabel, columnLetter } from '../../../src/lib/ledger-workbook/ledger-columns';
import { importLedger, parseProgress } from '../../../src/lib/ledger-workbook/ledger-import';
import { formatCellError, readLedgerWorkbook, writeLedgerWorkbook } from '../../../src/lib/ledger-workbook/ledger-xlsx';
import { scaffoldHazardList } from '../../../src/lib/month-scaffold/month-scaffold';
import { HazardList } from '../../../src/schemas/hazard-list';
import { Site } from '../../../src/schemas/site';

const FIXTURES = 'tests/fixtures/ledger-workbooks';

/** The build's validation, as the command passes it in. */
const check = (sources: ContentSources) => {
  const result = readContentSet(sources);
  return result.ok ? result.content.warnings : result.issues;
};

function folder(dir: string): ContentSources {
  const read = readContentFolder(dir);
  if (!read.ok) throw new Error('content folder does not read');
  return read.sources;
}

const sample = folder('content');
const fixture = folder(join(FIXTURES, 'content'));
const siteOf = (sources: ContentSources) => {
  const parsed = parseContent(sources.site.path, sources.site.text, Site);
  if (!parsed.ok) throw new Error('site does not validate');
  return parsed.value;
};
const listFile = (sources: ContentSources, month: string): SourceFile =>
  sources.hazardLists.find((f) => f.path.endsWith(`${month}.yaml`))!;
const listOf = (file: SourceFile) => {
  const parsed = parseContent(file.path, file.text, HazardList);
  if (!parsed.ok) throw new Error(`${file.path} does not validate`);
  return parsed.value;
};
const exportOf = (sources: ContentSources, month: string) =>
  writeLedgerWorkbook(listOf(listFile(sources, month)), { site: siteOf(sources), assignees: ['某站所'] });
const letterOf = (header: string) => columnLetter(LEDGER_COLUMNS.findIndex((c) => c.header === header));

async function importInto(sources: ContentSources, month: string, bytes: Uint8Array) {
  const sheet = await readLedgerWorkbook(bytes);
  return importLedger({ sheet, month, file: listFile(sources, month), sources, check });
}

/** Opens an exported workbook, lets the test change it as a clerk would, and saves it. */
async function edited(bytes: Uint8Array, change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  change(workbook.getWorksheet('台账')!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(`A${r}`).value === id) return r;
  throw new Error(`no row for ${id}`);
};

describe('ledger export', () => {
  it('writes one row per hazard with real dates, drop-downs, a frozen header and the 填报说明', async () => {
    const bytes = await exportOf(sample, '2023-12');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(1 + listOf(listFile(sample, '2023-12')).hazards.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const found = sheet.getCell(`${letterOf('发现日期')}2`);
    expect(found.value).toBeInstanceOf(Date);
    expect(found.numFmt).toBe('yyyy-mm-dd');
    const village = sheet.getCell(`${letterOf('所在村')}2`).dataValidation;
    expect(village).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(village.formulae?.[0]).toContain('下拉选项');
    const assignee = sheet.getCell(`${letterOf('交办对象')}30`).dataValidation;
    expect(assignee.type).toBe('list');
    expect(assignee.showErrorMessage).toBeFalsy();
    const lists = workbook.getWorksheet('下拉选项')!;
    expect(lists.state).toBe('hidden');
    const values = lists
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    for (const expected of [
      '南庄村',
      '石门村',
      '消防',
      '群众举报',
      '限期整改',
      '站所',
      '已销号',
      '南庄派出所',
      '某站所',
    ]) {
      expect(values).toContain(expected);
    }
    const guide = workbook.getWorksheet('填报说明')!;
    const text = guide
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    for (const column of LEDGER_COLUMNS) expect(text).toContain(column.header);
    expect(text).toContain('2023-12');
    expect(text).toContain('五落实');
  });

  it('leaves every sample month byte-identical after export and import', async () => {
    for (const file of sample.hazardLists) {
      const month = listOf(file).month;
      const result = await importInto(sample, month, await exportOf(sample, month));
      expect(result, month).toMatchObject({ ok: true, updated: [], added: [] });
      if (result.ok) expect(result.text === file.text, month).toBe(true);
    }
  });
});

describe('ledger import of workbooks saved by other programs', () => {
  const december = listFile(fixture, '2023-12');
  const items = (text: string) => text.split(/\n(?= {2}- id: )/);

  async function expectClerkEdits(name: string) {
    const result = await importInto(fixture, '2023-12', readFileSync(join(FIXTURES, name)));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.updated).toEqual(['NZ-2023-0035']);
    expect(result.added).toEqual(['NZ-2023-0053']);
    const list = listOf({ path: december.path, text: result.text });
    const changed = list.hazards.find((h) => h.id === 'NZ-2023-0035')!;
    expect(changed).toMatchObject({ status: '已整改', rectified: '2023-12-22' });
    expect(changed.result).toContain('复查合格');
    const added = list.hazards.at(-1)!;
    expect(added).toMatchObject({
      id: 'NZ-2023-0053',
      village: '石门村',
      found: '2023-12-18',
      sector: '燃气',
      mode: '立即整改',
      assignedTo: { kind: '站所', name: '南庄市场监管所' },
      progress: [{ date: '2023-12-21', text: '周报：已责令停用钢瓶，农家乐改用管道天然气，正在报装。' }],
    });
    // Every other hazard, and everything before the list, is exactly as it was.
    const before = items(december.text);
    const after = items(result.text);
    expect(after).toHaveLength(before.length + 1);
    before.forEach((item, i) => {
      if (!item.includes('id: NZ-2023-0035')) expect(after[i]).toBe(item.endsWith('\n') ? item : after[i]);
    });
    expect(after.slice(0, -2).filter((item, i) => item !== before[i])).toHaveLength(1);
  }

  // Saved before the 经度/纬度 columns: a workbook of the earlier layout still imports.
  it('takes a status change, a typed date, a new row, a merged cell and a formula saved by LibreOffice Calc', async () => {
    await expectClerkEdits('libreoffice.xlsx');
  });

  it('takes the same edits written by openpyxl', async () => {
    await expectClerkEdits('openpyxl-values.xlsx');
  });

  it('reports a formula without a stored result (openpyxl does not compute) by its cell, once', async () => {
    const result = await importInto(fixture, '2023-12', readFileSync(join(FIXTURES, 'openpyxl.xlsx')));
    expect(result).toEqual({
      ok: false,
      errors: [
        `台账 · ${letterOf('发现日期')}23 · 发现日期: 公式没有计算结果：请在 Excel 或 WPS 中打开后保存一次，或直接填写内容`,
      ],
    });
  });
});

describe('经度 and 纬度', () => {
  const location = (text: string, id: string) =>
    listOf({ path: december().path, text }).hazards.find((h) => h.id === id)?.location;

  it('puts hazards on the map from a workbook written by openpyxl, numbers and text alike, and round-trips', async () => {
    const result = await importInto(fixture, '2023-12', readFileSync(join(FIXTURES, 'openpyxl-location.xlsx')));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.updated).toEqual(['NZ-2023-0013', 'NZ-2023-0014', 'NZ-2023-0035']);
    expect(result.added).toEqual(['NZ-2023-0053']);
    expect(location(result.text, 'NZ-2023-0013')).toEqual([112.0578, 37.4428]);
    expect(location(result.text, 'NZ-2023-0014')).toEqual([112.0281, 37.4464]);
    expect(location(result.text, 'NZ-2023-0053')).toEqual([112.0352, 37.4171]);
    // As the office writes it by hand: a flow pair right under the village.
    expect(result.text).toMatch(/\n {4}village: 南庄村\n {4}location: \[112\.0578, 37\.4428\]\n/);
    // Exported again and imported, the list is left byte for byte.
    const sources = {
      ...fixture,
      hazardLists: fixture.hazardLists.map((f) => (f.path === december().path ? { ...f, text: result.text } : f)),
    };
    const again = await importInto(sources, '2023-12', await exportOf(sources, '2023-12'));
    expect(again).toMatchObject({ ok: true, updated: [], added: [] });
    if (again.ok) expect(again.text === result.text).toBe(true);
  });

  it('exports a location as two number cells, and clears it when both cells are emptied', async () => {
    const bytes = await exportOf(sample, '2023-12');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('台账')!;
    const hazard = listOf(listFile(sample, '2023-12')).hazards.find((h) => h.location)!;
    const row = rowOf(sheet, hazard.id);
    expect([
      sheet.getCell(`${letterOf('经度')}${row}`).value,
      sheet.getCell(`${letterOf('纬度')}${row}`).value,
    ]).toEqual(hazard.location);
    const cleared = await edited(bytes, (s) => {
      s.getCell(`${letterOf('经度')}${row}`).value = null;
      s.getCell(`${letterOf('纬度')}${row}`).value = null;
    });
    const result = await importInto(sample, '2023-12', cleared);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.updated).toEqual([hazard.id]);
    expect(
      listOf({ path: 'x.yaml', text: result.text }).hazards.find((h) => h.id === hazard.id)!.location,
    ).toBeUndefined();
  });

  it('reports a half-filled, mistyped or out-of-range position by its cell', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const half = rowOf(sheet, 'NZ-2023-0013');
      sheet.getCell(`${letterOf('经度')}${half}`).value = 112.0578;
      const typed = rowOf(sheet, 'NZ-2023-0014');
      sheet.getCell(`${letterOf('经度')}${typed}`).value = '112°01′41″';
      sheet.getCell(`${letterOf('纬度')}${typed}`).value = '37.4464';
      const range = rowOf(sheet, 'NZ-2023-0024');
      sheet.getCell(`${letterOf('经度')}${range}`).value = 112.0352;
      sheet.getCell(`${letterOf('纬度')}${range}`).value = 97.4171;
    });
    const result = await importInto(fixture, '2023-12', bytes);
    const text = result.ok ? '' : result.errors.join('\n');
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('纬度')}\\d+ · 纬度: 经度和纬度应同时填写`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('经度')}\\d+ · 经度: 应为十进制度数，如 112.0578`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('纬度')}\\d+ · 纬度: 纬度应在 -90 到 90 之间`));
    expect(result.ok ? [] : result.errors).toHaveLength(3);
  });

  it('refuses a position outside the hazard’s village, by the map’s rule', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      // 河湾村's hazard placed in 南庄村.
      const row = rowOf(sheet, 'NZ-2023-0031');
      sheet.getCell(`${letterOf('经度')}${row}`).value = 112.0578;
      sheet.getCell(`${letterOf('纬度')}${row}`).value = 37.4428;
    });
    const result = await importInto(fixture, '2023-12', bytes);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(new RegExp(`^台账 · ${letterOf('经度')}\\d+ · 经度、纬度: 不在河湾村范围内$`)),
    ]);
  });

  it('leaves locations alone when a workbook has neither column, and asks for both when it has one', async () => {
    const dropped = await edited(await exportOf(sample, '2023-12'), (sheet) => {
      sheet.spliceColumns(LEDGER_COLUMNS.findIndex((c) => c.header === '经度') + 1, 2);
    });
    expect(await importInto(sample, '2023-12', dropped)).toMatchObject({ ok: true, updated: [], added: [] });
    const half = await edited(await exportOf(sample, '2023-12'), (sheet) => {
      sheet.spliceColumns(LEDGER_COLUMNS.findIndex((c) => c.header === '纬度') + 1, 1);
    });
    const result = await importInto(sample, '2023-12', half);
    expect(result.ok ? [] : result.errors).toEqual(['台账 · 缺少「纬度」列：经度和纬度两列要一起保留']);
  });
});

describe('ledger import errors', () => {
  it('reports every problem by sheet and cell, with the rules of npm run check', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const overdue = rowOf(sheet, 'NZ-2023-0031');
      sheet.getCell(`${letterOf('整改期限')}${overdue}`).value = null;
      sheet.getCell(`${letterOf('行业领域')}${overdue}`).value = '燃气安全';
      const typo = rowOf(sheet, 'NZ-2023-0014');
      sheet.getCell(`${letterOf('整改完成日期')}${typo}`).value = '12月32日';
      const open = rowOf(sheet, 'NZ-2023-0046');
      sheet.getCell(`${letterOf('本月推进情况')}${open}`).value = '没有日期的反馈';
      sheet.getCell(`${letterOf('隐患名称')}${open}`).value = { formula: 'A1&B1' };
      sheet.getCell(`${letterOf('整改资金')}${open}`).value = { error: '#REF!' };
      sheet.getCell(`${letterOf('隐患编号')}${overdue + 1}`).value = 'NZ-2023-0031';
      sheet.addRow(['NZ-2023-9999', '不存在的编号']);
      sheet.addRow([null, '新隐患', '某单位']);
      sheet.mergeCells(`${letterOf('应急预案')}2:${letterOf('交办对象类别')}2`);
    });
    const result = await importInto(fixture, '2023-12', bytes);
    if (result.ok) throw new Error('imported');
    const last = listOf(december()).hazards.length + 2;
    const text = result.errors.join('\n');
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('整改期限')}\\d+ · 整改期限: 限期整改必须填写整改期限`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('行业领域')}\\d+ · 行业领域: 应为以下行业领域之一`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('整改完成日期')}\\d+ · 整改完成日期: 应为日期`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('本月推进情况')}\\d+ · 本月推进情况: 每条推进情况应以日期开头`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('隐患名称')}\\d+ · 隐患名称: 公式没有计算结果`));
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('整改资金')}\\d+ · 整改资金: 单元格显示错误值 #REF!`));
    expect(text).toMatch(/台账 · A\d+ · 隐患编号: 编号 NZ-2023-0031 重复（第 \d+ 行已有）/);
    expect(text).toContain(`台账 · A${last} · 隐患编号: 编号 NZ-2023-9999 不在 2023-12 清单中`);
    expect(text).toMatch(new RegExp(`台账 · ${letterOf('发现日期')}${last + 1} · 发现日期: 必须填写`));
    expect(text).toMatch(
      new RegExp(`台账 · ${letterOf('交办对象类别')}2 · 交办对象类别: 与 ${letterOf('应急预案')}2 左右合并`),
    );
  });

  it('applies the rules across months once every list reads cleanly', async () => {
    // A hazard already fixed last month: moving it back to 整改中 breaks a rule across months.
    const fixedBefore = listOf(listFile(fixture, '2023-11')).hazards.filter((h) => h.status !== '整改中');
    const backwards = fixedBefore.find((f) => listOf(december()).hazards.some((h) => h.id === f.id))!;
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const row = rowOf(sheet, backwards.id);
      sheet.getCell(`${letterOf('状态')}${row}`).value = '整改中';
      for (const header of ['整改结果', '整改完成日期', '销号审核人', '销号日期']) {
        sheet.getCell(`${letterOf(header)}${row}`).value = null;
      }
    });
    const result = await importInto(fixture, '2023-12', bytes);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^台账 · ${letterOf('状态')}\\d+ · 状态: 状态不能从「${backwards.status}」退回「整改中」`),
      ),
    ]);
  });

  it('refuses a sheet whose headers were changed, and a list that does not validate', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      sheet.getCell('B1').value = '名称';
      sheet.getCell('C1').value = '隐患编号';
    });
    const result = await importInto(fixture, '2023-12', bytes);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining(['台账 · C1 · 表头「隐患编号」重复', expect.stringContaining('缺少「隐患名称」列')]),
    );
    const broken = { ...december(), text: december().text.replace('month: 2023-12', 'month: 2023-13') };
    const sheet = await readLedgerWorkbook(await exportOf(fixture, '2023-12'));
    const refused = importLedger({ sheet, month: '2023-12', file: broken, sources: fixture, check });
    expect(refused.ok ? [] : refused.errors[0]).toContain('本身有错误');
  });
});

function december(): SourceFile {
  return listFile(fixture, '2023-12');
}

describe('ledger import of cells as a clerk types them', () => {
  it('reads numbers, serial dates, rich text and links, and rewrites multi-line text as blocks', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const row = rowOf(sheet, 'NZ-2023-0046');
      sheet.getCell(`${letterOf('整改资金')}${row}`).value = 12;
      // 45291 is 2023-12-31 as Excel counts days.
      sheet.getCell(`${letterOf('整改期限')}${row}`).value = 45291;
      sheet.getCell(`${letterOf('隐患名称')}${row}`).value = {
        richText: [{ text: '加油站卸油' }, { text: '无人监护' }],
      };
      sheet.getCell(`${letterOf('应急预案')}${row}`).value = {
        text: '卸油时专人监护',
        hyperlink: 'https://example.invalid/',
      };
      sheet.getCell(`${letterOf('隐患描述')}${row}`).value = '第一段。\r\n\r\n第二段。';
      const other = rowOf(sheet, 'NZ-2023-0014');
      sheet.getCell(`${letterOf('隐患描述')}${other}`).value = '改为一行的描述。';
      sheet.getCell(`${letterOf('挂牌督办部门')}${other}`).value = null;
      sheet.getCell(`${letterOf('挂牌督办日期')}${other}`).value = null;
    });
    const result = await importInto(fixture, '2023-12', bytes);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.updated).toEqual(['NZ-2023-0014', 'NZ-2023-0046']);
    const hazards = listOf({ path: december().path, text: result.text }).hazards;
    const edited46 = hazards.find((h) => h.id === 'NZ-2023-0046')!;
    expect(edited46).toMatchObject({
      title: '加油站卸油无人监护',
      description: '第一段。\n\n第二段。',
    });
    expect(edited46.plan).toMatchObject({ funds: '12', deadline: '2023-12-31', emergencyPlan: '卸油时专人监护' });
    expect(result.text).toContain('    description: |-\n      第一段。\n\n      第二段。\n');
    const edited14 = hazards.find((h) => h.id === 'NZ-2023-0014')!;
    expect(edited14.description).toBe('改为一行的描述。');
    expect(edited14.supervision).toBeUndefined();
    expect(result.text).toContain('    description: 改为一行的描述。\n');
  });

  it('reports cells it cannot take, and reads a workbook without its 填报说明 as this month’s', async () => {
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const row = rowOf(sheet, 'NZ-2023-0046');
      sheet.getCell(`${letterOf('整改资金')}${row}`).value = true;
      const added = sheet.addRow([null, '新隐患', '某单位']);
      added.getCell(letterOf('本月推进情况')).value = '没有日期';
      sheet.workbook.removeWorksheet(sheet.workbook.getWorksheet('填报说明')!.id);
    });
    const sheet = await readLedgerWorkbook(bytes);
    expect(sheet.month).toBeUndefined();
    const result = importLedger({ sheet, month: '2023-12', file: december(), sources: fixture, check });
    const text = result.ok ? '' : result.errors.join('\n');
    expect(text).toMatch(new RegExp(`${letterOf('整改资金')}\\d+ · 整改资金: 应为文字，不能是 TRUE/FALSE`));
    expect(text).toMatch(new RegExp(`${letterOf('本月推进情况')}\\d+ · 本月推进情况: 每条推进情况应以日期开头`));
  });

  it('adds the first hazards to an empty list', async () => {
    const empty: SourceFile = {
      path: december().path,
      text: december().text.replace(/\nhazards:[\s\S]*$/, '\nhazards: []\n'),
    };
    const sources = { ...fixture, hazardLists: [empty] };
    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      for (let r = sheet.rowCount; r > 2; r--) sheet.spliceRows(r, 1);
      sheet.getCell('A2').value = null;
    });
    const result = importLedger({
      sheet: await readLedgerWorkbook(bytes),
      month: '2023-12',
      file: empty,
      sources,
      check,
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.added).toEqual(['NZ-2023-0001']);
    expect(listOf({ path: empty.path, text: result.text }).hazards).toHaveLength(1);
  });
});

describe('ledger import from last month’s workbook', () => {
  it('brings last month’s ledger up to date in this month: closed hazards skipped, old progress left behind', async () => {
    // January as `month new` leaves it, with the summary and index number filled in.
    const scaffold = scaffoldHazardList('2024-01', { month: '2023-12', text: december().text });
    const doc = parseDocument(scaffold.listText);
    doc.set('summary', '一月概述。');
    doc.setIn(['publicInfo', 'index'], '11141121MB0000000X/2024-00001');
    const january: SourceFile = { path: 'content/hazard-lists/2024-01.yaml', text: doc.toString() };
    const sources = { ...fixture, hazardLists: [...fixture.hazardLists, january] };

    const bytes = await edited(await exportOf(fixture, '2023-12'), (sheet) => {
      const row = rowOf(sheet, 'NZ-2023-0046');
      sheet.getCell(`${letterOf('本月推进情况')}${row}`).value =
        '2023-12-21 周报：旧的反馈\n2024-01-04 周报：油气回收装置修复';
    });
    const sheet = await readLedgerWorkbook(bytes);
    expect(sheet.month).toBe('2023-12');
    const result = importLedger({ sheet, month: '2024-01', file: january, sources, check });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.skipped).toEqual(scaffold.dropped);
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.updated).toEqual(['NZ-2023-0046']);
    const hazard = listOf({ path: january.path, text: result.text }).hazards.find((h) => h.id === 'NZ-2023-0046')!;
    expect(hazard.progress).toEqual([{ date: '2024-01-04', text: '周报：油气回收装置修复' }]);
  });
});

describe('workbooks made from scratch', () => {
  it('reads the first sheet by its headers, with serial day numbers in date columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
    const deadline = LEDGER_COLUMNS.findIndex((c) => c.header === '整改期限');
    const row = (value: number) =>
      LEDGER_COLUMNS.map((_, i) => (i === 0 ? 'NZ-2023-0046' : i === deadline ? value : null));
    sheet.addRow(row(45291));
    sheet.addRow(row(-3));
    const read = await readLedgerWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read.month).toBeUndefined();
    expect(read.rows[0]!.values.get(LEDGER_COLUMNS[deadline]!)).toBe('2023-12-31');
    expect(read.errors.map(formatCellError)).toEqual([
      `Sheet1 · ${letterOf('整改期限')}3 · 整改期限: 应为日期，格式 YYYY-MM-DD（如 2024-01-15）`,
    ]);
  });
});

describe('progress cells', () => {
  it('reads one entry per dated line, continuation lines included', () => {
    expect(parseProgress('2024-01-11 周报：已动工\n2024/1/18：材料进场\n  第二行\n2024年1月25日 完工')).toEqual({
      entries: [
        { date: '2024-01-11', text: '周报：已动工' },
        { date: '2024-01-18', text: '材料进场\n  第二行' },
        { date: '2024-01-25', text: '完工' },
      ],
    });
    expect(parseProgress('')).toEqual({ entries: [] });
    expect(parseProgress('已动工').error).toContain('日期开头');
  });
});

describe('columns', () => {
  it('names Excel columns and finds the column of a message’s field', () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    expect(columnForLabel('期限')?.header).toBe('整改期限');
    expect(columnForLabel('推进情况日期')?.header).toBe('本月推进情况');
    expect(columnForLabel('办结销号')?.header).toBe('销号审核人');
    expect(columnForLabel(undefined)).toBeUndefined();
    expect(formatCellError({ sheet: '台账', message: '工作簿中没有工作表' })).toBe('台账 · 工作簿中没有工作表');
  });
});
