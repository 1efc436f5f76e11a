import { describe, expect, it } from 'vitest';
import type { SearchShardManifest } from '../../../src/schemas/search-shards';
import {
  firstShard,
  hazardsIn,
  monthOfLabel,
  nextBatch,
  planSearch,
  shardOfNumber,
} from '../../../src/lib/search/shard-route';

const manifest: SearchShardManifest = {
  version: 1,
  shards: [
    {
      path: '/pagefind/',
      pages: 2,
      hazards: 2,
      numbers: { newest: 'NZ-2024-0010', oldest: 'NZ-2024-0009' },
      months: { oldest: '2024-01', newest: '2024-03' },
    },
    {
      path: '/pagefind/shard-1/',
      pages: 2,
      hazards: 2,
      numbers: { newest: 'NZ-2024-0008', oldest: 'NZ-2023-0007' },
      months: { oldest: '2023-11', newest: '2024-03' },
    },
    {
      path: '/pagefind/shard-2/',
      pages: 2,
      hazards: 2,
      numbers: { newest: 'NZ-2023-0006', oldest: 'NZ-2023-0005' },
      months: { oldest: '2023-06', newest: '2023-08' },
    },
    { path: '/pagefind/shard-3/', pages: 5, hazards: 0, months: { oldest: '2023-06', newest: '2024-03' } },
  ],
};
const none = new Set([0]);

describe('monthOfLabel', () => {
  it('reads the 月份 filter label', () => {
    expect(monthOfLabel('2023年6月')).toBe('2023-06');
    expect(monthOfLabel('2023年12月')).toBe('2023-12');
    expect(monthOfLabel('六月')).toBeUndefined();
  });
});

describe('shardOfNumber', () => {
  it('finds the shard whose range holds the number, across years', () => {
    expect(shardOfNumber(manifest, 'NZ-2024-0010')).toBe(0);
    expect(shardOfNumber(manifest, 'NZ-2024-0008')).toBe(1);
    expect(shardOfNumber(manifest, 'NZ-2023-0007')).toBe(1);
    expect(shardOfNumber(manifest, 'NZ-2023-0005')).toBe(2);
    expect(shardOfNumber(manifest, 'NZ-2023-0004')).toBeUndefined();
    expect(shardOfNumber(manifest, 'NZ-2025-0001')).toBeUndefined();
  });
});

describe('planSearch', () => {
  it('searches the newest shard first and leaves the older ones to 继续搜索', () => {
    expect(planSearch(manifest, { q: '燃气' }, none)).toEqual({ now: [], remaining: [1, 2, 3] });
    expect(planSearch(manifest, { q: '燃气' }, new Set([0, 1]))).toEqual({ now: [], remaining: [2, 3] });
  });

  it('sends a hazard number straight to its shard, with nothing left to search', () => {
    expect(planSearch(manifest, { q: ' nz-2023-0006 ' }, none)).toEqual({ now: [2], remaining: [] });
    expect(planSearch(manifest, { q: 'NZ-2023-0006' }, new Set([0, 2]))).toEqual({ now: [], remaining: [] });
    expect(planSearch(manifest, { q: 'NZ-2024-0010' }, none)).toEqual({ now: [], remaining: [] });
    expect(planSearch(manifest, { q: 'NZ-1999-0001' }, none)).toEqual({ now: [], remaining: [] });
  });

  it('merges shard 0 for words when the page started on a hazard number’s shard', () => {
    expect(planSearch(manifest, { q: '燃气' }, new Set([2]))).toEqual({ now: [0], remaining: [1, 3] });
    expect(planSearch(manifest, { q: 'NZ-2024-0010' }, new Set([2]))).toEqual({ now: [0], remaining: [] });
  });

  it('skips shards a 月份 filter excludes', () => {
    expect(planSearch(manifest, { q: '', month: '2023年7月' }, none)).toEqual({ now: [], remaining: [2, 3] });
    expect(planSearch(manifest, { q: '燃气', month: '2024年2月' }, none)).toEqual({ now: [], remaining: [1, 3] });
    expect(planSearch(manifest, { q: '燃气', month: '2022年1月' }, none)).toEqual({ now: [], remaining: [] });
  });

  it('a single-shard site has nothing to merge', () => {
    const one = { version: 1 as const, shards: [manifest.shards[0]!] };
    expect(planSearch(one, { q: '燃气' }, none)).toEqual({ now: [], remaining: [] });
  });
});

describe('firstShard', () => {
  it('starts on a hazard number’s shard, else on shard 0', () => {
    expect(firstShard(manifest, { q: 'nz-2023-0006' })).toBe(2);
    expect(firstShard(manifest, { q: 'NZ-1999-0001' })).toBe(0);
    expect(firstShard(manifest, { q: '燃气' })).toBe(0);
    expect(firstShard(manifest, undefined)).toBe(0);
  });
});

describe('nextBatch', () => {
  it('doubles what was searched, at least one shard, at most eight', () => {
    const remaining = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(nextBatch(remaining, 1)).toEqual([1]);
    expect(nextBatch(remaining, 2)).toEqual([1, 2]);
    expect(nextBatch(remaining, 4)).toHaveLength(4);
    expect(nextBatch(remaining, 30)).toHaveLength(8);
    expect(nextBatch([5], 4)).toEqual([5]);
  });
});

describe('hazardsIn', () => {
  it('counts the hazard pages of the given shards', () => {
    expect(hazardsIn(manifest, [0, 1, 3])).toBe(4);
    expect(hazardsIn(manifest, new Set([0]))).toBe(2);
  });
});
