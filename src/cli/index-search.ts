/**
 * Builds the search index of a built site, in shards (see src/lib/search/shards.ts), with
 * Pagefind's Node API: each shard is indexed by a fresh Pagefind process, so memory is bounded by
 * a shard, not the county, and two worker processes index shards side by side (Pagefind's service
 * handles one file at a time). Writes dist/pagefind/ (shard 0, with pagefind.js), dist/pagefind/
 * shard-N/ and dist/pagefind/shards.json. Fails (exit 1) with a Chinese message on any error.
 *
 *   tsx src/cli/index-search.ts [dist] [--shard-size N] [--jobs N]
 *   (or SEARCH_SHARD_SIZE=N, SEARCH_INDEX_JOBS=N)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { builtPagePaths } from './built-pages';
import { SearchShardManifest } from '../schemas/search-shards';
import { SHARD_MANIFEST_PATH } from '../lib/search/shard-route';
import {
  DEFAULT_SHARD_SIZE,
  planShards,
  searchablePage,
  shardManifest,
  type SearchablePage,
} from '../lib/search/shards';

/** Files read and handed to Pagefind at once; bounds open files and memory, not speed. */
const CONCURRENCY = 8;
/**
 * What an older shard needs: its index, and the WASM and search worker for a page that starts
 * Pagefind on it (a hazard number's shard: Pagefind starts its one worker from the first bundle's
 * folder); pagefind.js and the UI bundles are served from shard 0 only.
 */
const MERGED_SHARD_KEEPS =
  /^(pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\..+\.pagefind|pagefind-worker\.js|index|fragment|filter)$/;

/** One shard for a worker to index. */
interface Task {
  dist: string;
  dir: string;
  paths: string[];
  /** Drop what only shard 0 needs. */
  merged: boolean;
}
type Reply = { ok: true } | { ok: false; message: string };

class IndexError extends Error {}

function fail(message: string, errors: readonly string[] = []): never {
  throw new IndexError([message, ...errors.map((e) => `  ${e}`)].join('\n'));
}

function positive(value: string | undefined, fallback: number, what: string): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${what}应为正整数，现为「${value}」`);
  return n;
}

function parseArgs(argv: readonly string[]): { dist: string; size: number; jobs: number } {
  let dist = 'dist';
  let size = process.env['SEARCH_SHARD_SIZE'];
  let jobs = process.env['SEARCH_INDEX_JOBS'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--shard-size') size = argv[++i];
    else if (arg === '--jobs') jobs = argv[++i];
    else if (arg.startsWith('-')) fail(`未知参数：${arg}`);
    else dist = arg;
  }
  return {
    dist,
    size: positive(size, DEFAULT_SHARD_SIZE, '每个分片的隐患数（--shard-size）'),
    jobs: positive(jobs, Math.min(2, availableParallelism()), '并行进程数（--jobs）'),
  };
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += CONCURRENCY) {
    await Promise.all(items.slice(start, start + CONCURRENCY).map(work));
  }
}

/** Bytes of each searchable page's HTML, so the heaviest shards start first. */
const pageBytes = new Map<string, number>();

/** Every searchable page's number and months; reads a few pages at a time, keeps no HTML. */
async function searchablePages(dist: string): Promise<SearchablePage[]> {
  const paths = await builtPagePaths(dist).catch(() => fail(`找不到构建目录 ${dist}，请先运行 astro build`));
  const pages: SearchablePage[] = [];
  await inBatches(paths, async (path) => {
    const html = await readFile(join(dist, path), 'utf8');
    const page = searchablePage(path, html);
    if (page) {
      pages.push(page);
      pageBytes.set(path, html.length);
    }
  });
  return pages;
}

/** In a worker: one shard, by a fresh Pagefind process that is closed after it. */
async function indexShard({ dist, dir, paths, merged }: Task): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) fail('无法启动搜索索引程序（Pagefind）：', errors);
    await inBatches(paths, async (path) => {
      const content = await readFile(join(dist, path), 'utf8');
      const added = await index.addHTMLFile({ sourcePath: path, content });
      if (added.errors.length > 0) fail(`页面 ${path} 无法加入搜索索引：`, added.errors);
    });
    const outputPath = join(dist, dir);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`无法写出搜索索引 ${dir}：`, written.errors);
    if (merged) {
      for (const name of await readdir(outputPath)) {
        if (!MERGED_SHARD_KEEPS.test(name)) await rm(join(outputPath, name), { recursive: true });
      }
    }
  } finally {
    // The service keeps the memory it grew to; a new one per shard keeps the peak at one shard.
    await pagefind.close();
  }
}

function worker(): void {
  process.on('message', (task: Task) => {
    indexShard(task).then(
      () => process.send!({ ok: true } satisfies Reply),
      (error: unknown) =>
        process.send!({
          ok: false,
          message: error instanceof IndexError ? error.message : `${task.dir}：${String(error)}`,
        } satisfies Reply),
    );
  });
}

const taskBytes = (task: Task) => task.paths.reduce((sum, path) => sum + (pageBytes.get(path) ?? 0), 0);

/** Hands tasks to `jobs` worker processes, heaviest first; rejects on the first failure. */
async function runTasks(tasks: Task[], jobs: number): Promise<void> {
  const queue = [...tasks].sort((a, b) => taskBytes(b) - taskBytes(a));
  const children: ChildProcess[] = [];
  const work = async (): Promise<void> => {
    const child = fork(process.argv[1]!, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const exited = new Promise<never>((_, reject) =>
      child.on('exit', (code) => reject(new IndexError(`索引进程意外退出（代码 ${code}）`))),
    );
    for (let task = queue.shift(); task; task = queue.shift()) {
      const reply = new Promise<Reply>((resolve) => child.once('message', (m) => resolve(m as Reply)));
      child.send(task);
      const result = await Promise.race([reply, exited]);
      if (!result.ok) throw new IndexError(result.message);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, work));
  } finally {
    for (const child of children) {
      child.removeAllListeners('exit');
      child.kill();
    }
  }
}

async function main(): Promise<void> {
  const { dist, size, jobs } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // A previous build's shards would linger and be merged by the browser.
  await rm(join(dist, 'pagefind'), { recursive: true, force: true });
  const pages = await searchablePages(dist);
  if (pages.length === 0) fail(`${dist} 中没有可搜索的页面（data-pagefind-body）`);
  const shards = planShards(pages, size);
  const manifest = SearchShardManifest.parse(shardManifest(shards));
  await runTasks(
    shards.map((shard, k) => ({ dist, dir: shard.dir, paths: shard.pages.map((p) => p.path), merged: k > 0 })),
    jobs,
  );
  await mkdir(join(dist, 'pagefind'), { recursive: true });
  await writeFile(join(dist, SHARD_MANIFEST_PATH), `${JSON.stringify(manifest)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `✓ 搜索索引：${pages.length} 个页面，${shards.length} 个分片（每片至多 ${size} 项隐患），用时 ${seconds} 秒。`,
  );
}

if (process.argv.includes('--worker')) {
  worker();
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof IndexError ? `搜索索引生成失败：${error.message}` : '搜索索引生成失败：');
    if (!(error instanceof IndexError)) console.error(error);
    process.exit(1);
  });
}
