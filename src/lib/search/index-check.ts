/**
 * Checks the search index after the build, so a change that silently breaks search (a hazard
 * page losing its indexing markup, the page language, an empty or partial index, a shard the
 * manifest does not describe) fails the build instead of reaching residents. Pure: the CLI
 * (src/cli/check-search-index.ts) reads the files, one page at a time.
 */
import { SearchShardManifest } from '../../schemas/search-shards';

/** A built HTML page, with its path under dist/ (hazards/NZ-2023-0001/index.html). */
export interface BuiltPage {
  path: string;
  html: string;
}

/** What every hazard page must carry for search and its filters to work. */
const HAZARD_PAGE_MARKUP: readonly [RegExp, string][] = [
  [/data-pagefind-body/, 'data-pagefind-body'],
  [/data-pagefind-meta="编号:/, 'data-pagefind-meta="编号:…"'],
  ...['月份', '村', '行业领域', '来源', '状态'].map(
    (name) => [new RegExp(`data-pagefind-filter="${name}:`), `data-pagefind-filter="${name}:…"`] as [RegExp, string],
  ),
];

const HAZARD_PAGE = /^hazards\/[^/]+\/index\.html$/;

interface IndexEntry {
  languages?: Record<string, { page_count?: number } | undefined>;
}

/** What one page adds to the check: whether it is searchable, is a hazard page, lacks markup. */
export interface PageCheck {
  marked: boolean;
  hazard: boolean;
  problem?: string;
}

function checkPage(page: BuiltPage): PageCheck {
  const marked = page.html.includes('data-pagefind-body');
  if (!HAZARD_PAGE.test(page.path)) return { marked, hazard: false };
  const missing = HAZARD_PAGE_MARKUP.filter(([pattern]) => !pattern.test(page.html)).map(([, name]) => name);
  return missing.length > 0
    ? { marked, hazard: true, problem: `隐患页面 ${page.path} 缺少搜索标记：${missing.join('、')}` }
    : { marked, hazard: true };
}

function checkShardEntry(path: string, expected: number, entryJson: string | undefined): string[] {
  if (entryJson === undefined) return [`未生成搜索索引分片 ${path}（pagefind-entry.json 不存在）`];
  let entry: IndexEntry;
  try {
    entry = JSON.parse(entryJson) as IndexEntry;
  } catch {
    return [`搜索索引分片 ${path} 的 pagefind-entry.json 无法读取`];
  }
  const languages = entry.languages ?? {};
  const problems: string[] = [];
  if (!languages['zh-cn']) {
    problems.push(
      `搜索索引分片 ${path} 没有中文（zh-cn）部分，现有：${Object.keys(languages).join('、') || '无'}；页面应为 <html lang="zh-CN">`,
    );
  }
  const indexed = Object.values(languages).reduce((sum, language) => sum + (language?.page_count ?? 0), 0);
  if (indexed !== expected) problems.push(`搜索索引分片 ${path} 收录了 ${indexed} 个页面，分片清单记为 ${expected} 个`);
  return problems;
}

/**
 * Problems found, in Chinese (the build log is read by the office too); empty when all is well.
 * `readEntry` gives a shard's pagefind-entry.json (by its path, /pagefind/shard-1/) or undefined.
 */
export function checkSearchIndex(
  manifestJson: string | undefined,
  readEntry: (shardPath: string) => string | undefined,
  pages: Iterable<BuiltPage>,
): string[] {
  if (manifestJson === undefined) return ['未生成搜索索引（dist/pagefind/shards.json 不存在）'];
  let manifest: SearchShardManifest;
  try {
    manifest = SearchShardManifest.parse(JSON.parse(manifestJson));
  } catch {
    return ['搜索索引分片清单 shards.json 无法读取或格式不对'];
  }
  const problems = manifest.shards.flatMap((shard) => checkShardEntry(shard.path, shard.pages, readEntry(shard.path)));

  let marked = 0;
  let hazards = 0;
  for (const page of pages) {
    const check = checkPage(page);
    if (check.marked) marked++;
    if (check.marked && check.hazard) hazards++;
    if (check.problem) problems.push(check.problem);
  }
  const indexed = manifest.shards.reduce((sum, shard) => sum + shard.pages, 0);
  if (indexed !== marked) {
    problems.push(`搜索索引收录了 ${indexed} 个页面，但标记为可搜索（data-pagefind-body）的页面有 ${marked} 个`);
  }
  const indexedHazards = manifest.shards.reduce((sum, shard) => sum + shard.hazards, 0);
  if (indexedHazards !== hazards) {
    problems.push(`搜索索引分片清单记有 ${indexedHazards} 项隐患，但可搜索的隐患页面有 ${hazards} 个`);
  }
  return problems;
}
