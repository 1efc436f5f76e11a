import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readContentSet, type ContentResult, type SourceFile } from './content-set';
import type { ContentIssue } from './issues';

/** The content folder: `content/` unless CONTENT_DIR points elsewhere (benchmarks, tests). */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
}

/** The content folder's layout, read by loadContent and watched by contentFingerprint. */
const SITE_FILE = 'site.yaml';
const RECEIPTS_FILE = 'receipts.yaml';
const HAZARD_LISTS = 'hazard-lists';
const PROGRESS_TABLES = 'progress-tables';

const shown = (path: string) => relative(process.cwd(), path) || path;

/** A regular file (or a link to one); folders and broken links are not content. */
const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

function read(path: string): SourceFile {
  return { path: shown(path), text: readFileSync(path, 'utf8') };
}

/**
 * The .yaml files of a folder. Anything else is reported, not silently skipped: Windows
 * hides extensions, and a month saved as 2023-12.yaml.txt or 2023-12.YAML would otherwise
 * just not be published.
 */
function readFolder(dir: string, skipped: ContentIssue[]): SourceFile[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  const files: SourceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.startsWith('_') || name.startsWith('.')) continue;
    if (/\.ya?ml$/.test(name) && isFile(path)) files.push(read(path));
    else {
      skipped.push({
        file: shown(path),
        message: '不是 .yaml 内容文件，未读取（文件名应为 YYYY-MM.yaml，小写扩展名）',
        severity: 'warning',
      });
    }
  }
  return files;
}

/**
 * Names, sizes and modification times of every file loadContent reads: a new value means the
 * content changed. Cheap (one stat per file), so `astro dev` can ask on every request.
 */
export function contentFingerprint(dir: string = contentDir()): string {
  const parts: string[] = [];
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    parts.push(stat ? `${path}:${stat.size}:${stat.mtimeMs}` : `${path}:-`);
  };
  add(join(dir, SITE_FILE));
  add(join(dir, RECEIPTS_FILE));
  for (const folder of [HAZARD_LISTS, PROGRESS_TABLES]) {
    const path = join(dir, folder);
    add(path);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    }
  }
  return parts.join('\n');
}

/** Reads and validates the whole content folder. */
export function loadContent(dir: string = contentDir()): ContentResult {
  const site = join(dir, SITE_FILE);
  if (!isFile(site)) {
    return { ok: false, issues: [{ file: shown(site), message: '找不到站点文件 site.yaml', severity: 'error' }] };
  }
  const skipped: ContentIssue[] = [];
  const result = readContentSet({
    site: read(site),
    hazardLists: readFolder(join(dir, HAZARD_LISTS), skipped),
    progressTables: readFolder(join(dir, PROGRESS_TABLES), skipped),
    receipts: isFile(join(dir, RECEIPTS_FILE)) ? read(join(dir, RECEIPTS_FILE)) : undefined,
  });
  if (result.ok) result.content.warnings.push(...skipped);
  else result.issues.push(...skipped);
  return result;
}
