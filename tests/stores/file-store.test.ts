/**
 * The file store (TIP_STORE=file:/…): the conformance suite on a temporary folder, and what only
 * a folder can get wrong — permissions, modification times, half-written files, writers in
 * several processes at once.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore, midnightInChina, StoreKeyError } from '../../src/server/stores/file';
import { PROBE_STORE, probeConditionalCreate } from '../../src/server/stores/probe';
import { storeConformance, type StoreUnderTest } from './conformance';
import { readTree } from './support/tree';

async function fileStore(): Promise<StoreUnderTest & { root: string }> {
  const root = await mkdtemp(join(tmpdir(), 'file-store-'));
  return {
    root,
    open: (name) => Promise.resolve(new FileStore(root, name)),
    env: { TIP_STORE: `file:${root}` },
    async dump(names) {
      const out: [string, Uint8Array][] = [];
      for (const name of names) {
        const dir = join(root, name);
        const entries = await readdir(dir).catch(() => [] as string[]);
        const info = await stat(dir).catch(() => undefined);
        if (info) out.push([`${name}/ times`, Buffer.from(`${info.mtimeMs / 1000} ${info.atimeMs / 1000}`)]);
        for (const entry of entries) {
          const path = join(dir, entry);
          const where = relative(root, path);
          const times = await stat(path);
          out.push([`${where} name`, Buffer.from(entry)]);
          out.push([where, await readFile(path)]);
          // Modification and access times as decimal Unix seconds: the scan finds a time of day in them.
          out.push([`${where} times`, Buffer.from(`${times.mtimeMs / 1000} ${times.atimeMs / 1000}`)]);
        }
      }
      return out;
    },
    everything: () => readTree(root),
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

storeConformance('file store', fileStore, { atomicCreate: true });

describe('file store: on disk', () => {
  let root: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const fx = await fileStore();
    root = fx.root;
    stop = () => fx.stop();
  });
  afterAll(() => stop());

  it('folders are 0700 and files 0600, whatever the umask', async () => {
    const old = process.umask(0o000);
    try {
      const store = new FileStore(root, 'modes');
      await store.set('k1', 'secret', { onlyIfNew: true, metadata: {} });
      await store.set('k2', 'secret', { metadata: {} });
      expect((await stat(join(root, 'modes'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(root, 'modes', 'k1'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, 'modes', 'k2'))).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('a tip file is one line of metadata, then the age file byte for byte', async () => {
    const store = new FileStore(root, 'layout');
    const age = new TextEncoder().encode('age-encryption.org/v1\n-> X25519 abc\n--- xyz\n\u0001\u0002');
    await store.set('k', age.buffer, { onlyIfNew: true, metadata: { v: 1, received: '2026-03-14' } });
    const raw = await readFile(join(root, 'layout', 'k'));
    const newline = raw.indexOf(0x0a);
    expect(JSON.parse(raw.subarray(0, newline).toString('utf8'))).toEqual({
      v: 1,
      metadata: { v: 1, received: '2026-03-14' },
    });
    expect(new Uint8Array(raw.subarray(newline + 1))).toEqual(age);
  });

  it('modification and access times are midnight in China of the day written, for files and their folder', async () => {
    const at = new Date('2026-03-14T05:47:29.613Z'); // 13:47 in China
    const store = new FileStore(root, 'times', { now: () => at });
    await store.set('k', 'x', { onlyIfNew: true, metadata: {} });
    const midnight = Date.parse('2026-03-14T00:00:00+08:00');
    expect(midnightInChina(at).getTime()).toBe(midnight);
    expect(midnightInChina(new Date('2026-03-14T16:00:00Z')).getTime()).toBe(Date.parse('2026-03-15T00:00:00+08:00'));
    for (const path of [join(root, 'times', 'k'), join(root, 'times')]) {
      const s = await stat(path);
      expect(s.mtimeMs, path).toBe(midnight);
    }
    expect((await stat(join(root, 'times', 'k'))).atimeMs).toBe(midnight);
  });

  it('refuses keys and store names that are not plain names (no paths, no hidden files)', async () => {
    const store = new FileStore(root, 'names');
    for (const key of ['../escape', 'a/b', '.hidden', '', 'x'.repeat(201), 'nul\u0000', '空格 key']) {
      await expect(store.set(key, 'x', { metadata: {} }), key).rejects.toThrow(StoreKeyError);
      await expect(store.get(key, { type: 'text' }), key).rejects.toThrow(StoreKeyError);
    }
    expect(() => new FileStore(root, '../up')).toThrow(StoreKeyError);
  });

  it('passes the production server’s start-up probe, which leaves nothing behind', async () => {
    const store = new FileStore(root, PROBE_STORE);
    expect(await probeConditionalCreate(store)).toEqual({ ok: true });
    expect((await store.list()).blobs).toEqual([]);
  });

  it('leftover temporary files of an interrupted write are never listed or read as entries', async () => {
    const store = new FileStore(root, 'interrupted');
    await store.set('kept', 'x', { onlyIfNew: true, metadata: {} });
    await writeFile(join(root, 'interrupted', '.tmp-deadbeef'), 'half a wr');
    expect((await store.list()).blobs).toEqual([{ key: 'kept' }]);
  });

  it('tightens a store folder others could read', async () => {
    const store = new FileStore(root, 'loose');
    await store.set('k', 'x', { metadata: {} });
    const { chmod } = await import('node:fs/promises');
    await chmod(join(root, 'loose'), 0o755);
    await new FileStore(root, 'loose').set('k2', 'y', { metadata: {} });
    expect((await stat(join(root, 'loose'))).mode & 0o777).toBe(0o700);
  });

  it('create-if-absent is atomic across processes: 4 processes × 25 writers of one key, one winner', async () => {
    const key = 'race-across-processes';
    // Each process loads the store, says "ready", and writes only once all of them are told "go".
    const script = `
      import { FileStore } from ${JSON.stringify(join(process.cwd(), 'src/server/stores/file.ts'))};
      const store = new FileStore(process.env.STORE_ROOT, 'race');
      process.stdout.write('ready\\n');
      await new Promise((go) => process.stdin.once('data', go));
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) =>
        store.set(${JSON.stringify(key)}, process.pid + ':' + i, { onlyIfNew: true, metadata: { pid: process.pid, i } })));
      const won = results.flatMap((r, i) => r.modified ? [process.pid + ':' + i] : []);
      process.stdout.write(JSON.stringify(won));
      process.stdin.destroy();
    `;
    const children = Array.from({ length: 4 }, () =>
      spawn('node_modules/.bin/tsx', ['--input-type=module', '-e', script], {
        env: { ...process.env, STORE_ROOT: root },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const outputs = children.map((child) => {
      let out = '';
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.startsWith('ready\n')) ready();
      });
      const done = new Promise<string[]>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0
            ? resolve(JSON.parse(out.slice('ready\n'.length)) as string[])
            : reject(new Error(`writer exited ${code}`)),
        );
      });
      return { isReady, done };
    });
    await Promise.all(outputs.map((o) => o.isReady));
    for (const child of children) child.stdin.write('go\n');
    const winners = (await Promise.all(outputs.map((o) => o.done))).flat();
    expect(winners).toHaveLength(1);
    const stored = await new FileStore(root, 'race').get(key, { type: 'text' });
    expect(stored).toBe(winners[0]);
    expect((await readdir(join(root, 'race'))).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });
});
