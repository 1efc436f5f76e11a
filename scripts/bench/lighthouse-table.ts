/**
 * Prints the README's Lighthouse table from bench/results.json (see lighthouseTable() in report.ts):
 * scores measured above a load average of 1.5 are marked.
 *
 *   npx tsx scripts/bench/lighthouse-table.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTypeLabels } from './lighthouse';
import { ROOT } from './projects';
import { lighthouseTable, type Measure } from './report';

const results = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as { measures: Measure[] };
console.log(lighthouseTable(results.measures, pageTypeLabels()));
