import { describe, expect, it } from 'vitest';
import { SearchShardManifest } from '../../../src/schemas/search-shards';
import { newestNumberFirst } from '../../../src/lib/search/hazard-number';
import {
  DEFAULT_SHARD_SIZE,
  planShards,
  searchablePage,
  shardManifest,
  type SearchablePage,
} from '../../../src/lib/search/shards';

const hazard = (number: string, ...months: string[]): SearchablePage => ({
  path: `hazards/${number}/index.html`,
  number,
  months,
});
const monthList = (month: string): SearchablePage => ({ path: `disclosures/${month}/index.html`, months: [month] });

describe('newestNumberFirst', () => {
  it('orders by year, then serial as a number, not as text', () => {
    const numbers = ['NZ-2023-9999', 'NZ-2024-0001', 'NZ-2023-10000', 'NZ-2023-0002'];
    expect(numbers.sort(newestNumberFirst)).toEqual(['NZ-2024-0001', 'NZ-2023-10000', 'NZ-2023-9999', 'NZ-2023-0002']);
  });
});

describe('searchablePage', () => {
  it('reads the number and the 月份 filter values as IsoMonths', () => {
    const html =
      '<article data-pagefind-body data-pagefind-meta="编号:NZ-2023-0001"><a data-pagefind-filter="月份:2023年6月"></a>' +
      '<a data-pagefind-filter="月份:2023年10月"></a><dd data-pagefind-filter="村:南庄村"></dd></article>';
    expect(searchablePage('hazards/NZ-2023-0001/index.html', html)).toEqual({
      path: 'hazards/NZ-2023-0001/index.html',
      number: 'NZ-2023-0001',
      months: ['2023-06', '2023-10'],
    });
  });

  it('skips pages that are not searchable and has no number for other pages', () => {
    expect(searchablePage('about/index.html', '<main>关于</main>')).toBeUndefined();
    expect(searchablePage('disclosures/2023-06/index.html', '<div data-pagefind-body></div>')).toEqual({
      path: 'disclosures/2023-06/index.html',
      months: [],
    });
  });
});

describe('planShards', () => {
  const pages = [
    hazard('NZ-2023-0001', '2023-06', '2023-07'),
    monthList('2023-06'),
    hazard('NZ-2023-0003', '2023-07'),
    hazard('NZ-2024-0004', '2024-01'),
    hazard('NZ-2023-0002', '2023-06'),
    monthList('2023-07'),
  ];

  it('keeps a township ledger in one shard, month lists included, in /pagefind/', () => {
    const shards = planShards(pages, DEFAULT_SHARD_SIZE);
    expect(shards).toHaveLength(1);
    expect(shards[0]!.dir).toBe('pagefind');
    expect(shards[0]!.pages).toHaveLength(pages.length);
  });

  it('cuts hazards newest number first, month lists in a last shard of their own', () => {
    const shards = planShards(pages, 2);
    expect(shards.map((s) => s.dir)).toEqual(['pagefind', 'pagefind/shard-1', 'pagefind/shard-2']);
    expect(shards.map((s) => s.pages.map((p) => p.number ?? p.path))).toEqual([
      ['NZ-2024-0004', 'NZ-2023-0003'],
      ['NZ-2023-0002', 'NZ-2023-0001'],
      ['disclosures/2023-06/index.html', 'disclosures/2023-07/index.html'],
    ]);
  });

  it('makes no empty last shard when there are only hazard pages', () => {
    expect(
      planShards(
        pages.filter((p) => p.number),
        2,
      ),
    ).toHaveLength(2);
    expect(
      planShards(
        pages.filter((p) => !p.number),
        2,
      ),
    ).toHaveLength(1);
  });

  it('refuses a shard size that is not a positive integer', () => {
    expect(() => planShards(pages, 0)).toThrow();
    expect(() => planShards(pages, 1.5)).toThrow();
  });
});

describe('shardManifest', () => {
  it('describes each shard: path, counts, number range and month range; the schema accepts it', () => {
    const manifest = shardManifest(
      planShards(
        [
          hazard('NZ-2023-0001', '2023-06', '2023-07'),
          hazard('NZ-2023-0002', '2023-06'),
          hazard('NZ-2024-0004', '2024-01'),
          monthList('2023-06'),
        ],
        2,
      ),
    );
    expect(manifest).toEqual({
      version: 1,
      shards: [
        {
          path: '/pagefind/',
          pages: 2,
          hazards: 2,
          numbers: { newest: 'NZ-2024-0004', oldest: 'NZ-2023-0002' },
          months: { oldest: '2023-06', newest: '2024-01' },
        },
        {
          path: '/pagefind/shard-1/',
          pages: 1,
          hazards: 1,
          numbers: { newest: 'NZ-2023-0001', oldest: 'NZ-2023-0001' },
          months: { oldest: '2023-06', newest: '2023-07' },
        },
        { path: '/pagefind/shard-2/', pages: 1, hazards: 0, months: { oldest: '2023-06', newest: '2023-06' } },
      ],
    });
    expect(SearchShardManifest.parse(manifest)).toEqual(manifest);
  });

  it('the schema refuses a manifest the browser could not route by', () => {
    const shard = { path: '/pagefind/', pages: 1, hazards: 1 };
    expect(SearchShardManifest.safeParse({ version: 1, shards: [] }).success).toBe(false);
    expect(SearchShardManifest.safeParse({ version: 1, shards: [{ ...shard, path: '/elsewhere/' }] }).success).toBe(
      false,
    );
    expect(
      SearchShardManifest.safeParse({
        version: 1,
        shards: [{ ...shard, months: { oldest: '2023-6', newest: '2023-07' } }],
      }).success,
    ).toBe(false);
    expect(SearchShardManifest.safeParse({ version: 1, shards: [{ ...shard, pages: -1 }] }).success).toBe(false);
  });
});
