/**
 * The site and the tip line on a server of one's own (see docs/deploying.md). In production it runs
 * built: `npm run build:server` bundles it into build/server/main.mjs, which the system's Node (20 or
 * later) runs with no node_modules (`npm run serve:production`). Settings, all from the environment:
 *
 *   PORT               port to listen on (default 8787)
 *   HOST               address to bind (default 127.0.0.1: nginx in front on the same machine)
 *   TIP_STORE          where the queue lives: file:/var/lib/nanzhuang-tips, s3://bucket/prefix
 *                      (see src/server/stores/select.ts); `netlify` is refused here
 *   TIP_POW_HMAC_KEY   the proof-of-work key, at least 32 characters (required)
 *   SITE_BASE          the path the site was built under (default /)
 *   DIST_DIR           the built site (default dist/ of the folder holding build/ or src/)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HMAC_KEY_VARIABLE } from '../../netlify/functions/_lib/config';
import { normalizeBase } from '../lib/site-path';
import { PROBE_STORE, probeConditionalCreate } from './stores/probe';
import { closeTipStores, describeTipStore, openTipStore, parseTipStore, TIP_STORE_VARIABLE } from './stores/select';
import { FUNCTION_MODULES } from './functions';
import { createProductionServer, functionRoutes } from './production';

const root = fileURLToPath(new URL('../..', import.meta.url));

function fail(message: string): never {
  console.error(`无法启动：${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT=${process.env.PORT} 不是有效的端口号`);

let setting;
try {
  setting = parseTipStore(process.env[TIP_STORE_VARIABLE]);
} catch (error) {
  fail((error as Error).message);
}
if (setting.kind === 'netlify') {
  fail(
    `请设置 ${TIP_STORE_VARIABLE}（例如 file:/var/lib/nanzhuang-tips 或 s3://bucket/prefix）：自建服务器上没有 Netlify Blobs。`,
  );
}
if ((process.env[HMAC_KEY_VARIABLE] ?? '').length < 32) {
  fail(`请设置 ${HMAC_KEY_VARIABLE}（至少 32 个字符，例如 openssl rand -hex 32 的输出）。`);
}

// A store that cannot create-if-absent could let a retry replace a tip: refuse it before the first tip.
try {
  const probe = await probeConditionalCreate(await openTipStore(PROBE_STORE));
  if (!probe.ok)
    fail(`举报队列（${describeTipStore(setting)}）不支持“不存在才写入”：${probe.reason}。见 docs/deploying.md。`);
} catch (error) {
  fail(`无法读写举报队列（${describeTipStore(setting)}）：${error instanceof Error ? error.message : String(error)}`);
}

const base = normalizeBase(process.env.SITE_BASE);
const dist = process.env.DIST_DIR ?? join(root, 'dist');
const routes = functionRoutes(FUNCTION_MODULES);
const server = createProductionServer({ dist, base, routes });

server.listen(port, host, () => {
  console.log(
    `举报服务已启动：http://${host}:${port}${base}（举报队列：${describeTipStore(setting)}；接口：${routes.map((r) => r.path).join('、')}）`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => {
      void closeTipStores().then(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
