/**
 * How the commands are built: only the entries (src/cli/office.ts and the three the build and check scripts
 * run) touch the process, so every office command runs in a test with its own environment, writers and clock;
 * and no command file grows into several commands again. Import cycles are dependency-cruiser's to find
 * (npm run check:imports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'src/cli';
/** The files npm scripts run: each maps its arguments and the process to the code it calls. */
const ENTRIES = ['check-content.ts', 'check-search-index.ts', 'index-search.ts', 'office.ts'];
const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));

/** The code of a file without its comments (a comment may name process.stdout). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('src/cli/', () => {
  it('has commands to check', () => {
    expect(files.map((f) => f.name)).toContain(join('office', 'tips-list.ts'));
  });

  it('reads the environment, writes output and exits only through the entries', () => {
    const touching = files.filter((f) =>
      /\bconsole\.|\bprocess\.(env|exit|exitCode|stdout|stderr|cwd|argv)\b/.test(code(f.text)),
    );
    expect(touching.map((f) => f.name).sort()).toEqual(ENTRIES);
  });

  it('keeps every file under 200 lines', () => {
    const long = files.filter((f) => f.text.split('\n').length > 200).map((f) => f.name);
    expect(long).toEqual([]);
  });
});
