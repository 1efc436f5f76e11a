/**
 * Checks the Pagefind index after the build, so a change that silently breaks search (a hazard
 * page losing its indexing markup, the page language, an empty index) fails the build instead
 * of reaching residents. Pure: the CLI (src/cli/check-search-index.ts) reads the files.
 */

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

/** Problems found, in Chinese (the build log is read by the office too); empty when all is well. */
export function checkSearchIndex(entryJson: string | undefined, pages: readonly BuiltPage[]): string[] {
  if (entryJson === undefined) return ['未生成搜索索引（dist/pagefind/pagefind-entry.json 不存在）'];
  let entry: IndexEntry;
  try {
    entry = JSON.parse(entryJson) as IndexEntry;
  } catch {
    return ['搜索索引文件 pagefind-entry.json 无法读取'];
  }
  const problems: string[] = [];
  const languages = entry.languages ?? {};
  if (!languages['zh-cn']) {
    problems.push(
      `搜索索引没有中文（zh-cn）部分，现有：${Object.keys(languages).join('、') || '无'}；页面应为 <html lang="zh-CN">`,
    );
  }
  const indexed = Object.values(languages).reduce((sum, language) => sum + (language?.page_count ?? 0), 0);
  const marked = pages.filter((page) => page.html.includes('data-pagefind-body')).length;
  if (indexed !== marked) {
    problems.push(`搜索索引收录了 ${indexed} 个页面，但标记为可搜索（data-pagefind-body）的页面有 ${marked} 个`);
  }
  for (const page of pages.filter((p) => HAZARD_PAGE.test(p.path))) {
    const missing = HAZARD_PAGE_MARKUP.filter(([pattern]) => !pattern.test(page.html)).map(([, name]) => name);
    if (missing.length > 0) problems.push(`隐患页面 ${page.path} 缺少搜索标记：${missing.join('、')}`);
  }
  return problems;
}
