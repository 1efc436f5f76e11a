import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

/** One version of a file: the commit that made it (undefined for uncommitted changes), its day, its text. */
export interface FileVersion {
  commit: string | undefined;
  /** Commit day, YYYY-MM-DD. */
  date: string | undefined;
  text: string;
}

function git(cwd: string, args: string[], input?: string) {
  const run = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  return run.status === 0 ? run.stdout : undefined;
}

/** The path's folder, resolved through links, when it exists. */
function realFolder(path: string): string | undefined {
  try {
    return realpathSync(dirname(path));
  } catch {
    return undefined;
  }
}

/**
 * Every committed version of a file, oldest first, read from the git repository the file is
 * in (commits that deleted it are skipped). Undefined when there is no such repository or no
 * git. A shallow clone knows only its recent commits, so the oldest version returned may not be
 * the file's first; the history of a file renamed in the past starts at the rename.
 */
export function gitVersions(path: string): FileVersion[] | undefined {
  const folder = realFolder(path);
  if (!folder) return undefined;
  const top = git(folder, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  if (!top) return undefined;
  // git names paths with forward slashes, on every system.
  const file = relative(realpathSync(top), join(folder, basename(path))).split(sep).join('/');
  const log = git(top, ['log', '--format=%H %cs', '--', file]);
  if (!log) return undefined;
  const commits = log
    .toString('utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ') as [string, string])
    .reverse();
  if (!commits.length) return [];
  const batch = git(top, ['cat-file', '--batch'], commits.map(([commit]) => `${commit}:${file}\n`).join(''));
  if (!batch) return undefined;

  // Each object: "<id> blob <size>\n<size bytes>\n"; a missing one (deleted there): "<name> missing\n".
  const versions: FileVersion[] = [];
  let at = 0;
  for (const [commit, date] of commits) {
    const end = batch.indexOf(0x0a, at);
    const header = batch.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (header[1] !== 'blob') continue;
    const size = Number(header[2]);
    versions.push({ commit, date, text: batch.subarray(at, at + size).toString('utf8') });
    at += size + 1;
  }
  return versions;
}
