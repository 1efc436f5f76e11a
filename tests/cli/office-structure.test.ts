/**
 * How the office commands are built: only the entry (src/cli/office.ts) touches the process, so
 * every command runs in a test with its own environment, writers and clock; and no command file
 * grows into several commands again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'src/cli/office';
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));

/** The code of a file without its comments (a comment may name process.stdout). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('src/cli/office/', () => {
  it('has commands to check', () => {
    expect(files.map((f) => f.name)).toContain('tips-list.ts');
  });

  it('reads the environment, writes output and exits only through the entry', () => {
    const touching = files.filter((f) =>
      /\bconsole\.|\bprocess\.(env|exit|exitCode|stdout|stderr|cwd|argv)\b/.test(code(f.text)),
    );
    expect(touching.map((f) => f.name)).toEqual([]);
  });

  it('keeps every file under 200 lines', () => {
    const long = files.filter((f) => f.text.split('\n').length > 200).map((f) => f.name);
    expect(long).toEqual([]);
  });

  it('has no import cycle between its files', () => {
    const imports = new Map(
      files.map((f) => [
        f.name,
        [...f.text.matchAll(/(?:from|import) '\.\/([\w-]+)'/g)].map((m) => `${m[1]}.ts`).filter((n) => n !== f.name),
      ]),
    );
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) {
        cycles.push([...path, name].join(' → '));
        return;
      }
      visiting.add(name);
      for (const next of imports.get(name) ?? []) visit(next, [...path, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of imports.keys()) visit(name, []);
    expect(cycles).toEqual([]);
  });
});
