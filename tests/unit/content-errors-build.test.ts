/**
 * The real build must refuse broken content with the same Chinese line the check prints.
 * `astro build` shares .astro/ with every other build in this tree, so it runs under
 * /tmp/site.lock (the suite itself must not be run while holding that lock).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'content-errors-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('astro build fails on broken content and prints the file · number · field line', () => {
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const file = join(dir, 'content/hazard-lists/2023-07.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const hazards = doc.get('hazards');
  const hazard = isSeq(hazards) ? hazards.items.find((h) => isMap(h) && h.get('id') === 'NZ-2023-0004') : undefined;
  if (!isMap(hazard)) throw new Error('NZ-2023-0004 not in the July sample');
  hazard.deleteIn(['plan', 'deadline']);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));

  // cwd = the copy's parent, so the build names files content/… exactly as a clerk sees them.
  // Astro bundles the pages under the output folder when it lies inside cwd: the bundle resolves
  // its packages from there, as it does from the project folder in a real build.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const astro = [process.execPath, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', ROOT];
  const command = [...astro, '--outDir', join(dir, 'dist')];
  const locked = existsSync('/usr/bin/flock') ? ['/usr/bin/flock', '-w', '300', '/tmp/site.lock', ...command] : command;
  const build = spawnSync(locked[0]!, locked.slice(1), {
    cwd: dir,
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    encoding: 'utf8',
    timeout: 400_000,
  });
  const out = `${build.stdout}${build.stderr}`;
  expect(build.status, out).not.toBe(0);
  expect(out).toContain('内容文件校验未通过，无法发布。');
  expect(out).toContain('  ✗ content/hazard-lists/2023-07.yaml · NZ-2023-0004 · 期限: 限期整改必须填写整改期限');
  expect(existsSync(join(dir, 'dist/index.html'))).toBe(false);
}, 420_000);
