import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentFingerprint,
  contentPaths,
  monthFiles,
  monthOfFile,
  readContentFolder,
  readSite,
  receiptsVersions,
} from '../../../src/lib/content/folder';
import { FIXTURE_DIR } from '../../fixtures/ledger';
import { git } from '../../support/git';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
/** A copy of the fixture's content folder, inside a fresh temporary folder. */
const copy = () => {
  dir = mkdtempSync(join(tmpdir(), 'folder-'));
  const content = join(dir, 'content');
  cpSync(FIXTURE_DIR, content, { recursive: true });
  return content;
};

describe('the content folder layout', () => {
  it('names every file and folder, and a month’s two files', () => {
    expect(contentPaths('c')).toEqual({
      site: 'c/site.yaml',
      receipts: 'c/receipts.yaml',
      hazardLists: 'c/hazard-lists',
      progressTables: 'c/progress-tables',
      map: 'c/map/villages.geojson',
    });
    expect(monthFiles('2023-07', 'c')).toEqual({
      list: 'c/hazard-lists/2023-07.yaml',
      table: 'c/progress-tables/2023-07.yaml',
    });
    expect(monthOfFile('content/hazard-lists/2023-07.yaml')).toBe('2023-07');
  });
});

describe('readContentFolder', () => {
  it('reads the monthly files in order, skips templates and says which files it did not read', () => {
    const content = copy();
    writeFileSync(join(content, 'hazard-lists/_template.yaml'), 'month: 这不是清单\n');
    writeFileSync(join(content, 'hazard-lists/.2023-09.yaml.swp'), '');
    writeFileSync(join(content, 'hazard-lists/2023-09.YAML'), 'month: 2023-09\n');
    const read = readContentFolder(content);
    if (!read.ok) throw new Error('the fixture has a site file');
    expect(read.sources.hazardLists.map((f) => f.path.split('/').at(-1))).toEqual([
      '2023-06.yaml',
      '2023-07.yaml',
      '2023-08.yaml',
    ]);
    expect(read.sources.receipts).toBeUndefined();
    expect(read.skipped.map((i) => [i.file.split('/').at(-1), i.severity])).toEqual([['2023-09.YAML', 'warning']]);
    expect(readSite(content).ok).toBe(true);
  });
});

describe('contentFingerprint', () => {
  it('changes with an edit, a new month or a removed file', () => {
    const content = copy();
    const before = contentFingerprint(content);
    expect(contentFingerprint(content)).toBe(before);
    const july = join(content, 'hazard-lists/2023-07.yaml');
    utimesSync(july, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const edited = contentFingerprint(content);
    expect(edited).not.toBe(before);
    writeFileSync(join(content, 'hazard-lists/2023-09.yaml'), 'month: 2023-09\n');
    const added = contentFingerprint(content);
    expect(added).not.toBe(edited);
    rmSync(join(content, 'site.yaml'));
    expect(contentFingerprint(content)).not.toBe(added);
  });
});

describe('receiptsVersions', () => {
  it('knows nothing of history outside a git repository', () => {
    expect(receiptsVersions(copy())).toBeUndefined();
  });

  it('lists every committed version oldest first, then the uncommitted file', () => {
    const content = copy();
    const repo = dir!;
    const receipts = join(content, 'receipts.yaml');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'no receipts yet');
    expect(receiptsVersions(content)).toEqual([]);
    for (const text of ['receipts: []\n', 'receipts: [] # 二\n']) {
      writeFileSync(receipts, text);
      git(repo, 'add', receipts);
      git(repo, 'commit', '-q', '-m', 'receipts');
    }
    const committed = receiptsVersions(content)!;
    expect(committed.map((v) => v.text)).toEqual(['receipts: []\n', 'receipts: [] # 二\n']);
    expect(committed[0]!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(committed[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    writeFileSync(receipts, 'receipts: [] # 三\n');
    expect(receiptsVersions(content)!.at(-1)).toEqual({ commit: undefined, date: undefined, text: 'receipts: [] # 三\n' });
    // From a folder inside the repository, not at its top.
    mkdirSync(join(repo, 'elsewhere'));
    expect(receiptsVersions(join(repo, 'elsewhere', '..', 'content'))).toHaveLength(3);
  });
});
