/**
 * Splits the search index into shards so the first search downloads a small index at any scale.
 *
 * Pagefind's per-page metadata (pf_meta, ~7.6 B a page) is fetched whole before any search, and the
 * index chunks a word falls in grow with the text indexed. So hazard pages are cut, newest hazard
 * number first, into shards of at most `DEFAULT_SHARD_SIZE`; the search page searches shard 0 and
 * merges older shards on request, or the one shard a hazard number points to (see shard-route.ts).
 * The other searchable pages (the month lists) join shard 0 when the site is one shard, as a
 * township ledger is; otherwise they form the last shard of their own: a county month list repeats
 * thousands of hazards, and in shard 0 it made the first query's index chunks three times larger.
 * Pure: the CLI (src/cli/index-search.ts) reads and writes the files.
 */
import type { SearchShard, SearchShardManifest } from '../../schemas/search-shards';
import { newestNumberFirst } from './hazard-number';
import { monthOfLabel } from './shard-route';

/**
 * Hazard pages per shard. A first query costs ~80 kB of fixed weight (page, script, pagefind.js,
 * WASM) plus shard 0's pf_meta and the index chunks its words fall in, both growing with the shard.
 * Measured for 燃气 on the 10,000-hazard ledger (2026-11-28): 1,000 pages → 119 kB gzipped in all,
 * 2,000 → 133 kB; on the 50,000-hazard ledger with 1,000: 燃气 116 kB, 粉尘 124 kB, an old hazard's
 * number (its own shard only) 116 kB, against a 150 kB budget. 2,000 would leave ~10 kB for wordier
 * shards; 1,000 costs "继续搜索" a few more steps (each merges as many shards as already searched).
 */
export const DEFAULT_SHARD_SIZE = 1000;

/** What the index step needs to know of a searchable page (from its data-pagefind-* markup). */
export interface SearchablePage {
  /** Path under dist/, hazards/NZ-2023-0001/index.html. */
  path: string;
  /** The hazard number (data-pagefind-meta="编号:…"); absent on other pages. */
  number?: string;
  /** IsoMonths of its 月份 filter values. */
  months: string[];
}

export interface PlannedShard {
  /** Folder under dist/: pagefind, pagefind/shard-1, … */
  dir: string;
  pages: SearchablePage[];
}

/** dist/ folder of shard k: shard 0 is Pagefind's usual folder, so /pagefind/pagefind.js stays. */
function shardDir(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind/shard-${k}`;
}

/** Reads a page's search markup; undefined when the page is not searchable (no data-pagefind-body). */
export function searchablePage(path: string, html: string): SearchablePage | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const number = /data-pagefind-meta="编号:([^"]+)"/.exec(html)?.[1];
  const months = [...html.matchAll(/data-pagefind-filter="月份:([^"]+)"/g)].flatMap(([, label]) => {
    const month = monthOfLabel(label!);
    return month === undefined ? [] : [month];
  });
  return number === undefined ? { path, months } : { path, number, months };
}

/**
 * Hazard pages newest number first, `size` a shard; the other searchable pages join shard 0 when
 * the hazards fit in one shard, and form the last shard otherwise.
 */
export function planShards(pages: readonly SearchablePage[], size: number = DEFAULT_SHARD_SIZE): PlannedShard[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`shard size must be a positive integer, got ${size}`);
  const hazards = pages.filter((p) => p.number !== undefined).sort((a, b) => newestNumberFirst(a.number!, b.number!));
  const others = pages.filter((p) => p.number === undefined);
  const groups: SearchablePage[][] = [];
  for (let start = 0; start < hazards.length; start += size) groups.push(hazards.slice(start, start + size));
  if (groups.length <= 1) groups[0] = [...(groups[0] ?? []), ...others];
  else if (others.length > 0) groups.push(others);
  return groups.map((group, k) => ({ dir: shardDir(k), pages: group }));
}

function range(values: readonly string[]): { oldest: string; newest: string } | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort();
  return { oldest: sorted[0]!, newest: sorted.at(-1)! };
}

/** The manifest entry of a planned shard: page counts, hazard number range, month range. */
function describeShard(shard: PlannedShard): SearchShard {
  const numbers = shard.pages.flatMap((p) => (p.number === undefined ? [] : [p.number])).sort(newestNumberFirst);
  const months = range(shard.pages.flatMap((p) => p.months));
  return {
    path: `/${shard.dir}/`,
    pages: shard.pages.length,
    hazards: numbers.length,
    ...(numbers.length > 0 && { numbers: { newest: numbers[0]!, oldest: numbers.at(-1)! } }),
    ...(months && { months }),
  };
}

export function shardManifest(shards: readonly PlannedShard[]): SearchShardManifest {
  return { version: 1, shards: shards.map(describeShard) };
}
