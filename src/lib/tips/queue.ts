/**
 * The tip queue in Netlify Blobs — the contract between the tip function and the office tools.
 *
 * Store `tips` (site-wide store, read and written with strong consistency)
 *   key       the submission id: a lowercase UUID chosen by the browser, e.g.
 *             `3f0c2a5e-8d7b-4c1e-9a4f-2b6d8e1c0a97`. One key per tip.
 *   value     the tip exactly as encrypted in the browser: a binary age v1 file
 *             (armored submissions are stored de-armored). `age -d -i KEY FILE` opens it;
 *             inside is the JSON of a `Tip` (src/schemas/tip.ts), version 1.
 *   metadata  `TipMetadata` below: { v: 1, received: 'YYYY-MM-DD' (China time, the day only),
 *             size: bytes of the value, sha256: hex of the value }.
 *   Written once with `onlyIfNew`; never overwritten by the function. A second write of the
 *   same key is accepted only when the bytes are identical (an idempotent retry).
 *
 * Store `tip-challenges`: the replay guard for proof-of-work, see spent-challenges.ts. It
 * holds the day, never the time, and its records are deleted once their challenge expired.
 *
 * Never stored anywhere: IP address, user agent, any other request header, the time of day.
 */
import { chinaDay } from '../../schemas/common';
import { sha256Hex } from '../bytes';

export const TIPS_STORE = 'tips';
const QUEUE_VERSION = 1;

export interface TipMetadata {
  v: typeof QUEUE_VERSION;
  /** Day received, China time: YYYY-MM-DD. */
  received: string;
  size: number;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Queue key of a submission (UUIDs are compared lowercase). */
export function tipKey(submissionId: string): string {
  const key = submissionId.toLowerCase();
  if (!UUID.test(key)) throw new Error('not a submission id');
  return key;
}

export const isTipKey = (key: string): boolean => UUID.test(key);

export async function tipMetadata(bytes: Uint8Array, now: Date): Promise<TipMetadata> {
  return { v: QUEUE_VERSION, received: chinaDay(now), size: bytes.length, sha256: await sha256Hex(bytes) };
}

/** Reads metadata written by the function; undefined for anything else. */
export function parseTipMetadata(value: unknown): TipMetadata | undefined {
  const m = value as Partial<TipMetadata> | null | undefined;
  if (
    m?.v === QUEUE_VERSION &&
    typeof m.received === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(m.received) &&
    typeof m.size === 'number' &&
    typeof m.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(m.sha256)
  ) {
    return { v: m.v, received: m.received, size: m.size, sha256: m.sha256 };
  }
  return undefined;
}

/**
 * The part of a Netlify Blobs `Store` the queue uses. Declared here so this library
 * stays free of platform imports; `getStore(...)` from @netlify/blobs satisfies it.
 */
export interface QueueStore {
  getWithMetadata(
    key: string,
    options: { type: 'arrayBuffer'; consistency?: 'strong' | 'eventual' },
  ): Promise<{ data: ArrayBuffer; metadata: Record<string, unknown> } | null>;
  get(key: string, options: { type: 'text'; consistency?: 'strong' | 'eventual' }): Promise<string | null>;
  set(
    key: string,
    data: Blob | string,
    options: { onlyIfNew: true; metadata: Record<string, unknown> },
  ): Promise<{ modified: boolean }>;
}
