/**
 * What the file store (file.ts) and the S3 store (s3.ts) share: the keys they accept, the bytes of
 * a value, and the `QueueStore` reads that follow from reading one whole entry (value and metadata).
 * Each store says how it reads an entry, its metadata alone, writes, lists and deletes.
 */
import type { Consistency, QueueStore } from '../../lib/tips/queue';

/** Store names and keys both stores accept: a file name anywhere, an S3 key segment, never `.` or `..`. */
export const STORE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** A value as stored: its bytes exactly as given, and its metadata. */
export interface StoredEntry {
  data: Uint8Array;
  metadata: Record<string, unknown>;
}

export type SetOptions = { onlyIfNew?: boolean; metadata?: Record<string, unknown> };

/** The bytes of a value given to `set`: a string as UTF-8. */
export async function toBytes(data: Blob | string | ArrayBuffer): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(await data.arrayBuffer());
}

export abstract class EntryStore implements QueueStore {
  /** The whole entry, or null when the key has none. */
  protected abstract read(key: string): Promise<StoredEntry | null>;

  abstract getMetadata(
    key: string,
    options?: { consistency?: Consistency },
  ): Promise<{ metadata: Record<string, unknown> } | null>;
  abstract set(key: string, data: Blob | string | ArrayBuffer, options?: SetOptions): Promise<{ modified: boolean }>;
  abstract list(): Promise<{ blobs: { key: string }[] }>;
  abstract delete(key: string): Promise<void>;

  get(key: string, options: { type: 'text'; consistency?: Consistency }): Promise<string | null>;
  get(key: string, options: { type: 'json'; consistency?: Consistency }): Promise<unknown>;
  get(key: string, options: { type: 'arrayBuffer'; consistency?: Consistency }): Promise<ArrayBuffer | null>;
  async get(key: string, options: { type: 'text' | 'json' | 'arrayBuffer' }): Promise<unknown> {
    const entry = await this.read(key);
    if (!entry) return null;
    if (options.type === 'arrayBuffer') return entry.data.slice().buffer;
    const text = new TextDecoder().decode(entry.data);
    return options.type === 'json' ? (JSON.parse(text) as unknown) : text;
  }

  async getWithMetadata(
    key: string,
    _options: { type: 'arrayBuffer'; consistency?: Consistency },
  ): Promise<{ data: ArrayBuffer; metadata: Record<string, unknown> } | null> {
    const entry = await this.read(key);
    return entry ? { data: entry.data.slice().buffer, metadata: entry.metadata } : null;
  }

  setJSON(key: string, value: unknown, options?: SetOptions): Promise<{ modified: boolean }> {
    return this.set(key, JSON.stringify(value), options);
  }
}
