/**
 * The tip line's two forms share one kit (src/islands/tip-form/): the tip form (report/) and the
 * receipt page (receipt/) import it, never each other, and the kit imports neither.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ISLANDS = resolve('src/islands');
const FOLDERS = { report: ['receipt'], receipt: ['report'], 'tip-form': ['report', 'receipt'] } as const;

/** The islands folders a folder's modules import (relative imports only). */
function importedFolders(folder: string): string[] {
  const dir = join(ISLANDS, folder);
  const found = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
    const file = join(dir, name);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative(ISLANDS, resolve(dirname(file), fileName));
      if (!target.startsWith('..') && target.includes('/')) found.add(target.split('/')[0]!);
    }
  }
  return [...found];
}

describe('tip-line islands', () => {
  for (const [folder, forbidden] of Object.entries(FOLDERS)) {
    it(`${folder}/ does not import ${forbidden.join(' or ')}/`, () => {
      const imported = importedFolders(folder);
      expect(imported.filter((f) => (forbidden as readonly string[]).includes(f))).toEqual([]);
    });
  }

  it('both forms use the kit', () => {
    expect(importedFolders('report')).toContain('tip-form');
    expect(importedFolders('receipt')).toContain('tip-form');
  });
});
