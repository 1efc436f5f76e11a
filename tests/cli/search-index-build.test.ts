/**
 * The Pagefind step of `npm run build`: Pagefind itself and the index check after it must fail
 * the build (non-zero exit, && chain) rather than publish a site whose search is broken.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = process.cwd();
const pagefind = (site: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', site], {
    encoding: 'utf8',
  });
const check = (site: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check-search-index.ts', site], {
    encoding: 'utf8',
  });

const hazardHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>
<header data-pagefind-ignore>导航</header>
<article data-pagefind-body data-pagefind-meta="编号:NZ-2023-0001"><h1>NZ-2023-0001 加油站储罐渗漏</h1>
<span data-pagefind-filter="状态:整改中">整改中</span><dd data-pagefind-filter="村:南庄村">南庄村</dd>
<dd data-pagefind-filter="行业领域:危险化学品">危险化学品</dd><dd data-pagefind-filter="来源:执法检查">执法检查</dd>
<a data-pagefind-filter="月份:2023年6月">2023年6月</a></article></body></html>`;

let dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-build-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the build’s search step', () => {
  it('runs Pagefind and then the index check, each stopping the build when it fails', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['build']).toBe('astro build && pagefind --site dist && tsx src/cli/check-search-index.ts dist');
  });

  it('Pagefind exits non-zero when there is nothing to index', () => {
    expect(pagefind(site({})).status).not.toBe(0);
  });

  it('the check fails when Pagefind did not run', () => {
    const result = check(site({ 'hazards/NZ-2023-0001/index.html': hazardHtml }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('未生成搜索索引');
  });

  it('the check passes on a real Chinese index of a correctly marked hazard page', () => {
    const dir = site({ 'hazards/NZ-2023-0001/index.html': hazardHtml });
    const indexed = pagefind(dir);
    expect(indexed.status).toBe(0);
    expect(indexed.stdout).toContain('Extended');
    const result = check(dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the check fails on a hazard page that lost a filter, even though Pagefind succeeded', () => {
    const dir = site({
      'hazards/NZ-2023-0001/index.html': hazardHtml.replace('data-pagefind-filter="村:', 'data-x="'),
    });
    expect(pagefind(dir).status).toBe(0);
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('data-pagefind-filter="村:…"');
  });
});
