/**
 * The search step of `npm run build`: the index step (Pagefind, in shards) and the index check
 * after it must fail the build (non-zero exit, && chain) rather than publish a broken search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = process.cwd();
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const pagefind = (site: string, ...args: string[]) =>
  spawnSync(process.execPath, [tsx, 'src/cli/index-search.ts', site, ...args], { encoding: 'utf8' });
const check = (site: string) =>
  spawnSync(process.execPath, [tsx, 'src/cli/check-search-index.ts', site], { encoding: 'utf8' });
const hazard = (id: string) => hazardHtml.replaceAll('NZ-2023-0001', id);

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
  it('runs the index step and then the index check, each stopping the build when it fails', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['build']).toBe(
      'astro build && tsx src/cli/index-search.ts dist && tsx src/cli/check-search-index.ts dist',
    );
  });

  it('the index step exits 1 with a Chinese message when there is nothing to index', () => {
    const result = pagefind(site({ 'about/index.html': '<html lang="zh-CN"><body>关于</body></html>' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('搜索索引生成失败');
    expect(pagefind(join(site({}), 'missing')).stderr).toContain('找不到构建目录');
  });

  it('the index step refuses a shard size that is not a positive integer', () => {
    const result = pagefind(site({ 'hazards/NZ-2023-0001/index.html': hazardHtml }), '--shard-size', '0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--shard-size');
  });

  it('splits the hazards, newest number first, into shards the check accepts', () => {
    const dir = site({
      'hazards/NZ-2023-0001/index.html': hazard('NZ-2023-0001'),
      'hazards/NZ-2023-0002/index.html': hazard('NZ-2023-0002'),
      'hazards/NZ-2024-0003/index.html': hazard('NZ-2024-0003'),
      'disclosures/2023-06/index.html':
        '<html lang="zh-CN"><body><div data-pagefind-body>2023年6月</div></body></html>',
    });
    const indexed = pagefind(dir, '--shard-size', '2');
    expect(indexed.stderr).toBe('');
    expect(indexed.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as {
      shards: { path: string; pages: number; numbers?: { newest: string; oldest: string } }[];
    };
    expect(manifest.shards.map((s) => [s.path, s.pages, s.numbers?.newest, s.numbers?.oldest])).toEqual([
      ['/pagefind/', 2, 'NZ-2024-0003', 'NZ-2023-0002'],
      ['/pagefind/shard-1/', 1, 'NZ-2023-0001', 'NZ-2023-0001'],
      ['/pagefind/shard-2/', 1, undefined, undefined],
    ]);
    // Shard 0 carries the browser bundle; merged shards only their index.
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind/shard-1/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind/shard-1/pagefind.js'))).toBe(false);
    expect(check(dir).status).toBe(0);
    // A shard lost after indexing fails the check.
    rmSync(join(dir, 'pagefind/shard-1'), { recursive: true });
    const broken = check(dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('/pagefind/shard-1/');
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
    expect(indexed.stdout).toContain('1 个分片');
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
