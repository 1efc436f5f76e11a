/**
 * The hazard map at county scale: /map/ (the latest month) and the heaviest month's map on the
 * largest synthetic ledger, as a resident downloads them (HTML with its inline SVG, gzip -9).
 * Past MARK_LIMIT located hazards the map draws one mark per village, which is what keeps it
 * light; the goal is the same 30 kB as every disclosure page. Uses the largest build of the
 * `build` measure when there is one, else makes an Astro build of its own (no search index).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SyntheticOptions } from './synthetic/synthetic-ledger';
import { astroBuild } from './build';
import { writeSynthetic } from './generate';
import { remove, tempDir } from './projects';
import type { Measure } from './report';

const GOAL = 30 * 1024;
const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;

export async function benchMap(
  project: string,
  largestSite: string | undefined,
  options: SyntheticOptions,
  add: (m: Measure) => void,
): Promise<void> {
  let site = largestSite;
  let own: string | undefined;
  if (!site) {
    const content = tempDir('content-map');
    writeSynthetic(content, options);
    site = own = tempDir('site-map');
    const built = await astroBuild(project, site, { CONTENT_DIR: content });
    remove(content);
    if (built.code !== 0) throw new Error(`astro build failed:\n${built.tail}`);
  }
  try {
    const months = readdirSync(join(site, 'disclosures')).filter((d) => /^\d{4}-\d{2}$/.test(d));
    const weigh = (file: string) => {
      const html = readFileSync(join(site, file));
      return { file, bytes: html.length, gzip: gzipSync(html, { level: 9 }).length };
    };
    const latest = weigh('map/index.html');
    const heaviest = months
      .map((m) => join('disclosures', m, 'map', 'index.html'))
      .filter((file) => existsSync(join(site, file)))
      .map(weigh)
      .sort((a, b) => b.gzip - a.gzip)[0]!;
    for (const [type, page] of [
      ['map', latest],
      ['monthMap', heaviest],
    ] as const) {
      add({
        name: `county.${options.hazards}.${type}.html`,
        value: kB(page.gzip),
        unit: 'kB gzip',
        // The bytes are the same in every build of the same content: one build is the median.
        runs: 1,
        compare: { name: 'uncompressed', value: kB(page.bytes), unit: 'kB' },
        goal: '< 30 kB',
        ok: page.gzip < GOAL,
      });
    }
  } finally {
    if (own) remove(own);
  }
}
