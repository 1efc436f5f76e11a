/**
 * Last step of `npm run build`, after Pagefind: fails the build when the search index is missing,
 * is not Chinese, or misses pages and hazard filters (see src/lib/search/index-check.ts).
 *
 *   tsx src/cli/check-search-index.ts [dist]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSearchIndex, type BuiltPage } from '../lib/search/index-check';

const dist = process.argv[2] ?? 'dist';
const entryPath = join(dist, 'pagefind', 'pagefind-entry.json');
const entry = existsSync(entryPath) ? readFileSync(entryPath, 'utf8') : undefined;
const pages: BuiltPage[] = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
  .map((path) => ({ path: path.split('\\').join('/'), html: readFileSync(join(dist, path), 'utf8') }));

const problems = checkSearchIndex(entry, pages);
if (problems.length > 0) {
  console.error(`搜索索引检查未通过：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`✓ 搜索索引检查通过：${pages.filter((p) => p.html.includes('data-pagefind-body')).length} 个页面可搜索。`);
