/**
 * The proof-of-work replay guard: store `tip-challenges`, one record per spent challenge.
 *
 *   key       `c-` + the challenge's HMAC signature (hex), written with `onlyIfNew` before
 *             the tip is queued, so a challenge buys one tip.
 *   value     the submission id that spent it, so a retry of that same submission passes;
 *             `archived` once the office archived that submission and deleted it from the
 *             queue (`forgetSpenders`), so the store keeps no trace of its key.
 *   metadata  `{ v: 2, day: 'YYYY-MM-DD' }`: the day (China time) it was spent, which is the
 *             day its tip was received — nothing the tip's own metadata does not already say.
 *
 * Why no expiry: the challenge's expiry is its issue time plus a fixed 15 minutes, so storing
 * it (as version 1 did, in Unix seconds) told anyone who can read the store each tip's time of
 * day to the second. The record only has to outlive its challenge; the day is enough to know
 * when that has happened (`isSweepable`), and `sweepSpentChallenges` then deletes it.
 */
import { chinaDay } from '../../schemas/common';
import { MAX_CHALLENGE_LIFETIME_MS } from './pow';
import type { QueueStore } from './queue';

export const CHALLENGES_STORE = 'tip-challenges';
const SPENT_CHALLENGE_VERSION = 2;

export interface SpentChallenge {
  v: typeof SPENT_CHALLENGE_VERSION;
  /** Day spent, China time: YYYY-MM-DD. */
  day: string;
}

/** Replay-guard key of a challenge. */
export function challengeKey(signature: string): string {
  if (!/^[0-9a-f]{16,256}$/.test(signature)) throw new Error('not a challenge signature');
  return `c-${signature}`;
}

export const spentChallenge = (now: Date): SpentChallenge => ({ v: SPENT_CHALLENGE_VERSION, day: chinaDay(now) });

/**
 * A record may go once its challenge can no longer pass the expiry check. A challenge spent on
 * day D expired at most MAX_CHALLENGE_LIFETIME after the end of D, so: once the China day of
 * (now − that lifetime) is later than D. Version 1 records carry their expiry and go once it
 * has passed; records this code cannot read go too (they protect nothing it could check).
 */
export function isSweepable(metadata: Record<string, unknown> | undefined, now: Date): boolean {
  if (metadata?.v === SPENT_CHALLENGE_VERSION && typeof metadata.day === 'string') {
    return metadata.day < chinaDay(new Date(now.getTime() - MAX_CHALLENGE_LIFETIME_MS));
  }
  if (metadata?.v === 1 && typeof metadata.expires === 'number') return metadata.expires * 1000 < now.getTime();
  return true;
}

/** The part of the queue's store interface the sweep uses. */
export type SweepableStore = Pick<QueueStore, 'list' | 'getMetadata' | 'delete'>;

export interface SweepResult {
  deleted: number;
  kept: number;
}

/** Deletes every spent-challenge record whose challenge has expired. Safe to run at any time, concurrently. */
export async function sweepSpentChallenges(store: SweepableStore, now: Date = new Date()): Promise<SweepResult> {
  const result: SweepResult = { deleted: 0, kept: 0 };
  for (const { key } of (await store.list()).blobs) {
    const entry = await store.getMetadata(key, { consistency: 'strong' });
    if (!entry) continue; // deleted meanwhile by another sweep
    if (!isSweepable(entry.metadata, now)) {
      result.kept++;
      continue;
    }
    await store.delete(key);
    result.deleted++;
  }
  return result;
}

/** The value a spent-challenge record keeps once its submission left the queue. */
export const FORGOTTEN_SPENDER = 'archived';

/**
 * Rewrites the records spent by the submissions `keys` (archived and deleted from the queue) so
 * they no longer name them; each still guards its challenge until the sweep deletes it. A retry
 * of such a submission then gets a fresh challenge and queues the tip again — a copy the office
 * already has, never a loss. Returns how many records were rewritten.
 */
export async function forgetSpenders(store: QueueStore, keys: ReadonlySet<string>): Promise<number> {
  if (!keys.size) return 0;
  let forgotten = 0;
  for (const { key } of (await store.list()).blobs) {
    const spender = await store.get(key, { type: 'text', consistency: 'strong' });
    if (spender === null || !keys.has(spender)) continue;
    const entry = await store.getMetadata(key, { consistency: 'strong' });
    await store.set(key, FORGOTTEN_SPENDER, { metadata: entry?.metadata ?? {} });
    forgotten++;
  }
  return forgotten;
}
