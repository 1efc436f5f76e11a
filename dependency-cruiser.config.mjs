/**
 * Which code may import which: the layers README's folder guide promises, checked by dependency-cruiser
 * (`npm run check:imports`, part of `npm run check`; tests/unit/architecture/layers.test.ts shows it failing on a
 * planted cycle and upward import). Rules name folders by role, never single files, so they hold as modules move.
 *
 *   schemas, i18n                  the base: plain zod schemas and UI strings; import only their own kind
 *   lib                            the domain: schemas, i18n and lib only; no Astro, Netlify or React
 *   data                           the content set once per build: lib and schemas
 *   components, layouts, pages     presentation: anything below; components and layouts never import pages/
 *   islands                        the browser's code: lib, schemas, i18n, islands; nothing of Node
 *   cli, server, netlify           commands, self-hosting and functions: lib, schemas and the stores in server/;
 *                                  server's entry points run the functions
 *   scripts                        tooling: anything, and the shared test harness tests/support
 *
 * Product code (src/, netlify/) never imports scripts/ or tests/, nor a devDependency. No cycle anywhere (type-only imports count:
 * they tie modules together just the same), and no cycle between the folders of src/lib.
 *
 * .astro files are read too: dependency-cruiser has no Astro parser, so their frontmatter goes through its
 * tolerant JavaScript parser (acorn-loose), which finds their imports; the layers test checks that it does.
 */

/** Folders of src/ by role. */
const SRC = '^src/';
const BASE = `${SRC}(schemas|i18n)/`;
const LIB = `${SRC}lib/`;
const PRESENTATION = `${SRC}(components|layouts|pages)/`;
const ENTRY = `(${SRC}(cli|server)/|^netlify/)`;
const PRODUCT = `(${SRC}|^netlify/)`;
/** What only runs in Node or at build time: never in lib's reach, never in the browser's. */
const FRAMEWORK = '^(astro:|node_modules/(astro|@astrojs|@netlify|react|react-dom)/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A module imports a module that imports it back, directly or through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-lib-folder-cycle',
      comment: 'A folder of src/lib imports a folder that imports it back: src/lib is layered.',
      severity: 'error',
      scope: 'folder',
      from: { path: LIB },
      to: { path: LIB, circular: true },
    },
    {
      name: 'base-imports-only-base',
      comment: 'src/schemas and src/i18n are the base: they import nothing of the project but their own kind.',
      severity: 'error',
      from: { path: BASE },
      to: { path: PRODUCT, pathNot: `${SRC}$1/` },
    },
    {
      name: 'lib-imports-lib-and-base',
      comment:
        'src/lib is the domain: it imports only lib, schemas and i18n (no pages, commands, server, functions, scripts).',
      severity: 'error',
      from: { path: LIB },
      to: { path: `(${PRODUCT}|^scripts/|^tests/)`, pathNot: `(${LIB}|${BASE})` },
    },
    {
      name: 'lib-no-framework',
      comment: 'src/lib is plain TypeScript: no astro:*, Astro, Netlify or React import.',
      severity: 'error',
      from: { path: LIB },
      to: { path: FRAMEWORK },
    },
    {
      name: 'data-imports-lib-and-base',
      comment: 'src/data loads the content set for the pages: it imports lib and schemas, never what uses it.',
      severity: 'error',
      from: { path: `${SRC}data/` },
      to: { path: PRODUCT, pathNot: `(${LIB}|${BASE}|${SRC}data/)` },
    },
    {
      name: 'presentation-not-entry',
      comment: 'Components, layouts and pages present: they never import commands, the server or functions.',
      severity: 'error',
      from: { path: PRESENTATION },
      to: { path: ENTRY },
    },
    {
      name: 'presentation-not-page',
      comment: 'Components and layouts are below pages: they never import a page or a module of src/pages.',
      severity: 'error',
      from: { path: `${SRC}(components|layouts)/` },
      to: { path: `${SRC}pages/` },
    },
    {
      name: 'islands-browser-only',
      comment:
        'Islands run in the browser: they import lib, schemas, i18n and islands, never pages, data, commands, the server, functions or Node.',
      severity: 'error',
      from: { path: `${SRC}islands/` },
      to: { path: `(${PRESENTATION}|${SRC}data/|${ENTRY})` },
    },
    {
      name: 'islands-no-node',
      comment: 'Islands run in the browser: no Node built-in module.',
      severity: 'error',
      from: { path: `${SRC}islands/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'entry-not-presentation',
      comment: 'Commands, the server and functions work with lib and schemas, never with pages, components or islands.',
      severity: 'error',
      from: { path: ENTRY },
      to: { path: `(${PRESENTATION}|${SRC}islands/)` },
    },
    {
      name: 'functions-not-cli',
      comment: 'Functions and the server never import the office commands.',
      severity: 'error',
      from: { path: `(${SRC}server/|^netlify/)` },
      to: { path: `${SRC}cli/` },
    },
    {
      name: 'product-not-tooling',
      comment: 'Product code (src/, netlify/) never imports scripts/ or tests/.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'product-not-dev-dependency',
      comment:
        'Product code (src/, netlify/) runs with the dependencies only (npm ci --omit=dev): no devDependency, such as a test framework.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'scripts-not-tests',
      comment: 'Scripts may share the test harness (tests/support), never a test.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/', pathNot: '^tests/support/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that names no file or package: a typo or a moved module.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.astro)/' },
    tsPreCompilationDeps: true,
    // .astro: read as files in their own right (see above); .mts/.mjs: functions and scripts.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.astro', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Vite's query suffixes (`?url`, `?raw`) are part of no file name.
    moduleSystems: ['es6', 'cjs'],
  },
};
