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

/** Shards that may hold results, newest first; shard 0 always (it holds the month pages too). */
function candidates(manifest: SearchShardManifest, query: ShardQuery): number[] {
  const number = hazardNumberIn(query.q);
  if (number !== undefined) {
    const k = shardOfNumber(manifest, number);
    return k === undefined || k === 0 ? [0] : [0, k];
  }
  const month = query.month ? monthOfLabel(query.month) : undefined;
  return manifest.shards.flatMap((shard, k) =>
    k === 0 || month === undefined || (shard.months && shard.months.oldest <= month && month <= shard.months.newest)
      ? [k]
      : [],
  );
}

/**
 * The plan for a search, given the shards already merged. A hazard number names one hazard, so
 * its shard is merged at once and nothing remains; other searches merge nothing new by themselves.
 */
export function planSearch(manifest: SearchShardManifest, query: ShardQuery, merged: ReadonlySet<number>): ShardPlan {
  const open = candidates(manifest, query).filter((k) => !merged.has(k));
  return hazardNumberIn(query.q) !== undefined ? { now: open, remaining: [] } : { now: [], remaining: open };
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
