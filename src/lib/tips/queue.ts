/**
 * The tip queue — the contract between the tip function and the office tools. It lives in
 * Netlify Blobs on Netlify, or in a directory or an S3 bucket on a self-hosted server
 * (`TIP_STORE`, see src/server/stores/select.ts); all three are a `QueueStore` (below).
 *
 * Store `tips` (site-wide store, read and written with strong consistency)
 *   key       the submission id: a lowercase UUID chosen by the browser, e.g.
 *             `3f0c2a5e-8d7b-4c1e-9a4f-2b6d8e1c0a97`. One key per tip.
 *   value     the tip exactly as encrypted in the browser: a binary age v1 file
 *             (armored submissions are stored de-armored). `age -d -i KEY FILE` opens it;
 *             inside is the JSON of a `Tip` (src/schemas/tip.ts): version 2 (with the
 *             informant's reply key), or version 1 if queued before replies existed; or of a
 *             `FollowUp` (补充材料 from the receipt page), an item of its own that only the
 *             receipt inside links to its tip (lib/tip-handling/informant-thread.ts threads them).
 *   metadata  `TipMetadata` below: { v: 1, received: 'YYYY-MM-DD' (China time, the day only),
 *             size: bytes of the value, sha256: hex of the value }.
 *   Written once with `onlyIfNew`; never overwritten by the function. A second write of the
 *   same key is accepted only when the bytes are identical (an idempotent retry).
 *
 * Store `tip-challenges`: the replay guard for proof-of-work, see spent-challenges.ts. It
 * holds the day, never the time, and its records are deleted once their challenge expired.
 *
 * Store `tip-triage`: the office's record of what it did with each tip (status, hazard number),
 * keyed by the tip's key, written only by the office tools; see lib/tip-handling/triage.ts.
 *
 * `metadata.v` is the version of this metadata record, not of the tip inside the ciphertext.
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

export type Consistency = 'strong' | 'eventual';

/**
 * The queue's storage: one interface for every host. The tip function, the office tools and the
 * sweep use nothing else. It is the part of a Netlify Blobs `Store` the project needs, so
 * `getStore(...)` from @netlify/blobs satisfies it as it is; the self-hosted stores
 * (src/server/stores/: a directory, an S3 bucket) implement the same contract, held to it by
 * tests/stores/conformance.ts:
 *
 *   - `set(key, data, { onlyIfNew: true })` is an atomic create-if-absent: of any number of
 *     concurrent writers of one key, exactly one gets `modified: true`, and the stored value and
 *     metadata are that writer's; the others get `modified: false` and change nothing.
 *   - a write has happened (durably, for the stores that can say so) when its promise resolves;
 *   - reads are strongly consistent: a resolved write is seen by every later read and list;
 *   - metadata is a small JSON object stored with the value and read back unchanged;
 *   - keys are short ASCII (letters, digits, `-`, `_`, `.`): submission ids, `c-<hex>`.
 *
 * Declared here so this library stays free of platform imports.
 */
export interface QueueStore {
  get(key: string, options: { type: 'text'; consistency?: Consistency }): Promise<string | null>;
  get(key: string, options: { type: 'json'; consistency?: Consistency }): Promise<unknown>;
  get(key: string, options: { type: 'arrayBuffer'; consistency?: Consistency }): Promise<ArrayBuffer | null>;
  getWithMetadata(
    key: string,
    options: { type: 'arrayBuffer'; consistency?: Consistency },
  ): Promise<{ data: ArrayBuffer; metadata: Record<string, unknown> } | null>;
  getMetadata(
    key: string,
    options?: { consistency?: Consistency },
  ): Promise<{ metadata: Record<string, unknown> } | null>;
  set(
    key: string,
    data: Blob | string | ArrayBuffer,
    options?: { onlyIfNew?: boolean; metadata?: Record<string, unknown> },
  ): Promise<{ modified: boolean }>;
  setJSON(
    key: string,
    value: unknown,
    options?: { onlyIfNew?: boolean; metadata?: Record<string, unknown> },
  ): Promise<{ modified: boolean }>;
  list(): Promise<{ blobs: { key: string }[] }>;
  delete(key: string): Promise<void>;
}
