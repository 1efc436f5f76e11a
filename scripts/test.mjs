/**
 * `npm test`: everything, in the order that fails fastest (the tiers of vitest.config.ts and README):
 *   1. unit tier (`npm run test:unit`): domain, schemas and hardening in Vitest's process; no build, no
 *      browser, no server
 *   2. integration tier (`npm run test:integration`): the functions and the queue stores against real local
 *      Blobs, S3 and HTTP servers
 *   3. build tier (`npm run test:build`): the office commands and the content checker as processes, `astro build`
 *      on broken content, the deploy kit with nginx -t, the production server's start
 *   then the coverage thresholds of vitest.config.ts, on what the three tiers reached together (each tier
 *   writes a blob report to .vitest-reports/; `vitest --merge-reports --coverage` merges and checks them)
 *   4. the production build (Astro + Pagefind), exactly as `npm start` makes it
 *   5. browser tier (`npm run test:e2e`): Playwright in Debian's Chromium, against the built site served by
 *      Netlify's dev server, and a SITE_BASE build behind Debian's nginx and the production server
 *      (tests/e2e/selfhost.spec.ts)
 * Arguments after `--` go to Playwright (e.g. `npm test -- tests/e2e/search.spec.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * System tools the tests use: Chromium for the browser tests, a CJK font so layout checks measure real
 * Chinese glyphs (not fallback boxes), the standard `age` command, which proves that the office can
 * open exported tips without this project's code, nginx with openssl, which run the shipped
 * deploy/nginx.conf over HTTPS in the self-hosting tests, Java for the W3C Nu HTML Checker (vnu-jar), and
 * poppler's pdftotext and pdfinfo, which read the county report's PDF back, and LibreOffice Calc, which prints
 * the 调度表 workbook as an office would.
 */
const TOOLS = [
  ['chromium', () => Boolean(chromiumPath())],
  ['age', () => existsSync('/usr/bin/age')],
  ['fonts-wqy-microhei', () => existsSync(CJK_FONT)],
  ['nginx', () => existsSync('/usr/sbin/nginx')],
  ['openssl', () => existsSync('/usr/bin/openssl')],
  ['default-jre-headless', () => hasJava()],
  ['poppler-utils', () => existsSync('/usr/bin/pdftotext')],
  ['libreoffice-calc-nogui', () => existsSync('/usr/bin/soffice')],
];

function ensureSystemTools() {
  const missing = TOOLS.filter(([, present]) => !present()).map(([name]) => name);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian packages the tests need: ${missing.join(' ')}`);
    // Another install (an image's own start-up, a parallel job) may hold apt's lock: wait for it.
    const wait = ['-o', 'DPkg::Lock::Timeout=300'];
    run('apt-get', [...wait, 'update', '-qq']);
    run('apt-get', [...wait, 'install', '-y', '-qq', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
    if (TOOLS.every(([, present]) => present())) return;
  }
  console.error(
    `The tests need these Debian packages: ${missing.join(' ')}. Install them with ` +
      `"sudo apt-get install ${missing.join(' ')}" (or set CHROMIUM_PATH to a Chromium binary), then run npm test again.`,
  );
  process.exit(1);
}

function hasJava() {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

const REPORTS = '.vitest-reports';

/** A tier's run that keeps its results and coverage for the merge, the thresholds left to the merge. */
function collect(tier) {
  return [
    '--coverage',
    '--coverage.thresholds.lines=0',
    '--coverage.thresholds.branches=0',
    '--reporter=default',
    '--reporter=blob',
    `--outputFile.blob=${REPORTS}/${tier}.json`,
  ];
}

const extra = process.argv.slice(2);
ensureSystemTools();
if (extra.length === 0) {
  rmSync(REPORTS, { recursive: true, force: true });
  for (const tier of ['unit', 'integration', 'build'])
    run('npx', ['vitest', 'run', '--project', tier, ...collect(tier)]);
  run('npx', ['vitest', '--merge-reports', REPORTS, '--coverage']);
}
run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', ...extra]);
