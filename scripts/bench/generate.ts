/**
 * Writes a synthetic content folder (site.yaml, hazard-lists/, progress-tables/).
 *
 *   npx tsx scripts/bench/generate.ts --hazards 10000 --months 24 --villages 200 --seed 1 --out /tmp/content
 *   CONTENT_DIR=/tmp/content npx astro build --outDir /tmp/site
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { contentFiles } from './synthetic/content-files';
import { syntheticLedger, type SyntheticOptions } from './synthetic/synthetic-ledger';

export interface Written {
  dir: string;
  files: number;
  bytes: number;
  /** Hazard entries over all month files (a hazard listed in 3 months counts 3 times). */
  entries: number;
}

export function writeSynthetic(dir: string, options: SyntheticOptions): Written {
  const content = syntheticLedger(options);
  let bytes = 0;
  const files = contentFiles(content);
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  return { dir, files: files.length, bytes, entries: content.lists.reduce((n, l) => n + l.hazards.length, 0) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      hazards: { type: 'string', default: '1000' },
      months: { type: 'string', default: '24' },
      villages: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out DIR is required');
  const written = writeSynthetic(resolve(values.out), {
    hazards: Number(values.hazards),
    months: Number(values.months),
    villages: Number(values.villages),
    seed: Number(values.seed),
  });
  console.log(
    `${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, ${written.entries} entries → ${written.dir}`,
  );
}
