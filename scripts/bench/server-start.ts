/**
 * The production server's start: time from spawn until it answers /api/tips/challenge, and its
 * resident memory then (VmRSS of /proc/PID/status), for
 *
 *   - built:  build/server/main.mjs (`npm run build:server`) alone in a folder without node_modules,
 *             on the system Node (/usr/bin/node, 20), as deploy/nanzhuang-tips.service starts it;
 *   - built on the project's Node 24, to tell the build's effect from the Node version's;
 *   - source: `node --import tsx src/server/main.ts` on the project's Node 24, as the unit used to.
 *
 * Runs alternate between the variants (A B C A B C …) so that load on the machine falls on all alike;
 * each figure is the median of the runs. A file store in a temp folder, no site (DIST_DIR empty).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from '../build-server.mjs';
import { freePort } from '../nginx';
import { median } from './measure';
import { ROOT, remove, tempDir } from './projects';

/** The Node a county's unit starts the server with (deploy/nanzhuang-tips.service). */
export const SYSTEM_NODE = '/usr/bin/node';
const PROJECT_NODE = join(ROOT, 'node_modules', '.bin', 'node');
const KEY = 'bench-start-hmac-key-0123456789abcdef0123456789';

export interface StartRun {
  ms: number;
  rssKiB: number;
}

export interface Variant {
  name: string;
  node: string;
  args: string[];
  cwd: string;
}

export interface ServerStartResult {
  variant: Variant;
  nodeVersion: string;
  startMs: number;
  rssMiB: number;
  runs: StartRun[];
}

function vmRssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

async function startOnce(variant: Variant, work: string): Promise<StartRun> {
  const port = await freePort();
  const queue = join(work, `queue-${port}`);
  const dist = join(work, 'dist');
  mkdirSync(dist, { recursive: true });
  const env = { ...process.env };
  for (const name of ['TIP_STORE', 'S3_ENDPOINT', 'NODE_OPTIONS', 'NODE_PATH']) delete env[name];
  const started = performance.now();
  const child = spawn(variant.node, variant.args, {
    cwd: variant.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TIP_STORE: `file:${queue}`,
      TIP_POW_HMAC_KEY: KEY,
      DIST_DIR: dist,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${variant.name} exited:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/tips/challenge`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (performance.now() - started > 60_000) throw new Error(`${variant.name} did not answer:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - started;
    return { ms, rssKiB: vmRssKiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    remove(queue);
  }
}

function nodeVersion(node: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out.trim()));
  });
}

/** `runs` starts of each variant, interleaved; medians. */
export async function measureServerStart(runs = 5): Promise<ServerStartResult[]> {
  const work = tempDir('server-start');
  try {
    const app = join(work, 'app');
    const { outfile } = await buildServer({ out: join(app, 'build', 'server') });
    const variants: Variant[] = [
      { name: 'built, system Node', node: SYSTEM_NODE, args: [outfile], cwd: app },
      { name: 'built, project Node', node: PROJECT_NODE, args: [outfile], cwd: app },
      {
        name: 'source via tsx, project Node',
        node: PROJECT_NODE,
        args: ['--import', 'tsx', 'src/server/main.ts'],
        cwd: ROOT,
      },
    ];
    const results = variants.map((v) => ({ variant: v, runs: [] as StartRun[] }));
    // One start of each first, unmeasured: the file cache warm for all alike.
    for (const v of variants) await startOnce(v, work);
    for (let run = 0; run < runs; run++) {
      for (const r of results) r.runs.push(await startOnce(r.variant, work));
    }
    return Promise.all(
      results.map(async ({ variant, runs: measured }) => ({
        variant,
        nodeVersion: await nodeVersion(variant.node),
        startMs: median(measured.map((r) => r.ms)),
        rssMiB: median(measured.map((r) => r.rssKiB)) / 1024,
        runs: measured,
      })),
    );
  } finally {
    remove(work);
  }
}
