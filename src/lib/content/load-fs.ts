import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readContentSet, type ContentResult, type SourceFile } from './content-set';

/** The content folder: `content/` unless CONTENT_DIR points elsewhere (benchmarks, tests). */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
}

function read(path: string): SourceFile {
  return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
}

function readFolder(dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
    .sort()
    .map((name) => read(join(dir, name)));
}

/** Reads and validates the whole content folder. */
export function loadContent(dir: string = contentDir()): ContentResult {
  const site = join(dir, 'site.yaml');
  if (!existsSync(site)) {
    const file = relative(process.cwd(), site) || site;
    return { ok: false, issues: [{ file, message: '找不到站点文件 site.yaml', severity: 'error' }] };
  }
  return readContentSet({
    site: read(site),
    hazardLists: readFolder(join(dir, 'hazard-lists')),
    progressTables: readFolder(join(dir, 'progress-tables')),
    receipts: existsSync(join(dir, 'receipts.yaml')) ? read(join(dir, 'receipts.yaml')) : undefined,
  });
}
