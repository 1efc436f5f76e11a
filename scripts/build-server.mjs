/**
 * `npm run build:server`: the production server (src/server/main.ts, the functions of netlify/functions/
 * it mounts, the tip stores, the headers) bundled by esbuild into one plain JavaScript file,
 * build/server/main.mjs, with every package inside it. A server needs that file and the built site
 * (dist/), nothing else: no node_modules, no TypeScript, no tsx, on the system's Node 20 or later
 * (`node build/server/main.mjs`, see docs/deploying.md).
 *
 * Beside it, build/server/office.mjs: the office's command line (src/cli/office.ts) the same way, for the
 * server's timers (`tips sweep`, `tips digest --send`). Two packages stay outside it, loaded only by the
 * commands that need them: sharp (a native module: cleaning tip photos) and playwright-core (the county
 * report's PDF); those commands want `npm ci --omit=dev` beside the bundle.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUT = join(PROJECT, 'build', 'server');
/** The oldest Node the built server runs on (tests/e2e/selfhost.spec.ts runs it on Debian's Node 20). */
export const SERVER_TARGET = 'node20';

/** Packages the office bundle leaves to node_modules: each is imported only by the command that needs it. */
export const OFFICE_EXTERNAL = ['sharp', 'playwright-core'];

/**
 * Builds build/server/main.mjs and office.mjs from `root` (the project by default); returns the server's
 * path and what each bundle still imports at run time.
 */
export async function buildServer({ root = PROJECT, out = join(root, 'build', 'server') } = {}) {
  rmSync(out, { recursive: true, force: true });
  const server = await bundle(root, 'src/server/main.ts', join(out, 'main.mjs'), []);
  const office = await bundle(root, 'src/cli/office.ts', join(out, 'office.mjs'), OFFICE_EXTERNAL);
  return { ...server, office };
}

/**
 * One entry bundled to `outfile`, the packages in `leaveOut` left to node_modules.
 * @returns {Promise<{ outfile: string, inputs: string[], external: string[], bytes: number }>}
 */
async function bundle(root, entry, outfile, leaveOut) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    external: leaveOut,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: SERVER_TARGET,
    // Some bundled packages are CommonJS and `require` Node's own modules: give them a require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    legalComments: 'linked',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
  /** What the bundle still imports at run time: only Node's own modules (`node:…`, `fs`…). */
  const external = [...new Set((output?.imports ?? []).filter((i) => i.external).map((i) => i.path))].sort();
  return { outfile, inputs, external, bytes: output?.bytes ?? 0 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await buildServer();
  for (const { outfile, inputs, external, bytes } of [server, server.office]) {
    const packages = new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? []));
    console.log(
      `${outfile.slice(PROJECT.length + 1)}: ${Math.round(bytes / 1024)} KiB from ${inputs.length} files (${packages.size} packages); ` +
        `imports at run time: ${external.join(' ')}`,
    );
  }
}
