/**
 * `npm run build:server`: the production server (src/server/main.ts, the functions of netlify/functions/
 * it mounts, the tip stores, the headers) bundled by esbuild into one plain JavaScript file,
 * build/server/main.mjs, with every package inside it. A server needs that file and the built site
 * (dist/), nothing else: no node_modules, no TypeScript, no tsx, on the system's Node 20 or later
 * (`node build/server/main.mjs`, see docs/deploying.md).
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUT = join(PROJECT, 'build', 'server');
/** The oldest Node the built server runs on (tests/e2e/selfhost.spec.ts runs it on Debian's Node 20). */
export const SERVER_TARGET = 'node20';

/** Builds build/server/main.mjs from `root` (the project by default); returns its path. */
export async function buildServer({ root = PROJECT, out = join(root, 'build', 'server') } = {}) {
  rmSync(out, { recursive: true, force: true });
  const outfile = join(out, 'main.mjs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts'],
    outfile,
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
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('main.mjs'))?.[1];
  /** What the bundle still imports at run time: only Node's own modules (`node:…`, `fs`…). */
  const external = [...new Set((output?.imports ?? []).filter((i) => i.external).map((i) => i.path))].sort();
  return { outfile, inputs, external, bytes: output?.bytes ?? 0 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, inputs, external, bytes } = await buildServer();
  const packages = new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? []));
  console.log(
    `${outfile.slice(PROJECT.length + 1)}: ${Math.round(bytes / 1024)} KiB from ${inputs.length} files (${packages.size} packages); ` +
      `imports at run time: ${external.join(' ')}`,
  );
}
