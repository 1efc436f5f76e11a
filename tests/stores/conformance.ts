/**
 * The store conformance suite: what every queue store (src/lib/tips/queue.ts `QueueStore`) must
 * do, run against each of them — the file store on a temporary folder, the S3 store against a
 * real S3 HTTP server, Netlify Blobs against its local server. Two layers:
 *
 *   1. the store itself: create-if-absent under 50 concurrent writers of one key, an identical
 *      retry, a conflicting write, overwrite, listing, metadata, reading back every byte,
 *      delete, and a second handle (another process would open one) seeing the same entries;
 *   2. the real tip function (netlify/functions/tips.mts) with `TIP_STORE` pointing at the
 *      store: a tip queued, an identical retry answered the same, a conflict refused, a replayed
 *      challenge refused, the sweep, and no time of day in any stored byte, name or metadata;
 *   3. `tips archive` (its core, on this store): once a tip is archived, none of its bytes, its key
 *      or its digest is left in any store's values, metadata, names or files on disk.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import { POW_TTL_SECONDS } from '../../src/lib/tips/pow';
import { parseTipMetadata, TIPS_STORE, type QueueStore } from '../../src/lib/tips/queue';
import { CHALLENGES_STORE, sweepSpentChallenges } from '../../src/lib/tips/spent-challenges';
import { closeTipStores, openTipStore } from '../../src/server/stores/select';
import { archiveQueue } from '../../src/cli/office/archive';
import { loadSite } from '../../src/cli/office/files';
import { TRIAGE_STORE } from '../../src/lib/tip-handling/triage';
import { ARCHIVED_STORE } from '../../src/lib/tips/retention';
import { DIGEST_STORE } from '../../src/lib/tips/digest';
import { chinaDay } from '../../src/schemas/common';
import { developmentIdentity, makeEnvelope, post, TEST_HMAC_KEY } from '../functions/support/tip-line';
import { findTimeOfDay, windowAround } from '../functions/support/time-of-day';

export interface StoreUnderTest {
  /** A store of this name, as a fresh handle (the way another process would open it). */
  open(name: string): Promise<QueueStore>;
  /** Environment that makes `openTipStore` (the tip function, the office CLI) use this store. */
  env: Record<string, string>;
  /** Every byte the store keeps for these store names — values, metadata, names — where it can be read. */
  dump(names: string[]): Promise<[string, Uint8Array][]>;
  /** Every file the store's server keeps on disk, recursively, whatever its API lists. */
  everything(): Promise<[string, Uint8Array][]>;
  stop(): Promise<void>;
}

export interface ConformanceOptions {
  /**
   * Whether this server makes create-if-absent atomic. When false the 50-writer test is skipped
   * with this reason, and the suite says so.
   */
  atomicCreate: true | { reason: string };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const u8 = (buffer: ArrayBuffer | null) => (buffer ? new Uint8Array(buffer) : null);

/** Every byte value, and more than one read buffer's worth (the file store reads headers in 16 kB pieces). */
function binaryValue(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + (i >> 8)) & 0xff;
  out[0] = 0x0a; // a newline first: nothing may take the value for a header line
  return out;
}

export function storeConformance(
  label: string,
  setup: () => Promise<StoreUnderTest>,
  options: ConformanceOptions,
): void {
  describe(`${label}: the queue store contract`, () => {
    let sut: StoreUnderTest;
    let store: QueueStore;
    const name = `conformance-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sut = await setup();
      store = await sut.open(name);
    });
    afterAll(async () => {
      await closeTipStores();
      await sut.stop();
    });

    // A store whose create-if-absent is atomic must hold it under 50 concurrent writers. One that is
    // check-then-write (the local Blobs server; Netlify's own store is atomic) is held to what it can
    // promise: 50 writers one after another, each refused once the first has written.
    const atomic = options.atomicCreate === true;
    const notAtomicBecause = options.atomicCreate === true ? '' : options.atomicCreate.reason;
    it(
      atomic
        ? 'create-if-absent: of 50 concurrent writers of one key exactly one wins, and its bytes and metadata are kept'
        : `create-if-absent: of 50 writers of one key in turn only the first wins (not concurrent: ${notAtomicBecause})`,
      async () => {
        const key = randomUUID();
        const write = (i: number) =>
          store.set(key, bytesOf(`writer ${i}`).buffer, { onlyIfNew: true, metadata: { writer: i } });
        const writers = Array.from({ length: 50 }, (_, i) => i);
        const results = atomic
          ? await Promise.all(writers.map(write))
          : await writers.reduce<Promise<{ modified: boolean }[]>>(
              async (done, i) => [...(await done), await write(i)],
              Promise.resolve([]),
            );
        const winners = results.flatMap((r, i) => (r.modified ? [i] : []));
        expect(winners).toHaveLength(1);
        if (!atomic) expect(winners).toEqual([0]);
        const entry = await store.getWithMetadata(key, { type: 'arrayBuffer', consistency: 'strong' });
        expect(new TextDecoder().decode(entry!.data)).toBe(`writer ${winners[0]}`);
        expect(entry!.metadata).toEqual({ writer: winners[0] });
        expect((await store.list()).blobs.filter((b) => b.key === key)).toHaveLength(1);
      },
    );

    it('an identical retry of a create-if-absent changes nothing and says so', async () => {
      const key = randomUUID();
      const value = bytesOf('同一条举报');
      expect(await store.set(key, new Blob([value]), { onlyIfNew: true, metadata: { v: 1 } })).toEqual(
        expect.objectContaining({ modified: true }),
      );
      expect(await store.set(key, new Blob([value]), { onlyIfNew: true, metadata: { v: 1 } })).toEqual(
        expect.objectContaining({ modified: false }),
      );
      expect(u8(await store.get(key, { type: 'arrayBuffer' }))).toEqual(value);
    });

    it('a conflicting create-if-absent keeps the first value and its metadata', async () => {
      const key = randomUUID();
      await store.set(key, 'first', { onlyIfNew: true, metadata: { which: 'first' } });
      const second = await store.set(key, 'second', { onlyIfNew: true, metadata: { which: 'second' } });
      expect(second.modified).toBe(false);
      expect(await store.get(key, { type: 'text' })).toBe('first');
      expect((await store.getMetadata(key))?.metadata).toEqual({ which: 'first' });
    });

    it('a plain write overwrites value and metadata', async () => {
      const key = randomUUID();
      await store.set(key, 'old', { metadata: { n: 1 } });
      expect((await store.set(key, 'new', { metadata: { n: 2 } })).modified).toBe(true);
      expect(await store.get(key, { type: 'text' })).toBe('new');
      expect((await store.getMetadata(key))?.metadata).toEqual({ n: 2 });
    });

    it('reads back every byte, as bytes, text and JSON, with metadata exactly as written', async () => {
      const key = randomUUID();
      const value = binaryValue(300_000);
      const metadata = { v: 1, received: '2026-03-14', size: value.length, sha256: 'ab'.repeat(32), note: '南庄村' };
      await store.set(key, value.buffer as ArrayBuffer, { onlyIfNew: true, metadata });
      expect(u8(await store.get(key, { type: 'arrayBuffer', consistency: 'strong' }))).toEqual(value);
      const entry = await store.getWithMetadata(key, { type: 'arrayBuffer', consistency: 'strong' });
      expect(new Uint8Array(entry!.data)).toEqual(value);
      expect(entry!.metadata).toEqual(metadata);
      expect((await store.getMetadata(key, { consistency: 'strong' }))?.metadata).toEqual(metadata);

      await store.setJSON('c-0123456789abcdef', { status: '核查中', updated: '2026-03-14' });
      expect(await store.get('c-0123456789abcdef', { type: 'json' })).toEqual({
        status: '核查中',
        updated: '2026-03-14',
      });
      expect(await store.get('c-0123456789abcdef', { type: 'text' })).toBe(
        '{"status":"核查中","updated":"2026-03-14"}',
      );
      const empty = randomUUID();
      await store.set(empty, '', { metadata: {} });
      expect(await store.get(empty, { type: 'text' })).toBe('');
      expect((await store.getMetadata(empty))?.metadata).toEqual({});
    });

    it('a missing key reads as null everywhere', async () => {
      const key = randomUUID();
      expect(await store.get(key, { type: 'arrayBuffer' })).toBeNull();
      expect(await store.get(key, { type: 'text' })).toBeNull();
      expect(await store.getWithMetadata(key, { type: 'arrayBuffer' })).toBeNull();
      expect(await store.getMetadata(key)).toBeNull();
    });

    it('lists exactly the keys written, in one store only', async () => {
      const own = await sut.open(`${name}-list`);
      const other = await sut.open(`${name}-other`);
      const keys = Array.from({ length: 12 }, () => randomUUID());
      await Promise.all(keys.map((k) => own.set(k, k, { onlyIfNew: true, metadata: {} })));
      await other.set(randomUUID(), 'elsewhere', { metadata: {} });
      expect((await own.list()).blobs.map((b) => b.key).sort()).toEqual([...keys].sort());
    });

    it('deletes: the entry is gone from reads and listing; deleting a missing key is not an error', async () => {
      const key = randomUUID();
      await store.set(key, 'x', { onlyIfNew: true, metadata: {} });
      await store.delete(key);
      expect(await store.get(key, { type: 'text' })).toBeNull();
      expect(await store.getMetadata(key)).toBeNull();
      expect((await store.list()).blobs.map((b) => b.key)).not.toContain(key);
      await expect(store.delete(key)).resolves.toBeUndefined();
      // …and the key can be created again.
      expect((await store.set(key, 'y', { onlyIfNew: true, metadata: {} })).modified).toBe(true);
    });

    it('another handle on the same store sees the same entries and the same create-if-absent', async () => {
      const key = randomUUID();
      await store.set(key, 'from the first handle', { onlyIfNew: true, metadata: { h: 1 } });
      const second = await sut.open(name);
      expect(await second.get(key, { type: 'text' })).toBe('from the first handle');
      expect((await second.set(key, 'from the second', { onlyIfNew: true, metadata: { h: 2 } })).modified).toBe(false);
      expect((await second.list()).blobs.map((b) => b.key)).toContain(key);
    });
  });

  describe(`${label}: the tip function and the sweep on this store`, () => {
    let sut: StoreUnderTest;
    const saved: Record<string, string | undefined> = {};

    beforeAll(async () => {
      sut = await setup();
      for (const [key, value] of Object.entries({ ...sut.env, TIP_POW_HMAC_KEY: TEST_HMAC_KEY })) {
        saved[key] = process.env[key];
        process.env[key] = value;
      }
    });
    afterAll(async () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await closeTipStores();
      await sut.stop();
    });

    const submit = async (body: object) => {
      const res = await tipsHandler(post(body));
      return { status: res.status, body: (await res.json()) as { code?: string; received?: string } };
    };

    it('queues a tip; an identical retry gets the same success; a different body under its id gets 409', async () => {
      const envelope = await makeEnvelope();
      const first = await submit(envelope);
      expect(first.status).toBe(201);
      const retries = await Promise.all([submit(envelope), submit(envelope), submit(envelope)]);
      expect(retries.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set([first, ...retries].map((r) => JSON.stringify(r.body))).size).toBe(1);

      const tips = await openTipStore(TIPS_STORE);
      const entry = await tips.getWithMetadata(envelope.submissionId, { type: 'arrayBuffer', consistency: 'strong' });
      const stored = new Uint8Array(entry!.data);
      expect(Buffer.from(stored.subarray(0, 22)).toString('latin1')).toBe('age-encryption.org/v1\n');
      expect(parseTipMetadata(entry!.metadata)?.size).toBe(stored.length);

      const other = await makeEnvelope({ submissionId: envelope.submissionId });
      expect(await submit(other)).toMatchObject({ status: 409, body: { code: 'submission_conflict' } });
      expect(new Uint8Array((await tips.get(envelope.submissionId, { type: 'arrayBuffer' }))!)).toEqual(stored);
    });

    it('refuses a replayed proof of work', async () => {
      const first = await makeEnvelope();
      expect((await submit(first)).status).toBe(201);
      const replay = { ...(await makeEnvelope()), pow: first.pow };
      expect(await submit(replay)).toMatchObject({ status: 400, body: { code: 'challenge_used' } });
    });

    it('20 concurrent distinct tips: all queued, none twice', async () => {
      const tips = await openTipStore(TIPS_STORE);
      const before = (await tips.list()).blobs.length;
      const envelopes = await Promise.all(Array.from({ length: 20 }, () => makeEnvelope()));
      const results = await Promise.all(envelopes.map(submit));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const keys = (await tips.list()).blobs.map((b) => b.key);
      expect(keys).toHaveLength(before + 20);
      for (const e of envelopes) expect(keys).toContain(e.submissionId);
    });

    it('keeps the day a tip came and never its time of day, in any value, metadata or name', async () => {
      // The instant is now, held still: S3 requests are signed with the time, and a server refuses
      // a signature far from its own clock (and tells the SDK the real time).
      const submitted = new Date();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(submitted);
      try {
        const probeStores = [TIPS_STORE, CHALLENGES_STORE];
        const before = new Set((await sut.dump(probeStores)).map(([where]) => where));
        expect((await submit(await makeEnvelope())).status).toBe(201);
        const written = (await sut.dump(probeStores)).filter(([where]) => !before.has(where));
        expect(written.length).toBeGreaterThan(0);
        const window = windowAround(submitted, 60, POW_TTL_SECONDS + 120);
        expect(written.flatMap(([where, bytes]) => findTimeOfDay(bytes, window, where))).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
    });

    it('the sweep deletes expired spent challenges and keeps current ones', async () => {
      const challenges = await openTipStore(CHALLENGES_STORE);
      await challenges.set('c-00000000000000000000', 'x', { metadata: { v: 2, day: '2025-01-01' } });
      const result = await sweepSpentChallenges(challenges);
      expect(result.deleted).toBeGreaterThanOrEqual(1);
      expect(result.kept).toBeGreaterThanOrEqual(1);
      expect(await challenges.getMetadata('c-00000000000000000000')).toBeNull();
    });
    it("archiving leaves none of an archived tip's bytes, its key or its digest anywhere the store keeps data", async () => {
      const envelope = await makeEnvelope();
      expect((await submit(envelope)).status).toBe(201);
      const id = envelope.submissionId;
      const stores = {
        tips: await openTipStore(TIPS_STORE),
        triage: await openTipStore(TRIAGE_STORE),
        archived: await openTipStore(ARCHIVED_STORE),
        challenges: await openTipStore(CHALLENGES_STORE),
      };
      const stored = new Uint8Array((await stores.tips.get(id, { type: 'arrayBuffer' }))!);
      await stores.triage.setJSON(id, { v: 1, status: '核查中', updated: chinaDay(new Date()) });
      const needles: [string, Uint8Array][] = [
        ['the first bytes of the body', stored.subarray(100, 132)],
        ['the last bytes', stored.subarray(stored.length - 32)],
        ['the key', bytesOf(id)],
        ['its SHA-256', bytesOf(createHash('sha256').update(stored).digest('hex'))],
      ];
      // Before archiving, the scan finds them: it can fail.
      const before = [...(await sut.dump([TIPS_STORE])), ...(await sut.everything())];
      for (const [, needle] of needles) expect(before.some(([, b]) => Buffer.from(b).includes(needle))).toBe(true);

      const dir = await mkdtemp(join(tmpdir(), 'archive-scan-'));
      try {
        const result = await archiveQueue(stores, {
          dir,
          identities: [await developmentIdentity()],
          villages: loadSite('content').villages.map((v) => v.name),
          keepDays: 0,
          today: chinaDay(new Date()),
        });
        expect(result.manifest.items.find((i) => i.id === id)?.store).toBe('deleted');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const all = [TIPS_STORE, TRIAGE_STORE, ARCHIVED_STORE, CHALLENGES_STORE, DIGEST_STORE];
      const after = [...(await sut.dump(all)), ...(await sut.everything())];
      expect(after.length).toBeGreaterThan(0);
      const found = after.flatMap(([where, bytes]) =>
        needles.filter(([, needle]) => Buffer.from(bytes).includes(needle)).map(([what]) => `${what} in ${where}`),
      );
      expect(found).toEqual([]);
    });
  });
}
