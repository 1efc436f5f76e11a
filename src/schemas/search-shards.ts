/**
 * The search index's shard manifest (dist/pagefind/shards.json), written by src/cli/index-search.ts
 * and read by the search page's script before it searches. zod/mini, not zod: this schema ships to
 * residents' phones, and the full library would weigh more than the search index it describes.
 */
import * as z from 'zod/mini';

const HAZARD_NUMBER = /^[A-Z]{2,6}-\d{4}-\d{4,6}$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A closed range, newest end first as the shards are cut (hazard numbers) or oldest first (months). */
const NumberRange = z.object({
  newest: z.string().check(z.regex(HAZARD_NUMBER)),
  oldest: z.string().check(z.regex(HAZARD_NUMBER)),
});
const MonthRange = z.object({
  oldest: z.string().check(z.regex(ISO_MONTH)),
  newest: z.string().check(z.regex(ISO_MONTH)),
});

const Count = z.number().check(z.int(), z.nonnegative());

/** One Pagefind bundle: shard 0 is /pagefind/ itself, the others /pagefind/shard-N/. */
export const SearchShard = z.object({
  path: z.string().check(z.regex(/^\/pagefind\/(shard-\d+\/)?$/)),
  /** Pages indexed: hazard pages, plus (shard 0 only) the other searchable pages. */
  pages: Count,
  hazards: Count,
  /** Hazard numbers held, newest and oldest; absent when the shard holds no hazard page. */
  numbers: z.optional(NumberRange),
  /** Months (IsoMonth) its pages are filed under, from their 月份 filter values. */
  months: z.optional(MonthRange),
});
export type SearchShard = z.infer<typeof SearchShard>;

export const SearchShardManifest = z.object({
  version: z.literal(1),
  shards: z.array(SearchShard).check(z.minLength(1)),
});
export type SearchShardManifest = z.infer<typeof SearchShardManifest>;

/** Where the manifest is served and written (under dist/). */
export const SHARD_MANIFEST_PATH = '/pagefind/shards.json';
