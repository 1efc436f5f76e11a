/**
 * Which code may import which (dependency-cruiser.config.mjs, run by `npm run check:imports` in `npm run check`):
 * the project's tree passes, and planted cycles and upward imports — in a small tree of their own and in a
 * copy of the project — make the check fail and name the rule.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImports as check, frontmatter } from '../../../scripts/check-imports.mjs';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A temporary tree with these files (path → text). */
function tree(files: Record<string, string>, base?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  roots.push(root);
  if (base) {
    for (const folder of ['src', 'netlify', 'scripts', 'tests']) {
      cpSync(join(base, folder), join(root, folder), {
        recursive: true,
        filter: (path) => !path.includes('node_modules'),
      });
    }
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A small project in the right shape: every import allowed. */
const LAWFUL = {
  'src/schemas/hazard.ts': "import { z } from 'zod';\nexport const hazard = z.string();\n",
  'src/lib/ledger/status.ts': "import { hazard } from '../../schemas/hazard';\nexport const status = hazard;\n",
  'src/lib/ledger/rules.ts': "import { status } from './status';\nexport const rules = [status];\n",
  'src/lib/disclosure/month.ts': "import { rules } from '../ledger/rules';\nexport const month = rules;\n",
  'src/components/Month.astro': "---\nimport { month } from '../lib/disclosure/month';\n---\n<p>{month.length}</p>\n",
  'src/pages/index.astro':
    "---\nimport Month from '../components/Month.astro';\nimport type { APIRoute } from 'astro';\n---\n<Month />\n",
  'src/cli/office.ts': "import { rules } from '../lib/ledger/rules';\nexport default rules;\n",
  'netlify/functions/tips.mts': "import { hazard } from '../../src/schemas/hazard';\nexport default hazard;\n",
  'scripts/bench.ts': "import { month } from '../src/lib/disclosure/month';\nexport default month;\n",
};

describe('import rules', () => {
  it('the project passes', () => {
    const { status, output } = check();
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('a small tree with only allowed imports passes (so failures below come from the plants)', () => {
    const { status, output } = check({ root: tree(LAWFUL) });
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fails on every kind of planted violation and names its rule', () => {
    const { status, output } = check({
      root: tree({
        ...LAWFUL,
        // A cycle between two modules (type-only counts).
        'src/lib/ledger/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
        'src/lib/ledger/b.ts': "import type { A } from './a';\nexport type B = A | number;\n",
        // A cycle between folders of src/lib, no module cycle: ledger → disclosure → ledger.
        'src/lib/ledger/uses-month.ts': "import { month } from '../disclosure/month';\nexport const m = month;\n",
        // The domain importing upwards, and Astro.
        'src/lib/office/prints.ts': "import office from '../../cli/office';\nexport const p = office;\n",
        'src/lib/office/astro.ts': "import { getCollection } from 'astro:content';\nexport const g = getCollection;\n",
        // A schema importing the domain.
        'src/schemas/site.ts': "import { rules } from '../lib/ledger/rules';\nexport const site = rules;\n",
        // A component importing a page: the frontmatter's first import (the one a JavaScript parser loses).
        'src/components/Bad.astro': "---\nimport { ctx } from '../pages/_context';\n---\n<p>{ctx}</p>\n",
        'src/pages/_context.ts': 'export const ctx = 1;\n',
        // Product code importing tooling; a function importing a command; an island importing Node.
        'src/lib/search/bench.ts': "import b from '../../../scripts/bench';\nexport const s = b;\n",
        'netlify/functions/office.mts': "import office from '../../src/cli/office';\nexport default office;\n",
        'src/islands/form.tsx': "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
        // A command loading a devDependency (absent under npm ci --omit=dev), even lazily.
        'src/cli/print.ts': "export const load = () => import('@playwright/test');\n",
      }),
    });
    expect(status).not.toBe(0);
    for (const rule of [
      'no-cycle: src/lib/ledger/a.ts',
      'no-lib-folder-cycle',
      'lib-imports-lib-and-base: src/lib/office/prints.ts → src/cli/office.ts',
      'lib-no-framework: src/lib/office/astro.ts → astro:content',
      'base-imports-only-base: src/schemas/site.ts → src/lib/ledger/rules.ts',
      'presentation-not-page: src/components/Bad.astro → src/pages/_context.ts',
      'product-not-tooling: src/lib/search/bench.ts → scripts/bench.ts',
      'functions-not-cli: netlify/functions/office.mts → src/cli/office.ts',
      'islands-no-node: src/islands/form.tsx → fs',
      'product-not-dev-dependency: src/cli/print.ts → ',
    ]) {
      expect(output).toContain(rule);
    }
  });

  it('fails on a cycle planted in a copy of the project, and on nothing else there', () => {
    const root = tree(
      {
        'src/lib/planted-a.ts': "import { b } from './planted-b';\nexport const a = () => b;\n",
        'src/lib/planted-b.ts': "import { a } from './planted-a';\nexport const b = () => a;\n",
      },
      resolve('.'),
    );
    const { status, output } = check({ root });
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-cycle: src\/lib\/planted-[ab]\.ts/);
    expect(output).toMatch(/1 dependency violations|1 error/);
  });
});

describe('frontmatter', () => {
  it('is the code between the fences, and nothing when there is none', () => {
    expect(frontmatter("---\nimport a from './a';\nconst b: number = 1;\n---\n<p>{b}</p>\n")).toBe(
      "import a from './a';\nconst b: number = 1;",
    );
    expect(frontmatter('<p>static</p>\n')).toBe('');
  });
});
