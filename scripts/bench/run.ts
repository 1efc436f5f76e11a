/**
 * `npm run bench` — the product at county scale. Builds synthetic ledgers of 1,000 / 10,000 /
 * 50,000 hazards over 24 months with the normal build (each side by side with a bare Astro site
 * of the same page count), weighs each page type of the sample build, counts the bytes of a
 * first search on the largest ledger, pushes 200 concurrent tips through the real function — into
 * local Netlify Blobs, and through nginx and the production server into a file store — and scores
 * every page type of the sample with Lighthouse, weighs the hazard map at county scale, and times
 * the production server's start (built, on the system Node, against the sources through tsx).
 * Prints a table and writes bench/results.json; with --only, the measures taken replace their
 * namesakes in the existing file and the rest are kept. Not part of CI.
 *
 *   npm run bench                 full size (several minutes)
 *   npm run bench -- --quick      every measure at about 1/50 of the size
 *   npm run bench -- --runs 5     runs per build size (default 3; 1 at 50,000) and per Lighthouse page (default and least 3)
 *   npm run bench -- --only build,pages,search,tips,lighthouse,map,server
 *   npm run bench -- --only lighthouse --pages search,hazard    Lighthouse on these page types only
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadContent } from '../../src/lib/content-set/load';
import { focusFirstField, launchChromium, pageWeight, searchBytes } from './browser';
import { layoutTime } from './layout';
import { benchLighthouse, pageTypeLabels } from './lighthouse';
import { astroBuild, buildSite, countPages } from './build';
import { benchMap } from './map';
import { writeSynthetic } from './generate';
import { median, type Measured } from './measure';
import { ROOT, floorProject, projectCopy, remove, tempDir } from './projects';
import { MIN_LIGHTHOUSE_RUNS, formatTable, lighthouseTable, type Measure } from './report';
import { serveStatic } from './static-server';
import { measureTipIntake, prepareEnvelopes } from './tip-intake';
import { measureSelfHostedIntake } from './tip-intake-selfhost';
import { measureServerStart } from './server-start';
import { NGINX } from '../nginx';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    pages: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const only = new Set((values.only ?? 'build,pages,search,tips,lighthouse,map,server').split(','));
const scale = quick ? 1 / 50 : 1;
const SIZES = [1_000, 10_000, 50_000].map((n) => Math.round(n * scale));
const MONTHS = 24;
const VILLAGES = quick ? 4 : 200;
const SEED = 20230612;
const runsFor = (size: number) => Number(values.runs ?? (size >= 50_000 ? 1 : 3));

const measures: Measure[] = [];
const add = (m: Measure) => {
  measures.push(m);
  console.log(formatTable([m]).split('\n').at(-1));
};
const s = (ms: number) => Math.round(ms / 100) / 10;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
const log = (text: string) => console.log(`\n— ${text}`);

const project = projectCopy();
let largestSite: string | undefined;

async function benchBuilds(): Promise<void> {
  const walls: number[] = [];
  for (const size of SIZES) {
    log(`build: ${size} hazards, ${MONTHS} months, ${VILLAGES} villages`);
    const content = tempDir(`content-${size}`);
    const written = writeSynthetic(content, { hazards: size, months: MONTHS, villages: VILLAGES, seed: SEED });
    console.log(`  content: ${(written.bytes / 1e6).toFixed(1)} MB of YAML, ${written.entries} hazard entries`);
    const ours: { astro: Measured; pagefind: Measured; check: Measured | undefined }[] = [];
    const floor: Measured[] = [];
    let floorDir: string | undefined;
    let pages = 0;
    for (let run = 0; run < runsFor(size); run++) {
      const out = tempDir(`site-${size}`);
      const built = await buildSite(project, content, out);
      ours.push(built);
      pages = built.pages;
      console.log(
        `  run ${run + 1}: ours ${s(built.astro.wallMs)} s + Pagefind ${s(built.pagefind.wallMs)} s` +
          ` + index check ${s(built.check?.wallMs ?? 0)} s, peak ${mib(peakOf(built))} MiB`,
      );
      if (size === SIZES.at(-1) && run === runsFor(size) - 1) largestSite = out;
      else remove(out);
      // The floor, side by side: same page count, same Astro, trivial pages.
      floorDir ??= floorProject(pages - 1);
      const floorOut = tempDir(`floor-${size}`);
      const bare = await astroBuild(floorDir, floorOut);
      if (bare.code !== 0) throw new Error(`floor build failed:\n${bare.tail}`);
      floor.push(bare);
      console.log(`  run ${run + 1}: floor ${s(bare.wallMs)} s (${countPages(floorOut)} pages)`);
      remove(floorOut);
    }
    if (floorDir) remove(floorDir);
    remove(content);
    const astroWall = median(ours.map((r) => r.astro.wallMs));
    const total = median(ours.map((r) => r.astro.wallMs + r.pagefind.wallMs + (r.check?.wallMs ?? 0)));
    const floorWall = median(floor.map((r) => r.wallMs));
    const peak = median(ours.map(peakOf));
    walls.push(total);
    const runs = ours.length;
    add({ name: `build.${size}.pages`, value: pages, unit: 'pages', runs });
    add({
      name: `build.${size}.total`,
      value: s(total),
      unit: 's',
      runs,
      ...(size >= 50_000 * scale ? { goal: '< 300 s', ok: total < 300_000 } : {}),
    });
    add({
      name: `build.${size}.astro`,
      value: s(astroWall),
      unit: 's',
      runs,
      compare: {
        name: 'bare Astro, same page count',
        value: s(floorWall),
        unit: 's',
        ratio: round2(astroWall / floorWall),
      },
      goal: 'ratio ≤ 1.5',
      ok: astroWall / floorWall <= 1.5,
    });
    add({ name: `build.${size}.pagefind`, value: s(median(ours.map((r) => r.pagefind.wallMs))), unit: 's', runs });
    add({ name: `build.${size}.indexCheck`, value: s(median(ours.map((r) => r.check?.wallMs ?? 0))), unit: 's', runs });
    add({
      name: `build.${size}.peakMemory`,
      value: mib(peak),
      unit: 'MiB',
      runs,
      compare: { name: 'bare Astro', value: mib(median(floor.map((r) => r.peakRssBytes))), unit: 'MiB' },
      ...(size >= 50_000 * scale ? { goal: '< 4096 MiB', ok: peak < 4 * 2 ** 30 } : {}),
    });
    // Which step the peak comes from.
    const stepPeak = (pick: (r: (typeof ours)[number]) => Measured | undefined) =>
      mib(median(ours.map((r) => pick(r)?.peakRssBytes ?? 0)));
    add({ name: `build.${size}.peakMemory.astro`, value: stepPeak((r) => r.astro), unit: 'MiB', runs });
    add({ name: `build.${size}.peakMemory.pagefind`, value: stepPeak((r) => r.pagefind), unit: 'MiB', runs });
    add({ name: `build.${size}.peakMemory.indexCheck`, value: stepPeak((r) => r.check), unit: 'MiB', runs });
  }
  for (let i = 1; i < SIZES.length; i++) {
    // Exponent k in time ∝ size^k between two sizes: 1 is linear.
    const k = Math.log(walls[i]! / walls[i - 1]!) / Math.log(SIZES[i]! / SIZES[i - 1]!);
    add({
      name: `build.growth.${SIZES[i - 1]}-${SIZES[i]}`,
      value: round2(k),
      unit: 'exponent',
      goal: '≤ 1 (linear)',
      ok: k <= 1.05,
    });
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The steps run one after another, so the build's peak is the largest step's. */
const peakOf = (r: { astro: Measured; pagefind: Measured; check: Measured | undefined }) =>
  Math.max(r.astro.peakRssBytes, r.pagefind.peakRssBytes, r.check?.peakRssBytes ?? 0);

async function benchPages(): Promise<void> {
  log('pages: the sample build, each page type in Chromium');
  const loaded = loadContent(join(ROOT, 'content'));
  if (!loaded.ok) throw new Error('the sample content does not validate');
  const { ledger, site } = loaded.content;
  const latest = ledger.latestMonth!;
  const hazard = ledger.list(latest).hazards[0]!;
  const village = site.villages.find((v) => v.name === hazard.village)!;
  const out = tempDir('sample');
  await buildSite(project, join(ROOT, 'content'), out);
  const server = await serveStatic(out);
  const browser = await launchChromium();
  try {
    const types: [string, string, boolean][] = [
      ['home', '/', true],
      ['month', `/disclosures/${latest}/`, true],
      ['hazard', `/hazards/${hazard.id}/`, true],
      ['village', `/villages/${village.slug}/`, true],
      ['search', '/search/', false],
      ['report', '/report/', false],
      ['receipt', '/receipt/', false],
    ];
    const forms = new Set(['report', 'receipt']);
    for (const [type, path, disclosure] of types) {
      const form = forms.has(type);
      const weight = await pageWeight(browser, `${server.origin}${path}`, form ? focusFirstField : undefined);
      add({
        name: `pages.${type}.htmlCss`,
        value: kB(weight.htmlCssGzip),
        unit: 'kB gzip',
        ...(type === 'month' ? { goal: '< 30 kB', ok: weight.htmlCssGzip < 30 * 1024 } : {}),
      });
      add({
        name: `pages.${type}.js`,
        value: kB(weight.js),
        unit: 'kB',
        compare: { name: 'gzipped', value: kB(weight.jsGzip), unit: 'kB' },
        ...(disclosure ? { goal: '0', ok: weight.js === 0 } : {}),
        ...(form ? { goal: '≤ 80 kB gzipped', ok: weight.jsGzip <= 80 * 1024 } : {}),
      });
      // The tip line's encryption, proof of work and validation: fetched on the first interaction.
      if (form)
        add({ name: `pages.${type}.jsAfterInteraction`, value: kB(weight.jsAfterInteractionGzip), unit: 'kB gzip' });
    }
    // Blocks below the first screen are laid out when scrolled near (content-visibility); the same page
    // with every block laid out at once is the comparison. A resident's second visit: stylesheets cached.
    const runs = 7;
    const layout = await layoutTime(browser, server.origin, `/disclosures/${latest}/`, runs);
    add({
      name: 'pages.month.layout',
      value: Math.round(layout.deferred),
      unit: 'ms',
      runs,
      compare: {
        name: 'all blocks at once',
        value: Math.round(layout.allAtOnce),
        unit: 'ms',
        ratio: round2(layout.deferred / layout.allAtOnce),
      },
      goal: '≤ ½ of all at once',
      ok: layout.deferred <= layout.allAtOnce / 2,
    });
  } finally {
    await browser.close();
    await server.close();
    remove(out);
  }
}

/** The same page types on the largest ledger: what a resident downloads when a county publishes. */
function benchCountyPages(): void {
  if (!largestSite) return;
  const size = SIZES.at(-1)!;
  log(`pages on the ${size}-hazard build (HTML only, gzip -9)`);
  const bySize = (files: string[]) =>
    files.sort((a, b) => statSync(join(largestSite!, b)).size - statSync(join(largestSite!, a)).size)[0];
  const largestIn = (dir: string) =>
    bySize(readdirSync(join(largestSite!, dir)).map((d) => join(dir, d, 'index.html')));
  const months = readdirSync(join(largestSite, 'disclosures')).filter((d) => /^\d{4}-\d{2}$/.test(d));
  // A month past the split threshold has a page per village (/disclosures/YYYY-MM/villages/<slug>/).
  const villageMonths = months.flatMap((m) => {
    const dir = join('disclosures', m, 'villages');
    return existsSync(join(largestSite!, dir))
      ? readdirSync(join(largestSite!, dir)).map((v) => join(dir, v, 'index.html'))
      : [];
  });
  const pages: [string, string | undefined][] = [
    ['home', 'index.html'],
    ['month', bySize(months.map((m) => join('disclosures', m, 'index.html')))],
    ['villageMonth', bySize(villageMonths)],
    ['hazard', largestIn('hazards')],
    ['village', largestIn('villages')],
    ['sector', largestIn('sectors')],
  ];
  for (const [type, file] of pages) {
    if (!file) continue;
    const html = readFileSync(join(largestSite, file));
    const gzip = gzipSync(html, { level: 9 }).length;
    add({
      name: `county.${size}.${type}.html`,
      value: kB(gzip),
      unit: 'kB gzip',
      compare: { name: 'uncompressed', value: kB(html.length), unit: 'kB' },
      // The largest page of its type; month pages carry the same goal as on the sample.
      ...(type === 'month' || type === 'villageMonth' ? { goal: '< 30 kB', ok: gzip < 30 * 1024 } : {}),
    });
  }
}

async function benchSearch(): Promise<void> {
  const size = SIZES.at(-1)!;
  log(`search: first query on the ${size}-hazard build`);
  let site = largestSite;
  if (!site) {
    const content = tempDir('content-search');
    writeSynthetic(content, { hazards: size, months: MONTHS, villages: VILLAGES, seed: SEED });
    site = tempDir('site-search');
    await buildSite(project, content, site);
    remove(content);
  }
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const runs = [];
    for (let i = 0; i < 3; i++)
      runs.push(await searchBytes(browser, `${server.origin}/search/?q=${encodeURIComponent('燃气')}`));
    const total = median(runs.map((r) => r.totalGzip));
    add({
      name: `search.${size}.firstQuery`,
      value: kB(total),
      unit: 'kB gzip',
      runs: runs.length,
      compare: { name: 'of which Pagefind', value: kB(median(runs.map((r) => r.pagefindGzip))), unit: 'kB' },
      goal: '< 150 kB',
      ok: total < 150 * 1024,
    });
    add({ name: `search.${size}.requests`, value: median(runs.map((r) => r.requests)), unit: 'requests' });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function benchTips(): Promise<void> {
  const count = Math.max(4, Math.round(200 * scale));
  const envelopes = await prepareEnvelopes(count);
  log(`tips: ${count} concurrent submissions through the tip function into local Blobs`);
  const r = await measureTipIntake(count, envelopes);
  add({ name: `tips.${count}.p50`, value: Math.round(r.p50Ms), unit: 'ms' });
  add({ name: `tips.${count}.p95`, value: Math.round(r.p95Ms), unit: 'ms' });
  add({ name: `tips.${count}.lost`, value: r.lost, unit: 'tips', goal: '0', ok: r.lost === 0 && r.accepted === count });
  add({ name: `tips.${count}.duplicated`, value: r.duplicated, unit: 'tips', goal: '0', ok: r.duplicated === 0 });
  add({
    name: `tips.${count}.retryMismatches`,
    value: r.retryMismatches,
    unit: 'tips',
    goal: '0',
    ok: r.retryMismatches === 0,
  });

  // The same envelopes on a self-hosted server: HTTPS → nginx (shipped config) → serve:production → file store.
  if (!existsSync(NGINX)) {
    log(`tips: self-hosted intake skipped: no nginx at ${NGINX} (apt-get install nginx)`);
    return;
  }
  log(`tips: the same ${count} through nginx and the production server into a file store`);
  const h = await measureSelfHostedIntake(count, envelopes);
  const blobs = 'Netlify Blobs (local server, function in-process)';
  add({
    name: `tips.selfhost.${count}.p50`,
    value: Math.round(h.p50Ms),
    unit: 'ms',
    compare: { name: blobs, value: Math.round(r.p50Ms), unit: 'ms' },
  });
  add({
    name: `tips.selfhost.${count}.p95`,
    value: Math.round(h.p95Ms),
    unit: 'ms',
    compare: { name: blobs, value: Math.round(r.p95Ms), unit: 'ms' },
  });
  add({
    name: `tips.selfhost.${count}.lost`,
    value: h.lost,
    unit: 'tips',
    goal: '0',
    ok: h.lost === 0 && h.accepted === count,
  });
  add({
    name: `tips.selfhost.${count}.duplicated`,
    value: h.duplicated,
    unit: 'tips',
    goal: '0',
    ok: h.duplicated === 0,
  });
  add({
    name: `tips.selfhost.${count}.retryMismatches`,
    value: h.retryMismatches,
    unit: 'tips',
    goal: '0',
    ok: h.retryMismatches === 0,
  });
}

async function benchServerStart(): Promise<void> {
  const runs = Number(values.runs ?? 5);
  log(`server: start until /api/tips/challenge answers, and resident memory then (${runs} runs each, interleaved)`);
  const [built, builtOnProjectNode, source] = await measureServerStart(runs);
  for (const r of [built, builtOnProjectNode, source]) {
    console.log(`  ${r!.variant.name} (${r!.nodeVersion}): ${r!.runs.map((x) => Math.round(x.ms)).join(', ')} ms`);
  }
  const round = (n: number) => Math.round(n);
  const versus = `node --import tsx src/server/main.ts, ${source!.nodeVersion}`;
  add({
    name: 'server.start.built',
    value: round(built!.startMs),
    unit: 'ms',
    runs,
    compare: { name: versus, value: round(source!.startMs), unit: 'ms' },
  });
  add({
    name: 'server.rss.built',
    value: round(built!.rssMiB),
    unit: 'MiB',
    runs,
    compare: { name: versus, value: round(source!.rssMiB), unit: 'MiB' },
  });
  add({ name: 'server.start.builtProjectNode', value: round(builtOnProjectNode!.startMs), unit: 'ms', runs });
  add({ name: 'server.rss.builtProjectNode', value: round(builtOnProjectNode!.rssMiB), unit: 'MiB', runs });
}

const started = Date.now();
// Other work on the machine skews every figure: the load average is kept with the results.
const loadBefore = loadavg()[0]!;
try {
  if (only.has('build')) await benchBuilds();
  if (only.has('build')) benchCountyPages();
  if (only.has('pages')) await benchPages();
  if (only.has('search')) await benchSearch();
  if (only.has('tips')) await benchTips();
  if (only.has('server')) await benchServerStart();
  if (only.has('lighthouse')) {
    const pages = values.pages ? values.pages.split(',') : [];
    await benchLighthouse(project, add, Number(values.runs ?? MIN_LIGHTHOUSE_RUNS), pages);
  }
  if (only.has('map')) {
    const size = SIZES.at(-1)!;
    log(`map: the map pages of the ${size}-hazard build, ${VILLAGES} villages (HTML only, gzip -9)`);
    await benchMap(project, largestSite, { hazards: size, months: MONTHS, villages: VILLAGES, seed: SEED }, add);
  }
} finally {
  if (!values.keep) {
    remove(project);
    if (largestSite) remove(largestSite);
  }
}

console.log(`\n${formatTable(measures)}\n`);
if (measures.some((m) => m.name.startsWith('lighthouse.'))) {
  console.log(`Lighthouse, for the README:\n\n${lighthouseTable(measures, pageTypeLabels())}\n`);
}
const results = {
  generated: new Date().toISOString(),
  quick,
  minutes: Math.round((Date.now() - started) / 6000) / 10,
  machine: {
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]!) },
  },
  measures,
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
const file = join(ROOT, 'bench/results.json');
writeFileSync(file, `${JSON.stringify(values.only && !quick ? mergeInto(file, results) : results, null, 2)}\n`);
console.log(`bench/results.json written (${results.minutes} min).`);

/**
 * A partial full-size run (--only) updates the file instead of replacing it: its measures replace their
 * namesakes, the others stay, and the run is listed under `updates` with its own machine load.
 */
function mergeInto(path: string, run: typeof results) {
  if (!existsSync(path)) return run;
  const previous = JSON.parse(readFileSync(path, 'utf8')) as typeof results & { updates?: unknown[] };
  const names = new Set(run.measures.map((m) => m.name));
  const { measures, ...about } = run;
  return {
    ...previous,
    measures: [...previous.measures.filter((m) => !names.has(m.name)), ...measures],
    updates: [...(previous.updates ?? []), { ...about, only: values.only, measures: measures.length }],
  };
}
