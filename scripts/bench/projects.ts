/**
 * Throw-away Astro projects for builds that must not touch the shared dist/ and .astro/:
 * a copy of this project (same code, same installed packages) and a bare "floor" site of
 * trivial pages built by the same Astro. Both live in a temp folder of their own.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Never copied: build output, caches, history, and the benchmark's own output. */
const SKIP = new Set([
  'node_modules',
  'dist',
  'build',
  '.astro',
  '.git',
  '.netlify',
  'bench',
  'test-results',
  'playwright-report',
  'coverage',
]);

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `nz-${label}-`));
}

/** A copy of this project in a temp folder, node_modules linked, ready for `astro build`. */
export function projectCopy(): string {
  const dir = tempDir('project');
  for (const name of readdirSync(ROOT)) {
    if (SKIP.has(name)) continue;
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  linkModules(dir);
  return dir;
}

/**
 * node_modules as a real folder of links to the installed packages: Astro and Vite keep
 * their caches (data store, optimised deps) inside node_modules/, and a link to the whole
 * folder would make every throw-away build write into the shared project's caches.
 */
function linkModules(dir: string): void {
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/** A bare Astro site of `pages` trivial pages (plus an index): the framework's floor. */
export function floorProject(pages: number): string {
  const dir = tempDir('floor');
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  linkModules(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // The same build options as astro.config.mjs, so the difference is our pages and content alone.
    "export default { output: 'static', trailingSlash: 'always', build: { format: 'directory', concurrency: 4 }, devToolbar: { enabled: false } };\n",
  );
  const page = (body: string) =>
    `<html lang="zh-CN"><head><meta charset="utf-8" /><title>{title}</title></head><body>${body}</body></html>`;
  writeFileSync(join(dir, 'src/pages/index.astro'), `---\nconst title = '首页';\n---\n${page('<h1>{title}</h1>')}\n`);
  writeFileSync(
    join(dir, 'src/pages/p/[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } }));\n}\n` +
      `const title = \`第 \${Astro.params.n} 页\`;\n---\n${page('<h1>{title}</h1><p>示例页面。</p>')}\n`,
  );
  return dir;
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
