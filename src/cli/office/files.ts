import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSite, writeFileAtomic } from '../../lib/content/folder';
import { formatIssues } from '../../lib/content/issues';
import type { Site } from '../../schemas/site';
import { OfficeError } from './args';

/**
 * Files of the office tools. Content files are found, read and written through
 * lib/content/folder.ts; what is here is for the files the tools write elsewhere
 * (templates, photos, keys).
 */

/** The project checkout these tools belong to (private keys must never land inside it). */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Writes a file whole or not at all (through a temporary file and a rename). */
export const writeBytes: (path: string, data: string | Uint8Array) => void = writeFileAtomic;

export { existsSync };

/**
 * Reads and validates the site file of the content folder `dir`; a command that needs it stops on
 * its errors. It reads the disk: call it once per command and pass the result on.
 */
export function loadSite(dir: string): Site {
  const parsed = readSite(dir);
  if (!parsed.ok) throw new OfficeError(`站点文件有错误：\n${formatIssues(parsed.issues)}`);
  return parsed.value;
}
