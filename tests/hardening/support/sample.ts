/** The committed sample content, read the way the loader reads it (paths relative to the project). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ContentSources, SourceFile } from '../../../src/lib/content/folder';

export const ROOT = join(import.meta.dirname, '../../..');

function read(path: string): SourceFile {
  return { path, text: readFileSync(join(ROOT, path), 'utf8') };
}

function folder(dir: string): SourceFile[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
    .sort()
    .map((name) => read(`${dir}/${name}`));
}

export function sampleSources(): ContentSources {
  return {
    site: read('content/site.yaml'),
    hazardLists: folder('content/hazard-lists'),
    progressTables: folder('content/progress-tables'),
  };
}

/** A hazard as written in a file: plain parsed YAML, not validated. */
export type RawHazard = Record<string, unknown> & { id: string; status: string };
export interface RawList {
  month: string;
  cutoff: string;
  hazards: RawHazard[];
  revisions?: { hazards?: string[] }[];
  [key: string]: unknown;
}

const parsed = new Map<string, RawList>();

/** The file's YAML as plain data, cached and shared: read it, never change it (the fuzzer asks often). */
export function readList(file: SourceFile): Readonly<RawList> {
  let list = parsed.get(file.text);
  if (!list) parsed.set(file.text, (list = parse(file.text) as RawList));
  return list;
}

/** The file's YAML as plain data, a copy of its own to change. */
export const parseList = (file: SourceFile): RawList => structuredClone(readList(file));
