/**
 * The search index's shard manifest (dist/pagefind/shards.json), written by src/cli/index-search.ts
 * and checked by src/cli/check-search-index.ts. The search page reads the same file typed by this
 * schema but does not parse it with zod: zod's shared chunk would add ~15 kB (gzipped) to every
 * first search, a tenth of its budget, for a file the build wrote and checked on the same site.
 */
import { z } from 'zod';
import { Count, IsoMonth } from './common';
import { HazardId } from './hazard';

/** One Pagefind bundle: shard 0 is /pagefind/ itself, the others /pagefind/shard-N/. */
export const SearchShard = z.strictObject({
  path: z.string().regex(/^\/pagefind\/(shard-\d+\/)?$/),
  /** Pages indexed: hazard pages, plus the other searchable pages in shard 0 or the last shard. */
  pages: Count,
  hazards: Count,
  /** Hazard numbers held, newest and oldest; absent when the shard holds no hazard page. */
  numbers: z.strictObject({ newest: HazardId, oldest: HazardId }).optional(),
  /** Months its pages are filed under, from their 月份 filter values. */
  months: z.strictObject({ oldest: IsoMonth, newest: IsoMonth }).optional(),
});
export type SearchShard = z.output<typeof SearchShard>;

export const SearchShardManifest = z.strictObject({
  version: z.literal(1),
  shards: z.array(SearchShard).min(1),
});
export type SearchShardManifest = z.output<typeof SearchShardManifest>;
