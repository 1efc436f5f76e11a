import { contentDir, readContentFolder } from '../content/folder';
import { readContentSet, type ContentResult } from './content-set';

/** Reads and validates the whole content folder (the build's and `npm run check`'s view of it). */
export function loadContent(dir: string = contentDir()): ContentResult {
  const folder = readContentFolder(dir);
  if (!folder.ok) return folder;
  const result = readContentSet(folder.sources);
  if (result.ok) result.content.warnings.push(...folder.skipped);
  else result.issues.push(...folder.skipped);
  return result;
}
