/**
 * Tip intake on a self-hosted server: the same N concurrent envelopes as tip-intake.ts, sent over
 * HTTPS to Debian's nginx running the shipped deploy/nginx.conf (ports and paths substituted, its
 * per-address rate limits raised: every request here comes from one address), which proxies them
 * to the built production server (`npm run build:server`, on the system Node) writing to a file store. Then all of them again, as retries.
 * Latency is measured from the client: TLS, nginx, the proxy hop, the function, the fsync'd write.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { DEFAULT_KIT } from '../deploy-kit/kit';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { FileStore } from '../../src/server/stores/file';
import type { TipEnvelope } from '../../src/schemas/tip';
import { freePort, selfSignedCertificate, startNginx } from '../nginx';
import { buildServer } from '../build-server.mjs';
import { SYSTEM_NODE } from './server-start';
import { tempDir } from './projects';
import { HMAC_KEY, prepareEnvelopes, tally, type TipIntakeResult } from './tip-intake';

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function post(agent: Agent, port: number, path: string, body: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitForService(port: number, log: () => string): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/tips/challenge`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`production server did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureSelfHostedIntake(submissions: number, ready?: TipEnvelope[]): Promise<TipIntakeResult> {
  const work = tempDir('selfhost-bench');
  const webRoot = join(work, 'www');
  const queue = join(work, 'queue');
  mkdirSync(join(webRoot, DEFAULT_KIT.base), { recursive: true });
  const [servicePort, httpsPort, httpPort] = [await freePort(), await freePort(), await freePort()];
  let log = '';
  const { outfile } = await buildServer({ out: join(work, 'app', 'build', 'server') });
  const service = spawn(SYSTEM_NODE, [outfile], {
    cwd: join(work, 'app'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(servicePort),
      HOST: '127.0.0.1',
      TIP_STORE: `file:${queue}`,
      TIP_POW_HMAC_KEY: HMAC_KEY,
      SITE_BASE: DEFAULT_KIT.base,
      DIST_DIR: join(webRoot, DEFAULT_KIT.base),
    },
  });
  service.stdout.on('data', (d: Buffer) => (log += d.toString()));
  service.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const nginxDir = join(work, 'nginx');
  mkdirSync(nginxDir, { recursive: true });
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    await waitForService(servicePort, () => log);
    nginx = await startNginx({
      dir: nginxDir,
      webRoot,
      httpsPort,
      httpPort,
      servicePort,
      rates: { tipsPerMinute: 1_000_000, challengesPerMinute: 1_000_000, burst: 10_000 },
    });
    const envelopes = ready ?? (await prepareEnvelopes(submissions));
    const agent = new Agent({
      ca: readFileSync(selfSignedCertificate(nginxDir).certificate),
      keepAlive: true,
      maxSockets: Infinity,
    });
    const path = `${DEFAULT_KIT.base}api/tips`;
    const bodies = envelopes.map((e) => JSON.stringify(e));
    const first = await Promise.all(bodies.map((b) => post(agent, httpsPort, path, b)));
    const retries = await Promise.all(bodies.map((b) => post(agent, httpsPort, path, b)));
    agent.destroy();
    const keys = (await new FileStore(queue, TIPS_STORE).list()).blobs.map((b) => b.key);
    return tally(envelopes, first, retries, keys);
  } finally {
    await nginx?.stop();
    if (service.pid) {
      try {
        process.kill(-service.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
}
