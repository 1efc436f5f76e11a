/**
 * The production server (src/server/production.ts) over a built site in a temporary folder, with the tip
 * functions mounted and a test proof-of-work key; `stop` closes it, unsets the key and removes the folder.
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createProductionServer, loadFunctionRoutes } from '../../../src/server/production';

const TEST_KEY = 'production-test-hmac-key-0123456789abcdef0123456789';

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startProductionServer(dist: string, base: string): Promise<RunningServer> {
  process.env.TIP_POW_HMAC_KEY = TEST_KEY;
  const server = createProductionServer({ dist, base, routes: await loadFunctionRoutes('netlify/functions') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      delete process.env.TIP_POW_HMAC_KEY;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
