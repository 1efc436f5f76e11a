/**
 * The real command a clerk runs (`npm run check:content`, i.e. tsx src/cli/check-content.ts)
 * on broken copies of the sample content: Chinese lines naming file, number and field, exit
 * code 1 for errors — and never a stack trace, whatever the folder holds.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGbk } from './support/gbk';
import { ROOT } from './support/sample';

interface Run {
  code: number;
  output: string;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of content/ changed by `breakIt`, checked by the CLI. */
function check(breakIt: (dir: string) => void): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'nz-content-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  breakIt(dir);
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'src/cli/check-content.ts'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const edit = (dir: string, path: string, change: (text: string) => string) =>
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));

function expectNoInternals(run: Run): void {
  expect(run.output).not.toMatch(/\n\s+at |node:internal|\bError\b|undefined/);
}

// A 限期整改 hazard of the sample, to break its deadline.
const month = '2023-09';
const list = parse(readFileSync(join(ROOT, `content/hazard-lists/${month}.yaml`), 'utf8')) as {
  hazards: { id: string; mode: string }[];
};
const deadlineFix = list.hazards.find((h) => h.mode === '限期整改')!;

// All runs start together: each is a separate tsx process of a second or two.
const runs = {
  valid: check(() => {}),
  deadline: check((dir) =>
    edit(dir, `hazard-lists/${month}.yaml`, (text) => {
      const start = text.indexOf(`id: ${deadlineFix.id}`);
      const at = text.lastIndexOf('\n', text.indexOf('deadline:', start)) + 1;
      return text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1);
    }),
  ),
  aliasBomb: check((dir) =>
    edit(
      dir,
      `hazard-lists/${month}.yaml`,
      (text) =>
        text +
        '\nbomb0: &a [x, x, x, x, x, x, x, x, x, x]\nbomb1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'bomb2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nbomb3: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    ),
  ),
  gbk: check((dir) => {
    const path = join(dir, `hazard-lists/${month}.yaml`);
    writeFileSync(path, encodeGbk(readFileSync(path, 'utf8')));
  }),
  emptySite: check((dir) => writeFileSync(join(dir, 'site.yaml'), '# 还没填写\n')),
  folderAndHiddenExtension: check((dir) => {
    mkdirSync(join(dir, 'hazard-lists/2024-01.yaml'));
    renameSync(join(dir, 'hazard-lists/2023-12.yaml'), join(dir, 'hazard-lists/2023-12.yaml.txt'));
  }),
};

describe('check-content CLI on broken content', () => {
  it('passes the unbroken copy (the runner itself works)', async () => {
    const run = await runs.valid;
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('✓ 内容校验通过');
  });

  it('names file, hazard number and field of a missing deadline', async () => {
    const run = await runs.deadline;
    expect(run.code).toBe(1);
    expect(run.output).toContain(`${month}.yaml · ${deadlineFix.id} · 期限: 限期整改必须填写整改期限`);
    expectNoInternals(run);
  });

  it('reports an alias bomb as a YAML error instead of crashing', async () => {
    const run = await runs.aliasBomb;
    expect(run.code).toBe(1);
    expect(run.output).toMatch(new RegExp(`${month}\\.yaml · YAML 格式错误：别名`));
    expectNoInternals(run);
  });

  it('says once that a file saved as GBK must be saved as UTF-8, naming file and line', async () => {
    const run = await runs.gbk;
    expect(run.code).toBe(1);
    expect(run.output).toMatch(new RegExp(`发现 1 处错误：\\n.*${month}\\.yaml · 第1行 · 含有无法识别的字符.*UTF-8`));
    expectNoInternals(run);
  });

  it('says an empty site file is empty', async () => {
    const run = await runs.emptySite;
    expect(run.code).toBe(1);
    expect(run.output).toContain('site.yaml · 文件为空');
    expectNoInternals(run);
  });

  it('reports a folder and a hidden .txt extension instead of crashing or skipping them silently', async () => {
    const run = await runs.folderAndHiddenExtension;
    expectNoInternals(run);
    expect(run.output).toContain('2024-01.yaml · 不是 .yaml 内容文件，未读取');
    expect(run.output).toContain('2023-12.yaml.txt · 不是 .yaml 内容文件，未读取');
  });
});
