import { describe, expect, it } from 'vitest';
import { checkSearchIndex, type BuiltPage } from '../../../src/lib/search/index-check';

const hazardPage = (id: string, drop?: string): BuiltPage => {
  const html =
    `<article data-pagefind-body data-pagefind-meta="编号:${id}"><h1>${id}</h1>` +
    '<span data-pagefind-filter="状态:整改中"></span><dd data-pagefind-filter="村:南庄村"></dd>' +
    '<dd data-pagefind-filter="行业领域:燃气"></dd><dd data-pagefind-filter="来源:企业自查"></dd>' +
    '<a data-pagefind-filter="月份:2023年6月"></a></article>';
  return { path: `hazards/${id}/index.html`, html: drop ? html.replace(drop, 'data-x') : html };
};
const monthPage: BuiltPage = { path: 'disclosures/2023-06/index.html', html: '<div data-pagefind-body></div>' };
const searchPage: BuiltPage = { path: 'search/index.html', html: '<form></form>' };
const entry = (languages: Record<string, number>) =>
  JSON.stringify({
    version: '1.6.0',
    languages: Object.fromEntries(Object.entries(languages).map(([k, n]) => [k, { page_count: n }])),
  });
const manifest = (...shards: [pages: number, hazards: number][]) =>
  JSON.stringify({
    version: 1,
    shards: shards.map(([pages, hazards], k) => ({ path: k ? `/pagefind/shard-${k}/` : '/pagefind/', pages, hazards })),
  });
/** The pagefind-entry.json of each shard, by path. */
const entries =
  (...languages: Record<string, number>[]) =>
  (path: string): string | undefined => {
    const k = path === '/pagefind/' ? 0 : Number(/shard-(\d+)/.exec(path)?.[1]);
    return languages[k] && entry(languages[k]);
  };

describe('checkSearchIndex', () => {
  const pages = [hazardPage('NZ-2023-0001'), hazardPage('NZ-2023-0002'), monthPage, searchPage];

  it('passes a Chinese index holding every marked page, in one shard or several', () => {
    expect(checkSearchIndex(manifest([3, 2]), entries({ 'zh-cn': 3 }), pages)).toEqual([]);
    expect(
      checkSearchIndex(
        manifest([1, 1], [1, 1], [1, 0]),
        entries({ 'zh-cn': 1 }, { 'zh-cn': 1 }, { 'zh-cn': 1 }),
        pages,
      ),
    ).toEqual([]);
  });

  it('fails without an index or a readable manifest', () => {
    expect(checkSearchIndex(undefined, entries(), pages)).toEqual([expect.stringContaining('未生成搜索索引')]);
    expect(checkSearchIndex('{', entries(), pages)).toEqual([expect.stringContaining('无法读取')]);
    expect(checkSearchIndex('{"version":1,"shards":[]}', entries(), pages)).toEqual([
      expect.stringContaining('无法读取'),
    ]);
  });

  it('names a shard that is missing or unreadable', () => {
    expect(checkSearchIndex(manifest([2, 2], [1, 0]), entries({ 'zh-cn': 2 }), pages)).toEqual([
      expect.stringContaining('未生成搜索索引分片 /pagefind/shard-1/'),
    ]);
    expect(checkSearchIndex(manifest([3, 2]), () => '{', pages)).toEqual([expect.stringContaining('无法读取')]);
  });

  it('fails when the index is not Chinese', () => {
    expect(checkSearchIndex(manifest([3, 2]), entries({ en: 3 }), pages)).toEqual([
      expect.stringContaining('没有中文'),
    ]);
  });

  it('fails when pages are missing from the index or a shard differs from the manifest', () => {
    expect(checkSearchIndex(manifest([2, 2]), entries({ 'zh-cn': 2 }), pages)).toEqual([
      expect.stringContaining('收录了 2 个页面'),
    ]);
    expect(checkSearchIndex(manifest([3, 2]), entries({ 'zh-cn': 2 }), pages)).toEqual([
      expect.stringContaining('分片清单记为 3 个'),
    ]);
  });

  it('fails when the manifest counts other hazards than the pages', () => {
    expect(checkSearchIndex(manifest([3, 1]), entries({ 'zh-cn': 3 }), pages)).toEqual([
      expect.stringContaining('记有 1 项隐患，但可搜索的隐患页面有 2 个'),
    ]);
  });

  it('names a hazard page that lost its number or a filter', () => {
    const broken = [hazardPage('NZ-2023-0001', 'data-pagefind-filter="村:'), monthPage];
    expect(checkSearchIndex(manifest([2, 1]), entries({ 'zh-cn': 2 }), broken)).toEqual([
      '隐患页面 hazards/NZ-2023-0001/index.html 缺少搜索标记：data-pagefind-filter="村:…"',
    ]);
    const unnumbered = [hazardPage('NZ-2023-0001', 'data-pagefind-meta="编号:'), monthPage];
    expect(checkSearchIndex(manifest([2, 1]), entries({ 'zh-cn': 2 }), unnumbered)[0]).toContain(
      'data-pagefind-meta="编号:…"',
    );
  });

  it('reads the pages once, as they come', () => {
    let read = 0;
    function* lazy(): Generator<BuiltPage> {
      for (const page of pages) {
        read++;
        yield page;
      }
    }
    expect(checkSearchIndex(manifest([3, 2]), entries({ 'zh-cn': 3 }), lazy())).toEqual([]);
    expect(read).toBe(pages.length);
  });
});
