import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { office, workspace, type Workspace } from './support/office';

let ws: Workspace;

/** A workspace holding the frozen content the workbook fixtures were made from, and nothing else. */
function fixtureWorkspace(): Workspace {
  const fixture = workspace();
  rmSync(fixture.content, { recursive: true });
  cpSync('tests/fixtures/ledger-workbooks/content', fixture.content, { recursive: true });
  return fixture;
}
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.remove());

const december = () => readFileSync(join(ws.content, 'hazard-lists/2023-12.yaml'), 'utf8');

describe('npm run office -- ledger export / import', () => {
  it('exports a month as 台账.xlsx and imports it back without changing a byte', async () => {
    const before = december();
    const out = join(ws.dir, '台账.xlsx');
    const exported = await office(['ledger', 'export', '2023-12', '--out', out], ws.env);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('已导出 2023-12 隐患台账（21 项）');
    expect(existsSync(out)).toBe(true);

    const imported = await office(['ledger', 'import', out, '--month', '2023-12'], ws.env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('更新 0 项，新增 0 项');
    expect(imported.stdout).toContain('文件未改动');
    expect(december()).toBe(before);
  });

  it('writes a clerk’s workbook saved by LibreOffice Calc into the month', async () => {
    const fixture = fixtureWorkspace();
    try {
      const file = 'tests/fixtures/ledger-workbooks/libreoffice.xlsx';
      const run = await office(['ledger', 'import', file, '--month', '2023-12'], fixture.env);
      expect(run.stdout).toContain('更新 1 项（NZ-2023-0035），新增 1 项（NZ-2023-0053）');
      expect(run.status).toBe(0);
      const text = readFileSync(join(fixture.content, 'hazard-lists/2023-12.yaml'), 'utf8');
      expect(text).toContain('  - id: NZ-2023-0053\n    title: 农家乐厨房液化气钢瓶与灶具同室存放\n');
      expect((await office(['month', 'check', '2023-12'], fixture.env)).status).toBe(0);
    } finally {
      fixture.remove();
    }
  });

  it('lists every problem by sheet and cell and writes nothing', async () => {
    const fixture = fixtureWorkspace();
    try {
      const path = join(fixture.content, 'hazard-lists/2023-12.yaml');
      const before = readFileSync(path, 'utf8');
      const run = await office(
        ['ledger', 'import', 'tests/fixtures/ledger-workbooks/openpyxl.xlsx', '--month', '2023-12'],
        fixture.env,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('有 1 处错误，未写入任何内容');
      expect(run.stderr).toContain('台账 · K23 · 发现日期: 公式没有计算结果');
      expect(readFileSync(path, 'utf8')).toBe(before);
    } finally {
      fixture.remove();
    }
  });

  it('asks for month new before importing into a month that has no list yet', async () => {
    const run = await office(['ledger', 'import', join(ws.dir, '台账.xlsx'), '--month', '2024-02'], ws.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run office -- month new 2024-02');
    expect((await office(['ledger', 'export', '2023-12'], ws.env)).status).toBe(2);
  });
});
