/**
 * The search shards in the browser: reads the manifest the index step writes and merges older
 * shards into the Pagefind engine on demand (the plan comes from src/lib/search/shard-route.ts).
 */
import { SHARD_MANIFEST_PATH } from '../../lib/search/shard-route';
import type { SearchShardManifest } from '../../schemas/search-shards';
import { MERGED_OPTIONS, type Pagefind } from './pagefind-api';
import { sitePath } from '../../lib/site-path';

/**
 * The manifest, or undefined without a usable one: then /pagefind/ alone is searched, as on a
 * one-shard site. Not parsed with zod (see src/schemas/search-shards.ts): the build validated it.
 */
export async function loadShardManifest(): Promise<SearchShardManifest | undefined> {
  const response = await fetch(sitePath(SHARD_MANIFEST_PATH)).catch(() => undefined);
  if (!response?.ok) return undefined;
  const manifest = (await response.json().catch(() => undefined)) as Partial<SearchShardManifest> | undefined;
  if (manifest?.version !== 1 || !Array.isArray(manifest.shards) || manifest.shards.length === 0) {
    console.error('search: unreadable shard manifest; searching /pagefind/ only');
    return undefined;
  }
  return manifest as SearchShardManifest;
}

/**
 * Shards merged into one engine; each is merged once, even when two searches ask at once. The
 * engine starts on `first`: shard 0, or the shard of the hazard number the page was opened with.
 */
export class MergedShards {
  private readonly merging = new Map<number, Promise<void>>();
  readonly merged: Set<number>;

  constructor(
    private readonly engine: Pagefind,
    readonly manifest: SearchShardManifest,
    first: number,
  ) {
    this.merged = new Set([first]);
  }

  async merge(shards: readonly number[]): Promise<void> {
    await Promise.all(
      shards.map((k) => {
        const path = this.manifest.shards[k]?.path;
        if (this.merged.has(k) || path === undefined) return Promise.resolve();
        let done = this.merging.get(k);
        if (!done) {
          // As a full URL: Pagefind skips a path the first bundle's path starts with (/pagefind/ when
          // it started on /pagefind/shard-3/).
          const url = new URL(sitePath(path), location.origin).href;
          done = this.engine.mergeIndex(url, MERGED_OPTIONS).then(() => void this.merged.add(k));
          // A failed merge may be retried by the next search.
          done.catch(() => this.merging.delete(k));
          this.merging.set(k, done);
        }
        return done;
      }),
    );
  }
}
