/**
 * Last step of `npm run build`, after the index step (src/cli/index-search.ts): fails the build
 * when the search index or one of its shards is missing, is not Chinese, or misses pages and
 * hazard filters (see src/lib/search/index-check.ts). Reads one page at a time: a county's
 * pages together are a gigabyte.
 *
 *   tsx src/cli/check-search-index.ts [dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_MANIFEST_PATH } from '../lib/search/shard-route';
import { checkSearchIndex, type BuiltPage } from '../lib/search/index-check';
import { builtPagePaths } from './built-pages';

const dist = process.argv[2] ?? 'dist';
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

const paths = await builtPagePaths(dist);

let marked = 0;
function* pages(): Generator<BuiltPage> {
  for (const path of paths) {
    const html = readFileSync(join(dist, path), 'utf8');
    if (html.includes('data-pagefind-body')) marked++;
    yield { path, html };
  }
}

const problems = checkSearchIndex(
  read(join(dist, SHARD_MANIFEST_PATH)),
  (shardPath) => read(join(dist, shardPath, 'pagefind-entry.json')),
  pages(),
);
if (problems.length > 0) {
  // A broken template breaks every hazard page alike: the first few say enough.
  const shown = problems.slice(0, 20).map((p) => `  - ${p}`);
  if (problems.length > 20) shown.push(`  - ……另有 ${problems.length - 20} 个问题`);
  console.error(`搜索索引检查未通过：\n${shown.join('\n')}`);
  process.exit(1);
}
console.log(`✓ 搜索索引检查通过：${marked} 个页面可搜索。`);
