/**
 * Netlify Blobs (TIP_STORE unset or `netlify`) through the same conformance suite, against
 * Netlify's own local Blobs server. That server's `onlyIfNew` is a check-then-write, so the
 * 50-writer test is skipped here (see docs/threat-model.md); Netlify's production store is atomic
 * but cannot be reached from a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { storeConformance, type StoreUnderTest } from './conformance';
import { readTree } from './support/tree';

async function netlifyStore(): Promise<StoreUnderTest> {
  const directory = await mkdtemp(join(tmpdir(), 'blobs-conformance-'));
  const server = new BlobsServer({ directory, token: 'conformance-token', logger: () => {} });
  const { port } = await server.start();
  const url = `http://localhost:${port}`;
  const context = { siteID: 'conformance-site', token: 'conformance-token', edgeURL: url, uncachedEdgeURL: url };
  setEnvironmentContext(context);
  const open = (name: string) => getStore({ name, consistency: 'strong', ...context });
  return {
    open: (name) => Promise.resolve(open(name)),
    env: { TIP_STORE: 'netlify' },
    async dump(names) {
      const out: [string, Uint8Array][] = [];
      for (const name of names) {
        const store = open(name);
        for (const { key } of (await store.list()).blobs) {
          const entry = await store.getWithMetadata(key, { type: 'arrayBuffer' });
          out.push([`${name}/${key} key`, Buffer.from(key)]);
          out.push([`${name}/${key}`, new Uint8Array(entry.data)]);
          out.push([`${name}/${key} metadata`, Buffer.from(JSON.stringify(entry.metadata))]);
        }
      }
      return out;
    },
    everything: () => readTree(directory),
    async stop() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

storeConformance('Netlify Blobs (local server)', netlifyStore, {
  atomicCreate: { reason: "the local Blobs server's onlyIfNew is check-then-write; Netlify's own store is atomic" },
});
