import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSite, writeFileAtomic } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import type { Site } from '../../schemas/site';
import { OfficeError } from './args';

/**
 * Files of the office tools. Content files are found, read and written through
 * lib/content/folder.ts; what is here is for the files the tools write elsewhere
 * (templates, photos, keys) and for telling the clerk where things are.
 */

/** The project checkout these tools belong to (private keys must never land inside it). */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A path as the clerk should read it: relative to where the command was run. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Writes a file whole or not at all (through a temporary file and a rename). */
export const writeBytes: (path: string, data: string | Uint8Array) => void = writeFileAtomic;

export { existsSync };

/** The site file, validated; a command that needs it stops on its errors. */
export function site(): Site {
  const parsed = readSite();
  if (!parsed.ok) throw new OfficeError(`站点文件有错误：\n${formatIssues(parsed.issues)}`);
  return parsed.value;
}
