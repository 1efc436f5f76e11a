/**
 * The retention rules (lib/tips/retention.ts) on a real store (the file store on a temporary
 * folder): archived items go when their kept days are over; never-archived items past the
 * ceiling are only counted, unless the setting says to delete them; the digest warns of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestText, tipDigest } from '../../../src/lib/tips/digest';
import {
  addDays,
  archivedMarker,
  countUnarchivedPastCeiling,
  pastCeiling,
  receivedWithin,
  sweepRetention,
  type RetentionStores,
} from '../../../src/lib/tips/retention';
import { FORGOTTEN_SPENDER } from '../../../src/lib/tips/spent-challenges';
import { FileStore } from '../../../src/server/stores/file';
import type { QueueStore } from '../../../src/lib/tips/queue';

// 2026-05-20 12:00 in China.
const NOW = new Date('2026-05-20T04:00:00Z');
const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let root: string;
let stores: Required<RetentionStores>;

async function queue(n: number, received: string) {
  await stores.tips.set(key(n), `ciphertext ${n}`, {
    metadata: { v: 1, received, size: 12, sha256: 'a'.repeat(64) },
  });
  await stores.triage.setJSON(key(n), { status: '核查中' });
}

const keys = async (store: QueueStore) => (await store.list()).blobs.map((b) => b.key).sort();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'retention-'));
  stores = {
    tips: new FileStore(root, 'tips'),
    triage: new FileStore(root, 'tip-triage'),
    archived: new FileStore(root, 'tip-archived'),
    challenges: new FileStore(root, 'tip-challenges'),
  };
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('days', () => {
  it('--keep-days counts today as one of the days; the ceiling is strictly older', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(receivedWithin('2026-05-20', 1, '2026-05-20')).toBe(true);
    expect(receivedWithin('2026-05-19', 1, '2026-05-20')).toBe(false);
    expect(receivedWithin('2026-05-19', 2, '2026-05-20')).toBe(true);
    expect(receivedWithin('2026-05-20', 0, '2026-05-20')).toBe(false);
    expect(pastCeiling('2026-02-18', 90, '2026-05-20')).toBe(true);
    expect(pastCeiling('2026-02-19', 90, '2026-05-20')).toBe(false); // 90 days: not yet
    expect(pastCeiling(undefined, 90, '2026-05-20')).toBe(false);
  });
});

describe('sweepRetention', () => {
  it('deletes archived items after their kept days, with triage record, marker and the spender it names', async () => {
    await queue(1, '2026-05-18');
    await queue(2, '2026-05-19');
    await stores.archived.setJSON(key(1), archivedMarker('2026-05-18', '2026-05-19'));
    await stores.archived.setJSON(key(2), archivedMarker('2026-05-19', '2026-05-20'));
    await stores.challenges.set('c-0123456789abcdef', key(1), { metadata: { v: 2, day: '2026-05-18' } });
    const result = await sweepRetention(stores, undefined, NOW);
    expect(result).toEqual({ deletedArchived: 1, deletedUnarchived: 0, overdueUnarchived: 0 });
    expect(await keys(stores.tips)).toEqual([key(2)]);
    expect(await keys(stores.triage)).toEqual([key(2)]);
    expect(await keys(stores.archived)).toEqual([key(2)]);
    expect(await stores.challenges.get('c-0123456789abcdef', { type: 'text' })).toBe(FORGOTTEN_SPENDER);
  });

  it('never deletes a never-archived item unless the setting says so; counts those past the ceiling', async () => {
    await queue(1, '2026-01-10'); // past 90 days
    await queue(2, '2026-05-01');
    await queue(3, '2026-01-11');
    await stores.archived.setJSON(key(3), archivedMarker('2026-05-19', '2026-05-25')); // archived, kept
    const counted = await sweepRetention(stores, { unarchivedMaxDays: 90, deleteUnarchived: false }, NOW);
    expect(counted).toEqual({ deletedArchived: 0, deletedUnarchived: 0, overdueUnarchived: 1 });
    expect(await keys(stores.tips)).toEqual([key(1), key(2), key(3)]);
    expect(await countUnarchivedPastCeiling(stores, 90, NOW)).toBe(1);

    const deleted = await sweepRetention(stores, { unarchivedMaxDays: 90, deleteUnarchived: true }, NOW);
    expect(deleted).toEqual({ deletedArchived: 0, deletedUnarchived: 1, overdueUnarchived: 0 });
    expect(await keys(stores.tips)).toEqual([key(2), key(3)]);
    expect(await keys(stores.triage)).toEqual([key(2), key(3)]);
  });
});

describe('the digest warns of tips waiting unarchived past the ceiling', () => {
  it('says how many and how old, only counts', () => {
    const text = digestText('2026-05-19', 2, NOW, 'docs', undefined, { count: 3, maxDays: 90 });
    expect(text).toContain('另有 3 条在网站上已超过 90 天仍未归档');
    expect(digestText('2026-05-19', 2, NOW, 'docs', undefined, { count: 0, maxDays: 90 })).not.toContain('归档');
  });

  it('speaks on a day without tips when some wait past the ceiling, and not otherwise', async () => {
    await queue(1, '2026-01-10');
    const quiet = await tipDigest(stores.tips, { now: NOW });
    expect(quiet.text).toBeUndefined();
    const warned = await tipDigest(stores.tips, { now: NOW, unarchived: { count: 1, maxDays: 90 } });
    expect(warned.text).toContain('另有 1 条在网站上已超过 90 天仍未归档');
  });
});
