/**
 * Lighthouse (npm `lighthouse`, its default mobile preset: a mid-range phone on a slow 4G link) on
 * every page type of the sample build, served gzipped as a production host serves it, in the
 * system Chromium. Each category is scored 0–100; the median of `runs` runs (at least three:
 * MIN_LIGHTHOUSE_RUNS) is kept, with the machine's load average before and after that page's runs,
 * marked busy above BUSY_LOAD (scripts/bench/report.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { loadContent } from '../../src/lib/content-set/load';
import { chromiumPath } from '../chromium.mjs';
import { buildSite } from './build';
import { ROOT, remove, tempDir } from './projects';
import { MIN_LIGHTHOUSE_RUNS, lighthouseMedian, machineLoad, type Measure } from './report';
import { serveStatic } from './static-server';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

interface LighthouseReport {
  categories: Record<Category, { score: number | null }>;
  audits: Record<
    string,
    { score: number | null; scoreDisplayMode: string; title: string; displayValue?: string; numericValue?: number }
  >;
}

/**
 * The features Lighthouse's Chrome launcher (chrome-launcher's DEFAULT_FLAGS) disables, less one:
 * `RenderDocument`, which every Chromium now runs with. Disabled, Debian's Chromium 156 headless
 * held a page's first paint back by one or two whole seconds after the page had loaded (observed
 * first paint 1.2 s or 2.2 s at random on a page loaded in 0.2 s; 0.3 s with it on), and Lighthouse
 * scored that delay as the page's speed index. Chromium keeps only the last --disable-features.
 */
const LAUNCHER_DISABLED_FEATURES = [
  'Translate',
  'OptimizationHints',
  'MediaRouter',
  'DialMediaRouteProvider',
  'CalculateNativeWinOcclusion',
  'InterestFeedContentSuggestions',
  'CertificateTransparencyComponentUpdater',
  'AutofillServerCommunication',
  'PrivacySandboxSettings4',
].join(',');

/** Runs the Lighthouse command line on `url` and returns its JSON report. */
async function lighthouse(url: string): Promise<LighthouseReport> {
  const bin = join(ROOT, 'node_modules/.bin/lighthouse');
  const args = [
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-features=${LAUNCHER_DISABLED_FEATURES}`,
  ];
  const chrome = chromiumPath() ?? '/usr/bin/chromium';
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: chrome } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`lighthouse ${url} exited ${code}:\n${Buffer.concat(err).toString()}`));
      else resolve(JSON.parse(Buffer.concat(out).toString()) as LighthouseReport);
    });
  });
}

/** Audits that cost a category points, for the log: what to fix when a score is below its goal. */
const lostPoints = (report: LighthouseReport) =>
  Object.entries(report.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
    .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);

/** The page types of the sample, and whether a page type is a disclosure page (goal 100) or a tool (≥ 95). */
function pageTypes(): [type: string, path: string, disclosure: boolean][] {
  const loaded = loadContent(join(ROOT, 'content'));
  if (!loaded.ok) throw new Error('the sample content does not validate');
  const { ledger, site } = loaded.content;
  const latest = ledger.latestMonth!;
  const hazard = ledger.list(latest).hazards[0]!;
  const village = site.villages.find((v) => v.name === hazard.village)!;
  const sector = site.sectors.find((s) => s.name === hazard.sector)!;
  return [
    ['home', '/', true],
    ['disclosures', '/disclosures/', true],
    ['month', `/disclosures/${latest}/`, true],
    ['progress', `/disclosures/${latest}/progress/`, true],
    ['hazard', `/hazards/${hazard.id}/`, true],
    ['village', `/villages/${village.slug}/`, true],
    ['sector', `/sectors/${sector.slug}/`, true],
    ['about', '/about/', true],
    ['data', '/data/', true],
    ['search', `/search/?q=${encodeURIComponent('燃气')}`, false],
    ['report', '/report/', false],
    ['receipt', '/receipt/', false],
  ];
}

/** Row labels of the README's table: the page type and its path. */
export function pageTypeLabels(): Record<string, string> {
  return Object.fromEntries(pageTypes().map(([type, path]) => [type, `${type} \`${decodeURIComponent(path)}\``]));
}

const FORMS = new Set(['report', 'receipt']);

/** The page types `only` names (all when empty); an unknown name is an error, not an empty run. */
function chosenPageTypes(only: readonly string[]) {
  const all = pageTypes();
  const unknown = only.filter((type) => !all.some(([t]) => t === type));
  if (unknown.length) throw new Error(`unknown Lighthouse page types: ${unknown.join(', ')}`);
  return only.length ? all.filter(([type]) => only.includes(type)) : all;
}

/**
 * Builds the sample in `project`, scores every page type (or those in `only`: home, month, search …)
 * `runs` times (at least MIN_LIGHTHOUSE_RUNS) and reports each category's median as a measure.
 */
export async function benchLighthouse(
  project: string,
  add: (m: Measure) => void,
  requestedRuns: number,
  only: readonly string[] = [],
): Promise<void> {
  const types = chosenPageTypes(only);
  const runs = Math.max(MIN_LIGHTHOUSE_RUNS, requestedRuns);
  if (runs !== requestedRuns) console.log(`  Lighthouse: ${runs} runs per page (a median needs at least ${runs})`);
  const out = tempDir('lighthouse');
  await buildSite(project, join(ROOT, 'content'), out);
  const server = await serveStatic(out, { compress: true });
  try {
    for (const [type, path, disclosure] of types) {
      const reports: LighthouseReport[] = [];
      const before = loadavg()[0]!;
      for (let i = 0; i < runs; i++) reports.push(await lighthouse(`${server.origin}${path}`));
      const load = machineLoad(before, loadavg()[0]!);
      if (load.busy) console.log(`  ${path}: measured at load average ${load.before} → ${load.after} (busy)`);
      const lost = [...new Set(reports.flatMap(lostPoints))];
      if (lost.length) console.log(`  ${path}: points lost on ${lost.join(', ')}`);
      for (const category of CATEGORIES) {
        const value = Math.round(lighthouseMedian(reports.map((r) => (r.categories[category].score ?? 0) * 100)));
        const goal = disclosure ? 100 : 95;
        add({
          name: `lighthouse.${type}.${category}`,
          value,
          unit: 'score',
          runs,
          goal: disclosure ? '100' : '≥ 95',
          ok: value >= goal,
          load,
        });
      }
      // The tip line's forms: usable within 5 s on the mobile profile (slow 4G, 4× CPU slowdown).
      if (FORMS.has(type)) {
        const seconds = lighthouseMedian(reports.map((r) => r.audits.interactive?.numericValue ?? Infinity)) / 1000;
        add({
          name: `lighthouse.${type}.interactive`,
          value: Math.round(seconds * 10) / 10,
          unit: 's',
          runs,
          goal: '≤ 5 s',
          ok: seconds <= 5,
          load,
        });
      }
    }
  } finally {
    await server.close();
    remove(out);
  }
}
