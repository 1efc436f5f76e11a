/**
 * The domain library is layered: no module of src/lib/ imports a module that imports it back,
 * directly or through other modules, and no folder of src/lib/ imports a folder that imports it
 * back. Imports are read from the source text (type-only and dynamic imports count: they tie
 * the layers together just the same).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = resolve('src/lib');

function modulesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modulesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative import names, as TypeScript resolves it; undefined for packages. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Module → the src/lib modules it imports. */
function importGraph(root: string = LIB): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of modulesUnder(root)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      const target = resolveImport(file, fileName);
      if (target?.startsWith(`${root}/`)) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** `src/lib/ledger/rules.ts` → `ledger`; a module directly in src/lib is a folder of its own. */
const folderOf = (root: string, file: string) =>
  relative(root, file)
    .split('/')[0]!
    .replace(/\.tsx?$/, '');

/** Folder → the other folders its modules import. */
function folderGraph(modules: Map<string, Set<string>>, root: string = LIB): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of modules) {
    const from = folderOf(root, file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of targets) {
      const to = folderOf(root, target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's members (strongly connected components of more than one node, or a self-import). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** A cycle, named so it can be found: every member and what it imports inside the cycle. */
function describeCycle(graph: Map<string, Set<string>>, members: string[], name: (n: string) => string): string {
  return members
    .map(
      (m) =>
        `${name(m)} → ${[...graph.get(m)!]
          .filter((t) => members.includes(t))
          .map(name)
          .join(', ')}`,
    )
    .join('; ');
}

describe('src/lib layers', () => {
  const modules = importGraph();
  const shown = (file: string) => relative(process.cwd(), file);

  it('reads the imports of every module', () => {
    expect(modules.size).toBeGreaterThan(50);
    // A known import, to be sure resolution works.
    expect([...modules.get(join(LIB, 'ledger/rules.ts'))!].map(shown)).toContain('src/lib/ledger/status.ts');
  });

  it('has no cycle between modules', () => {
    expect(cycles(modules).map((c) => describeCycle(modules, c, shown))).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const folders = folderGraph(modules);
    expect(cycles(folders).map((c) => describeCycle(folders, c, (f) => f))).toEqual([]);
  });
});

describe('cycle finder', () => {
  const graph = (edges: Record<string, string[]>) =>
    new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

  it('finds a cycle through several nodes and leaves the acyclic rest alone', () => {
    expect(cycles(graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }))).toEqual([['a', 'b', 'c']]);
    expect(cycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds a node that imports itself', () => {
    expect(cycles(graph({ a: ['a'] }))).toEqual([['a']]);
  });
});
