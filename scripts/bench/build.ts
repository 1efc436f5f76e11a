/** The normal build (Astro, then the search index) of a project copy, measured, into an output folder of its own. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measured } from './measure';

export interface BuildResult {
  astro: Measured;
  /** The search index step (src/cli/index-search.ts: Pagefind, in shards), workers included. */
  pagefind: Measured;
  /** The search-index check `npm run build` ends with, when the project has one. */
  check: Measured | undefined;
  /** HTML pages written. */
  pages: number;
}

export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

function env(project: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(project, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/** `astro build --outDir out` in `project`; no Pagefind. */
export function astroBuild(project: string, outDir: string, extra: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const astro = join(project, 'node_modules/astro/bin/astro.mjs');
  return measure(process.execPath, [astro, 'build', '--outDir', outDir], { cwd: project, env: env(project, extra) });
}

/** `tsx src/cli/index-search.ts out`, the index step of `npm run build`, with the same defaults. */
export function pagefind(project: string, site: string): Promise<Measured> {
  const tsx = join(project, 'node_modules/tsx/dist/cli.mjs');
  const cli = join(project, 'src/cli/index-search.ts');
  return measure(process.execPath, [tsx, cli, site], { cwd: project, env: env(project, {}) });
}

/** `tsx src/cli/check-search-index.ts out`, the last step of `npm run build`. */
export async function checkIndex(project: string, site: string): Promise<Measured | undefined> {
  const cli = join(project, 'src/cli/check-search-index.ts');
  if (!existsSync(cli)) return undefined;
  const tsx = join(project, 'node_modules/tsx/dist/cli.mjs');
  return measure(process.execPath, [tsx, cli, site], { cwd: project, env: env(project, {}) });
}

/** The whole build of `project` over `contentDir`, as `npm run build` does it. */
export async function buildSite(project: string, contentDir: string, outDir: string): Promise<BuildResult> {
  const astro = await astroBuild(project, outDir, { CONTENT_DIR: contentDir });
  if (astro.code !== 0) throw new Error(`astro build failed:\n${astro.tail}`);
  const index = await pagefind(project, outDir);
  if (index.code !== 0) throw new Error(`search index failed:\n${index.tail}`);
  const check = await checkIndex(project, outDir);
  if (check && check.code !== 0) throw new Error(`search index check failed:\n${check.tail}`);
  return { astro, pagefind: index, check, pages: countPages(outDir) };
}
