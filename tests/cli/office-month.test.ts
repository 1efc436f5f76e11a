import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadContent } from '../../src/lib/content-set/load';
import { TEMPLATE_FIGURES, templateLines } from '../../src/lib/village-tables/table-template';
import { office, spawnOffice, workspace, type Workspace } from './support/office';

let ws: Workspace;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.remove());

// These two run the real `npm run office` entry in a process of its own; the rest call the commands in this one.
describe('npm run office -- help', () => {
  it('prints the commands in Chinese', async () => {
    const run = await spawnOffice(['help'], ws.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('month new YYYY-MM');
    expect(run.stdout).toContain('tips promote 编号 --month YYYY-MM --identity 私钥文件');
  });

  it('answers a mistyped command with exit code 2 and the help', async () => {
    const run = await spawnOffice(['month', 'nwe'], ws.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不认识的命令：month nwe');
  });
});

describe('month new → month check', () => {
  it('refuses to overwrite an existing month', async () => {
    const before = readFileSync(join(ws.content, 'hazard-lists/2023-12.yaml'), 'utf8');
    const run = await office(['month', 'new', '2023-12'], ws.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('已存在，不会覆盖');
    expect(readFileSync(join(ws.content, 'hazard-lists/2023-12.yaml'), 'utf8')).toBe(before);
  });

  it('scaffolds the next month, which validates once the clerk fills the summary and the index number', async () => {
    const run = await office(['month', 'new', '2024-01'], ws.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('从 2023-12 接续');

    const check = await office(['month', 'check', '2024-01'], ws.env);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/2024-01\.yaml · 本月概述: 尚未填写（【待填写】本月概述/);
    expect(check.stdout).toMatch(/2024-01\.yaml · 索引号: 尚未填写（【待填写】本期索引号/);
    expect(check.stdout).toContain('南庄村 · 调度表数字均为 0');

    const listPath = join(ws.content, 'hazard-lists/2024-01.yaml');
    const doc = parseDocument(readFileSync(listPath, 'utf8'));
    doc.set('summary', '一月概述：继续督办未完成整改的隐患。');
    doc.setIn(['publicInfo', 'index'], '11141121MB0000000X/2024-00001');
    writeFileSync(listPath, doc.toString());
    expect((await office(['month', 'check', '2024-01'], ws.env)).status).toBe(0);

    process.env.CONTENT_DIR = ws.content;
    try {
      const loaded = loadContent(ws.content);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const { ledger } = loaded.content;
      const open = ledger.list('2023-12').hazards.filter((h) => h.status !== '已销号');
      expect(ledger.list('2024-01').hazards.map((h) => h.id)).toEqual(open.map((h) => h.id));
      expect(ledger.list('2024-01').hazards.every((h) => h.progress.length === 0)).toBe(true);
      expect(loaded.content.tables.at(-1)!.table.rows).toHaveLength(loaded.content.site.villages.length);
    } finally {
      delete process.env.CONTENT_DIR;
    }
  });
});

/** The template CSV the tool writes, with every figure filled in (万元 with decimals). */
function filledCsv(dir: string, change: (row: string[], index: number) => void = () => {}): string {
  const template = join(dir, 'progress-table-2024-01-nanzhuang.csv');
  const rows = readFileSync(template, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const lines = templateLines();
  const filled = rows.map((line, r) => {
    const cells = line.split(',');
    const entry = lines[r]!;
    if (entry.kind === 'figure') cells[2] = entry.figure.decimal ? '3.25' : String(r);
    change(cells, r);
    return cells.join(',');
  });
  const path = join(dir, `filled-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, `\uFEFF${filled.join('\r\n')}\r\n`);
  return path;
}

describe('table template → table import', () => {
  const tableFile = () => join(ws.content, 'progress-tables/2024-01.yaml');

  it('writes the template as .xlsx and .csv', async () => {
    const run = await office(
      ['table', 'template', '--out', ws.dir, '--month', '2024-01', '--village', 'nanzhuang'],
      ws.env,
    );
    expect(run.status).toBe(0);
    expect(existsSync(join(ws.dir, 'progress-table-2024-01-nanzhuang.xlsx'))).toBe(true);
    const csv = readFileSync(join(ws.dir, 'progress-table-2024-01-nanzhuang.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF全镇重大事故隐患专项排查整治 2023 行动进展情况调度表')).toBe(true);
    expect(csv).toContain('村名,南庄村');
  });

  it('names bad cells and writes nothing', async () => {
    const before = readFileSync(tableFile(), 'utf8');
    const path = filledCsv(ws.dir, (cells, r) => {
      if (r === 6) cells[2] = '-1';
      if (r === 10) cells[2] = '两个';
    });
    const run = await office(['table', 'import', path, '--month', '2024-01', '--village', 'nanzhuang'], ws.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('C7: 应为非负整数');
    expect(run.stderr).toContain('C11: 应为非负整数');
    expect(run.stderr).toContain('未写入任何内容');
    expect(readFileSync(tableFile(), 'utf8')).toBe(before);
  });

  it('refuses a sheet for another village', async () => {
    const path = filledCsv(ws.dir);
    const run = await office(['table', 'import', path, '--month', '2024-01', '--village', 'beizhuang'], ws.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('B2: 表中村名为「南庄村」，与 --village 指定的「北庄村」不一致');
  });

  it('imports a good sheet into that village’s row only', async () => {
    const path = filledCsv(ws.dir);
    const run = await office(['table', 'import', path, '--month', '2024-01', '--village', 'nanzhuang'], ws.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('已把 南庄村 的调度表写入');
    const rows = (
      parseDocument(readFileSync(tableFile(), 'utf8')).toJS() as { rows: Record<string, Record<string, number>>[] }
    ).rows;
    const nanzhuang = rows.find((r) => (r.village as unknown) === '南庄村')!;
    const rowOf = (key: string) => templateLines().findIndex((l) => l.kind === 'figure' && l.figure.key === key);
    expect(nanzhuang.overall!.selfFound).toBe(rowOf('selfFound'));
    expect(nanzhuang.enforcement!.penaltyAmount).toBe(3.25);
    expect(Object.keys(nanzhuang.spotCheck!)).toEqual(
      TEMPLATE_FIGURES.filter((f) => f.section === 'spotCheck').map((f) => f.key),
    );
    const beizhuang = rows.find((r) => (r.village as unknown) === '北庄村')!;
    expect(Object.values(beizhuang.overall!).every((v) => v === 0)).toBe(true);
  });

  it('imports the .xlsx template the same way', async () => {
    const { readFirstSheet, writeSheet } = await import('../../src/lib/village-tables/sheet-xlsx');
    const grid = await readFirstSheet(readFileSync(join(ws.dir, 'progress-table-2024-01-nanzhuang.xlsx')));
    const lines = templateLines();
    const filled = grid.map((row, r) =>
      (lines[r]!.kind === 'figure' ? [row[0], row[1], 7] : row).map((c) =>
        c === null || c === undefined
          ? null
          : { value: c instanceof Date ? c.toISOString().slice(0, 10) : (c as string | number) },
      ),
    );
    const path = join(ws.dir, 'filled.xlsx');
    writeFileSync(path, await writeSheet(filled, { sheet: 'Sheet1', columns: [] }));
    const run = await office(['table', 'import', path, '--month', '2024-01', '--village', 'nanzhuang'], ws.env);
    expect(run.status).toBe(0);
    const rows = (
      parseDocument(readFileSync(tableFile(), 'utf8')).toJS() as { rows: { overall: Record<string, number> }[] }
    ).rows;
    expect(rows[0]!.overall.selfFound).toBe(7);
  });
});

describe('keys new', () => {
  it('refuses to write a private key inside the project', async () => {
    const run = await office(['keys', 'new', '--out', 'office-keys/test-identity.txt'], ws.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不能把私钥保存在项目或其他 git 仓库的文件夹内');
    expect(existsSync('office-keys/test-identity.txt')).toBe(false);
  });

  it('writes an owner-only identity file and prints its recipient for site.yaml', async () => {
    const out = join(ws.dir, 'keys', 'clerk-identity.txt');
    const run = await office(['keys', 'new', '--out', out, '--label', '张某（办公室）'], ws.env);
    expect(run.status).toBe(0);
    const recipient = /recipient: (age1[0-9a-z]{58})/.exec(run.stdout)?.[1];
    expect(recipient).toBeDefined();
    expect(readFileSync(out, 'utf8')).toContain(`# public key: ${recipient}`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(run.stdout).toContain('立即备份私钥文件');
    expect((await office(['keys', 'new', '--out', out], ws.env)).stderr).toContain('已存在，不会覆盖');
  });
});
