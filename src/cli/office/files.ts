import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../../lib/content/load-fs';

/** The project checkout these tools belong to (private keys must never land inside it). */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A path as the clerk should read it: relative to where the command was run. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** A content file's name in validation messages, exactly as lib/content/load-fs.ts names it. */
export const contentFileName = (path: string): string => relative(process.cwd(), path) || path;

export const monthFiles = (month: string, dir: string = contentDir()) => ({
  list: join(dir, 'hazard-lists', `${month}.yaml`),
  table: join(dir, 'progress-tables', `${month}.yaml`),
});

export const receiptsFile = (dir: string = contentDir()): string => join(dir, 'receipts.yaml');

export const readText = (path: string): string => readFileSync(path, 'utf8');

/** Writes through a temporary file and a rename, so an interrupted write never leaves half a file. */
export function writeBytes(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export const writeText = (path: string, text: string): void => writeBytes(path, text);

export { existsSync };
