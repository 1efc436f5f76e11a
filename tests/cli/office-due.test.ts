import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { office, workspace, type Workspace } from './support/office';

let ws: Workspace;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.remove());

describe('npm run office -- due', () => {
  it('prints the latest month’s 督办清单, grouped by assignee, as of its cutoff once it is past', async () => {
    const run = await office(['due'], ws.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('重大事故隐患整改督办清单（2023年12月清单，截至 2023年12月25日）');
    expect(run.stdout).toMatch(/交办对象：包村干部 王肖玉（1 项）\n.*\n.*\n {2}NZ-2023-0038 /);
    expect(run.stdout).toMatch(/NZ-2023-0038 .*2023-11-20 {2}已逾期 35 天/);
    expect(run.stdout).toMatch(/NZ-2023-0035 .*2023-12-31 {2}6 天后到期/);
  });

  it('counts from today while the month is still open (the command’s clock)', async () => {
    const run = await office(['due'], ws.env, { now: () => new Date('2023-12-15T02:00:00Z') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('（2023年12月清单，截至 2023年12月15日）');
    expect(run.stdout).toMatch(/NZ-2023-0038 .*2023-11-20 {2}已逾期 25 天/);
  });

  it('reads the month given, and flags a missing Thursday feedback', async () => {
    const file = join(ws.content, 'hazard-lists/2023-12.yaml');
    const text = readFileSync(file, 'utf8');
    // Drop the 12-21 feedback of NZ-2023-0046 (its deadline is far off, so only the feedback is missing).
    const edited = text.replace(/(- id: NZ-2023-0046[\s\S]*?)\n {6}- date: 2023-12-21\n {8}text: [^\n]*/, '$1');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const run = await office(['due', '--month', '2023-12'], ws.env);
    writeFileSync(file, text);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/NZ-2023-0046 .*缺 12月21日 反馈/);
    expect(run.stdout).toContain('缺少 12月21日（周四）书面反馈 1 项');
  });

  it('says which month is missing, and rejects stray arguments', async () => {
    const missing = await office(['due', '--month', '2022-01'], ws.env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('没有 2022-01 的隐患清单');
    expect((await office(['due', '2023-12'], ws.env)).status).toBe(2);
  });
});
