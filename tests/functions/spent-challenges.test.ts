import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { getStore } from '@netlify/blobs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import sweepHandler from '../../netlify/functions/sweep-challenges.mts';
import { POW_TTL_SECONDS } from '../../src/lib/tips/pow';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { CHALLENGES_STORE } from '../../src/lib/tips/spent-challenges';
import { count, makeEnvelope, post, useTipLine, type BlobsFixture } from './support/tip-line';
import { findTimeOfDay, windowAround } from './support/time-of-day';

const blobs = useTipLine();

/** 13:47:29.613 in China: a time of day that no stored byte may give away. */
const SUBMITTED = new Date('2026-03-14T05:47:29.613Z');
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(SUBMITTED);
});
afterEach(() => vi.useRealTimers());

async function submit(envelope?: Awaited<ReturnType<typeof makeEnvelope>>) {
  const res = await tipsHandler(post(envelope ?? (await makeEnvelope())));
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

/** Every byte the Blobs server keeps on disk (entries and metadata files, and their names) … */
async function filesOnDisk(fixture: BlobsFixture): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const entry of await readdir(fixture.directory, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(fixture.directory, path);
    out.push([`name ${name}`, Buffer.from(name)]);
    if (entry.isFile()) out.push([name, await readFile(path)]);
  }
  return out;
}

/** … and every key, value and metadata of every store, as the Blobs API returns them. */
async function entriesThroughApi(names: string[]): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const name of names) {
    const store = getStore({ name, consistency: 'strong' });
    for (const { key } of (await store.list()).blobs) {
      const entry = await store.getWithMetadata(key, { type: 'arrayBuffer' });
      out.push([`${name}/${key} key`, Buffer.from(key)]);
      out.push([`${name}/${key}`, new Uint8Array(entry.data)]);
      out.push([`${name}/${key} metadata`, Buffer.from(JSON.stringify(entry.metadata))]);
    }
  }
  return out;
}

describe('the stores keep the day a tip came, never its time', () => {
  // From a minute before the submission to well past the challenge's expiry.
  const window = windowAround(SUBMITTED, 60, POW_TTL_SECONDS + 120);

  it('finds no time of day in any stored byte after tips, a retry and a spent challenge', async () => {
    const retried = await makeEnvelope();
    expect((await submit(retried)).status).toBe(201);
    expect((await submit(retried)).status).toBe(201);
    expect((await submit()).status).toBe(201);
    expect(await count(blobs.challenges)).toBeGreaterThanOrEqual(2);

    const stored = [...(await filesOnDisk(blobs)), ...(await entriesThroughApi([TIPS_STORE, CHALLENGES_STORE]))];
    expect(stored.length).toBeGreaterThan(10);
    const hits = stored.flatMap(([where, bytes]) => findTimeOfDay(bytes, window, where));
    expect(hits).toEqual([]);
  });

  it('the search does find a time of day where one is stored (Unix seconds, hex, clock time, base64)', async () => {
    const seconds = Math.floor(SUBMITTED.getTime() / 1000) + POW_TTL_SECONDS;
    const leaky = getStore({ name: 'leaky-example', consistency: 'strong' });
    await leaky.set('a', 'x', { metadata: { v: 1, expires: seconds } });
    await leaky.set('b', `spent ${seconds.toString(16)}`);
    await leaky.set('c', '收到时间 13:47');
    await leaky.set('d', Buffer.from(`{"at":${SUBMITTED.getTime()}}`).toString('base64'));
    const stored = await entriesThroughApi(['leaky-example']);
    const found = new Set(
      stored.filter(([where, bytes]) => findTimeOfDay(bytes, window, where).length).map(([w]) => w),
    );
    expect([...found].sort()).toEqual([
      'leaky-example/a metadata',
      'leaky-example/b',
      'leaky-example/c',
      'leaky-example/d',
    ]);
    for (const { key } of (await leaky.list()).blobs) await leaky.delete(key);
  });
});

describe('spent challenges are deleted once their challenge has expired', () => {
  const sweep = async () => (await sweepHandler()).status;

  it('the hourly function keeps records whose challenge may still be valid and deletes the rest', async () => {
    await blobs.challenges.set('c-0000000000000000aa', 'x', {
      metadata: { v: 1, expires: SUBMITTED.getTime() / 1000 - 1 },
    });
    await blobs.challenges.set('c-0000000000000000bb', 'x', {
      metadata: { v: 1, expires: SUBMITTED.getTime() / 1000 + 600 },
    });
    await blobs.challenges.set('c-0000000000000000cc', 'x', { metadata: { something: 'else' } });
    const envelope = await makeEnvelope();
    expect((await submit(envelope)).status).toBe(201);
    const spent = `c-${envelope.pow.challenge.signature}`;

    expect(await sweep()).toBe(204);
    const left = async () => (await blobs.challenges.list()).blobs.map((b) => b.key);
    expect(await left()).toContain(spent);
    expect(await left()).toContain('c-0000000000000000bb');
    expect(await left()).not.toContain('c-0000000000000000aa');
    expect(await left()).not.toContain('c-0000000000000000cc');

    // The challenge is still valid: a replay under a new submission id is refused.
    expect((await submit({ ...envelope, submissionId: crypto.randomUUID() })).body.code).toBe('challenge_used');

    // A day later everything is gone, and the replay is refused as expired.
    vi.setSystemTime(new Date(SUBMITTED.getTime() + DAY));
    expect(await sweep()).toBe(204);
    expect(await left()).toEqual([]);
    expect((await submit({ ...envelope, submissionId: crypto.randomUUID() })).body.code).toBe('challenge_expired');
  });

  it('a tip a minute before midnight keeps its record until its challenge has expired the next day', async () => {
    vi.setSystemTime(new Date('2026-03-14T15:59:00Z')); // 23:59 in China
    const envelope = await makeEnvelope();
    expect((await submit(envelope)).status).toBe(201);
    const spent = `c-${envelope.pow.challenge.signature}`;
    vi.setSystemTime(new Date('2026-03-14T16:10:00Z')); // 00:10 the next day: the challenge is still valid
    await sweep();
    expect((await blobs.challenges.list()).blobs.map((b) => b.key)).toContain(spent);
    expect((await submit({ ...envelope, submissionId: crypto.randomUUID() })).body.code).toBe('challenge_used');
    vi.setSystemTime(new Date('2026-03-14T16:16:01Z')); // past the longest lifetime a challenge may claim
    await sweep();
    expect((await blobs.challenges.list()).blobs.map((b) => b.key)).not.toContain(spent);
  });
});
