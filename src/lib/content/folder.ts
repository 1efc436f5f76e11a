import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Site } from '../../schemas/site';
import { gitVersions, type FileVersion } from './git-history';
import type { ContentIssue } from './issues';
import { parseContent, type Parsed } from './parse';

/**
 * The content folder, and the one module that knows its layout:
 *
 *   site.yaml                       the site file
 *   hazard-lists/YYYY-MM.yaml       the hazard list of each month
 *   progress-tables/YYYY-MM.yaml    the progress table (调度表) of each month
 *   receipts.yaml                   tip receipt statuses (optional)
 *   map/villages.geojson            the villages' boundaries, for the hazard map (optional)
 *
 * Files whose name starts with _ (templates) or . are not content. The build, `npm run check`
 * and every office command find, read and write content files through this module.
 */
export const CONTENT_LAYOUT = {
  site: 'site.yaml',
  receipts: 'receipts.yaml',
  hazardLists: 'hazard-lists',
  progressTables: 'progress-tables',
  map: 'map/villages.geojson',
} as const;

/** The content folder: `content/` unless CONTENT_DIR points elsewhere (benchmarks, tests). */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? join(process.cwd(), 'content');
}

/** `2023-07` → `2023-07.yaml`, the name of a month's list and of its table. */
export const monthFileName = (month: string): string => `${month}.yaml`;

/** `content/hazard-lists/2023-07.yaml` → `2023-07` */
export const monthOfFile = (path: string): string | undefined => /(\d{4}-\d{2})\.ya?ml$/.exec(path)?.[1];

/** Where the content files and monthly folders of `dir` are. */
export function contentPaths(dir: string = contentDir()): Record<keyof typeof CONTENT_LAYOUT, string> {
  return {
    site: join(dir, CONTENT_LAYOUT.site),
    receipts: join(dir, CONTENT_LAYOUT.receipts),
    hazardLists: join(dir, CONTENT_LAYOUT.hazardLists),
    progressTables: join(dir, CONTENT_LAYOUT.progressTables),
    map: join(dir, CONTENT_LAYOUT.map),
  };
}

/** A month's hazard-list and progress-table files. */
export function monthFiles(month: string, dir: string = contentDir()): { list: string; table: string } {
  const paths = contentPaths(dir);
  return { list: join(paths.hazardLists, monthFileName(month)), table: join(paths.progressTables, monthFileName(month)) };
}

/** A content file as read from disk: its path as messages name it, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Every file of a content folder, read (the site file, the monthly files, the receipts file). */
export interface ContentSources {
  site: SourceFile;
  hazardLists: readonly SourceFile[];
  progressTables: readonly SourceFile[];
  /** content/receipts.yaml, when there is one. */
  receipts?: SourceFile | undefined;
  /** content/map/villages.geojson, when there is one. */
  map?: SourceFile | undefined;
}

/** A content file's name in messages: relative to where the command runs (`content/site.yaml`). */
export const contentFileName = (path: string): string => relative(process.cwd(), path) || path;

/** A regular file (or a link to one); folders and broken links are not content. */
const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Reads a content file (its text, named as messages name it). */
export function readContentFile(path: string): SourceFile {
  return { path: contentFileName(path), text: readFileSync(path, 'utf8') };
}

/** A content file's text, or undefined when there is no such file. */
const readIfPresent = (path: string): string | undefined =>
  isFile(path) ? readFileSync(path, 'utf8') : undefined;

/**
 * The .yaml files of a monthly folder (hazard-lists or progress-tables), in name order. Anything
 * else is reported, not silently skipped: Windows hides extensions, and a month saved as
 * 2023-12.yaml.txt or 2023-12.YAML would otherwise just not be published.
 */
export function readMonthFolder(folder: string): { files: SourceFile[]; skipped: ContentIssue[] } {
  const files: SourceFile[] = [];
  const skipped: ContentIssue[] = [];
  if (!isFolder(folder)) return { files, skipped };
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (name.startsWith('_') || name.startsWith('.')) continue;
    if (/\.ya?ml$/.test(name) && isFile(path)) files.push(readContentFile(path));
    else {
      skipped.push({
        file: contentFileName(path),
        message: '不是 .yaml 内容文件，未读取（文件名应为 YYYY-MM.yaml，小写扩展名）',
        severity: 'warning',
      });
    }
  }
  return { files, skipped };
}

/** Every hazard-list file of the folder (the office tools read them raw: they may not validate yet). */
export const readHazardListFiles = (dir: string = contentDir()): SourceFile[] =>
  readMonthFolder(contentPaths(dir).hazardLists).files;

type FolderRead =
  { ok: true; sources: ContentSources; skipped: ContentIssue[] } | { ok: false; issues: ContentIssue[] };

/** Reads every content file of the folder; files that are not content are listed as warnings. */
export function readContentFolder(dir: string = contentDir()): FolderRead {
  const paths = contentPaths(dir);
  if (!isFile(paths.site)) {
    return {
      ok: false,
      issues: [{ file: contentFileName(paths.site), message: '找不到站点文件 site.yaml', severity: 'error' }],
    };
  }
  const lists = readMonthFolder(paths.hazardLists);
  const tables = readMonthFolder(paths.progressTables);
  return {
    ok: true,
    sources: {
      site: readContentFile(paths.site),
      hazardLists: lists.files,
      progressTables: tables.files,
      receipts: isFile(paths.receipts) ? readContentFile(paths.receipts) : undefined,
      map: isFile(paths.map) ? readContentFile(paths.map) : undefined,
    },
    skipped: [...lists.skipped, ...tables.skipped],
  };
}

/** The site file alone, validated (for commands that need only the villages or the recipients). */
export function readSite(dir: string = contentDir()): Parsed<Site> {
  const file = readContentFile(contentPaths(dir).site);
  return parseContent(file.path, file.text, Site);
}

/**
 * Names, sizes and modification times of every file readContentFolder reads: a new value means
 * the content changed. Cheap (one stat per file), so `astro dev` can ask on every request.
 */
export function contentFingerprint(dir: string = contentDir()): string {
  const paths = contentPaths(dir);
  const parts: string[] = [];
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    parts.push(stat ? `${path}:${stat.size}:${stat.mtimeMs}` : `${path}:-`);
  };
  add(paths.site);
  add(paths.receipts);
  add(paths.map);
  for (const folder of [paths.hazardLists, paths.progressTables]) {
    add(folder);
    if (isFolder(folder)) for (const name of readdirSync(folder).sort()) add(join(folder, name));
  }
  return parts.join('\n');
}

/**
 * Every version of the receipts file, oldest first: each committed version from git, then the
 * file as it is now when that differs from the last commit. Undefined when the folder is not
 * in a git repository (a copy, an unpacked archive): then only the current file is known.
 */
export function receiptsVersions(dir: string = contentDir()): FileVersion[] | undefined {
  const path = contentPaths(dir).receipts;
  const committed = gitVersions(path);
  if (!committed) return undefined;
  const now = readIfPresent(path);
  if (now === undefined || now === committed.at(-1)?.text) return committed;
  return [...committed, { commit: undefined, date: undefined, text: now }];
}

/** A content file to change in place: its name in messages, its text (undefined when missing), a writer. */
export function contentFile(path: string): { name: string; read(): string | undefined; write(text: string): void } {
  return { name: contentFileName(path), read: () => readIfPresent(path), write: (text) => writeFileAtomic(path, text) };
}

/** Writes through a temporary file and a rename, so an interrupted write never leaves half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}
