/**
 * Which search shards (see shards.ts) the search page merges for a search. Shard 0 is always
 * searched; a hazard number goes straight to the shard whose number range holds it; a 月份 filter
 * skips shards whose hazards are not listed that month; any other search looks at the newest
 * hazards first and merges older shards when the resident asks ("继续搜索更早登记的隐患").
 */
import type { SearchShardManifest } from '../../schemas/search-shards';
import { hazardNumberIn, newestNumberFirst } from './hazard-number';

/** What the search needs of a search state: the words and the 月份 filter label (2023年6月). */
export interface ShardQuery {
  q: string;
  month?: string | undefined;
}

export interface ShardPlan {
  /** Shards to merge before this search runs. */
  now: number[];
  /** Shards that may hold more results and are not merged yet, newest first. */
  remaining: number[];
}

/** Where the index step writes the manifest, under dist/, and the search page fetches it. */
export const SHARD_MANIFEST_PATH = '/pagefind/shards.json';

/** Most shards merged at one "继续搜索": each step doubles what was searched, up to this. */
const MAX_BATCH = 8;

/** 2023年6月 → 2023-06; undefined for anything else. */
export function monthOfLabel(label: string): string | undefined {
  const match = /^(\d{4})年(\d{1,2})月$/.exec(label.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}` : undefined;
}

/** The shard whose hazard number range holds `number`, or undefined when none does. */
export function shardOfNumber(manifest: SearchShardManifest, number: string): number | undefined {
  const k = manifest.shards.findIndex(
    ({ numbers }) =>
      numbers && newestNumberFirst(numbers.newest, number) <= 0 && newestNumberFirst(number, numbers.oldest) <= 0,
  );
  return k < 0 ? undefined : k;
}

/**
 * Shards that may hold results, newest first: a hazard number's own shard (shard 0 when no range
 * holds it); otherwise shard 0 and every older shard a 月份 filter does not exclude.
 */
function candidates(manifest: SearchShardManifest, query: ShardQuery): number[] {
  const number = hazardNumberIn(query.q);
  if (number !== undefined) return [shardOfNumber(manifest, number) ?? 0];
  const month = query.month ? monthOfLabel(query.month) : undefined;
  return manifest.shards.flatMap((shard, k) =>
    k === 0 || month === undefined || (shard.months && shard.months.oldest <= month && month <= shard.months.newest)
      ? [k]
      : [],
  );
}

/**
 * The plan for a search, given the shards already merged. A hazard number names one hazard, so
 * its shard is merged at once and nothing remains; other searches need shard 0 (merged late when
 * the page started on a number's shard) and leave the older shards to 继续搜索.
 */
export function planSearch(manifest: SearchShardManifest, query: ShardQuery, merged: ReadonlySet<number>): ShardPlan {
  const open = candidates(manifest, query).filter((k) => !merged.has(k));
  if (hazardNumberIn(query.q) !== undefined) return { now: open, remaining: [] };
  return { now: open.filter((k) => k === 0), remaining: open.filter((k) => k !== 0) };
}

/**
 * The shard a page opened with `query` should start Pagefind on: a hazard number's own shard, so
 * the first search does not download shard 0 as well; otherwise shard 0.
 */
export function firstShard(manifest: SearchShardManifest, query: ShardQuery | undefined): number {
  const number = query && hazardNumberIn(query.q);
  return (number !== undefined && shardOfNumber(manifest, number)) || 0;
}

/** The shards one "继续搜索" merges: as many as already searched (so steps double), at least one. */
export function nextBatch(remaining: readonly number[], mergedCount: number): number[] {
  return remaining.slice(0, Math.min(MAX_BATCH, Math.max(1, mergedCount)));
}

/** Hazard pages held by the given shards. */
export function hazardsIn(manifest: SearchShardManifest, shards: Iterable<number>): number {
  let total = 0;
  for (const k of shards) total += manifest.shards[k]?.hazards ?? 0;
  return total;
}
