import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every file under `root`, recursively: its path (as a name the scan searches too) and its bytes.
 * What a store keeps on disk, whatever its own API lists.
 */
export async function readTree(root: string): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const where = relative(root, path);
    out.push([`${where} (path)`, Buffer.from(where)]);
    if (entry.isFile()) out.push([where, await readFile(path)]);
  }
  return out;
}
