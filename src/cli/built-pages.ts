/**
 * The HTML pages of a built site, for the steps that run after `astro build` (the search index and
 * its check): paths under the site with forward slashes, sorted, Pagefind's own folder left out.
 */
import { readdir } from 'node:fs/promises';

export async function builtPagePaths(dist: string): Promise<string[]> {
  const files = await readdir(dist, { recursive: true, encoding: 'utf8' });
  return files
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
}
