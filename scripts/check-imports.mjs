/**
 * `npm run check:imports [root]`: which code may import which (dependency-cruiser.config.mjs), over src/, netlify/ and
 * scripts/ of the project (or of `root`, a tree laid out the same way: the layers test plants violations in one).
 *
 * dependency-cruiser reads TypeScript and JavaScript but has no Astro parser: its fallback JavaScript parser loses
 * the first import of every frontmatter. So the check runs on a throw-away copy of the three folders in which
 * each `X.astro` is `X.astro.ts`, holding its frontmatter (TypeScript); an import of `./X.astro` resolves to it.
 * Reports name the .astro file again. Exits non-zero on any violation.
 * There is no list of tolerated violations: a violation is fixed, or the rule is changed in the open.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['src', 'netlify', 'scripts'];

/** An .astro file's frontmatter: the code between the opening and closing `---` fences. */
export function frontmatter(source) {
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match ? match[1] : '';
}

function copyTree(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (path) => !/(^|\/)(node_modules|dist|\.astro)(\/|$)/.test(path.slice(from.length)),
  });
}

function mirror(root) {
  const copy = mkdtempSync(join(tmpdir(), 'check-imports-'));
  for (const folder of [...FOLDERS, 'tests']) {
    if (existsSync(join(root, folder))) copyTree(join(root, folder), join(copy, folder));
  }
  const astro = spawnSync('find', [...FOLDERS, '-name', '*.astro', '-type', 'f'], { cwd: copy, encoding: 'utf8' });
  for (const file of astro.stdout.split('\n').filter(Boolean)) {
    const path = join(copy, file);
    writeFileSync(`${path}.ts`, frontmatter(readFileSync(path, 'utf8')));
    rmSync(path);
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // The manifest too: without it no package is known as a dependency or a devDependency.
  const manifest = existsSync(join(root, 'package.json')) ? root : PROJECT;
  cpSync(join(manifest, 'package.json'), join(copy, 'package.json'));
  return copy;
}

/** Runs the rules on `root` (the project by default). */
export function checkImports({ root = PROJECT } = {}) {
  const copy = mirror(resolve(root));
  try {
    const folders = FOLDERS.filter((folder) => existsSync(join(copy, folder)));
    const output = ['--output-type', 'err'];
    const result = spawnSync(
      join(PROJECT, 'node_modules/.bin/depcruise'),
      [...folders, '--config', join(PROJECT, 'dependency-cruiser.config.mjs'), ...output],
      { cwd: copy, encoding: 'utf8' },
    );
    return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}`.replaceAll('.astro.ts', '.astro') };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = args.find((arg) => !arg.startsWith('--'));
  const { status, output } = checkImports(root ? { root: resolve(root) } : {});
  process.stdout.write(output);
  process.exit(status);
}
