/**
 * Does this store really create-if-absent? An S3-compatible server that ignores
 * `If-None-Match: *` accepts the second write of a key as an overwrite, and then two attempts of
 * one submission could both "win" and a retry could replace a tip. The production server asks
 * once at start-up, with a throw-away key in a store of its own, and refuses to run on a store that
 * overwrote.
 */
import { randomUUID } from 'node:crypto';
import type { QueueStore } from '../../lib/tips/queue';

export const PROBE_STORE = 'tip-store-probe';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

export async function probeConditionalCreate(store: QueueStore): Promise<ProbeResult> {
  const key = `probe-${randomUUID()}`;
  try {
    const first = await store.set(key, 'first', { onlyIfNew: true, metadata: {} });
    if (!first.modified) return { ok: false, reason: 'a new key was not created' };
    const second = await store.set(key, 'second', { onlyIfNew: true, metadata: {} });
    const kept = await store.get(key, { type: 'text' });
    if (second.modified || kept !== 'first') {
      return { ok: false, reason: 'a conditional create (If-None-Match: *) overwrote an existing key' };
    }
    return { ok: true };
  } finally {
    await store.delete(key).catch(() => {});
  }
}
