import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../../src/lib/search/options';
import { Site } from '../../../src/schemas/site';
import { SOURCES, STATUSES } from '../../../src/schemas/hazard';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const site = Site.parse(parse(readFileSync('content/site.yaml', 'utf8')));

describe('filterOptions', () => {
  const options = filterOptions(site, ['2023-06', '2023-08', '2023-07']);

  it('lists months newest first, written as the pages write them', () => {
    expect(options.month.map((o) => o.value)).toEqual(['2023年8月', '2023年7月', '2023年6月']);
  });

  it('lists every village and sector of the site file, and every source and status', () => {
    expect(options.village.map((o) => o.value)).toEqual(site.villages.map((v) => v.name));
    expect(options.sector.map((o) => o.value)).toEqual(site.sectors.map((s) => s.name));
    expect(options.source.map((o) => o.value)).toEqual([...SOURCES]);
    expect(options.status.map((o) => o.value)).toEqual([...STATUSES]);
  });
});
