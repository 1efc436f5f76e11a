import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../../scripts/bench/synthetic/content-files';
import { addMonths, syntheticLedger } from '../../../scripts/bench/synthetic/synthetic-ledger';
import { readContentSet } from '../../../src/lib/content-set/content-set';
import { formatIssues } from '../../../src/lib/content/issues';
import { SOURCES, STATUSES } from '../../../src/schemas/hazard';
import { SECTORS } from '../../../src/schemas/sector';

const options = { hazards: 400, months: 12, villages: 20, seed: 5 };

function read(files: ReturnType<typeof contentFiles>) {
  const of = (prefix: string) => files.filter((f) => f.path.startsWith(prefix));
  return readContentSet({
    site: files[0]!,
    hazardLists: of('hazard-lists/'),
    progressTables: of('progress-tables/'),
    receipts: files.find((f) => f.path === 'receipts.yaml'),
    map: files.find((f) => f.path === 'map/villages.geojson'),
  });
}

describe('syntheticLedger', () => {
  const content = syntheticLedger(options);
  const files = contentFiles(content);

  it('is deterministic for a seed', () => {
    expect(contentFiles(syntheticLedger(options))).toEqual(files);
    expect(contentFiles(syntheticLedger({ ...options, seed: 6 }))).not.toEqual(files);
  });

  it('writes files that pass every schema and cross-month rule, without warnings', () => {
    const result = read(files);
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.content.warnings).toEqual([]);
    expect(result.content.ledger.ids()).toHaveLength(options.hazards);
    expect(result.content.ledger.months).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2023-06', i)));
  });

  it('draws a boundary per village and locates two hazards in three inside their own village', () => {
    const result = read(files);
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.content.map?.features.map((f) => f.properties.slug)).toEqual(
      content.site.villages.map((v) => v.slug),
    );
    const ids = new Set(content.lists.flatMap((l) => l.hazards.filter((h) => h.location).map((h) => h.id)));
    expect(ids.size).toBe(Math.ceil((options.hazards * 2) / 3));
  });

  it('covers every sector, source, status and both modes, with overdue and supervised hazards', () => {
    const all = content.lists.flatMap((l) => l.hazards);
    expect(new Set(all.map((h) => h.sector))).toEqual(new Set(SECTORS));
    expect(new Set(all.map((h) => h.source))).toEqual(new Set(SOURCES));
    expect(new Set(all.map((h) => h.status))).toEqual(new Set(STATUSES));
    expect(new Set(all.map((h) => h.mode)).size).toBe(2);
    expect(all.some((h) => h.supervision)).toBe(true);
    const last = content.lists.at(-1)!;
    expect(last.hazards.some((h) => h.status === '整改中' && h.plan.deadline! < last.cutoff)).toBe(true);
  });

  it('keeps lifetimes realistic: each month lists a few months of hazards, not the whole history', () => {
    const perMonth = options.hazards / options.months;
    const listed = content.lists.map((l) => l.hazards.length);
    expect(Math.max(...listed)).toBeLessThan(perMonth * 6);
    expect(Math.max(...listed)).toBeGreaterThan(perMonth * 2);
  });

  it('publishes tip receipts, some pointing at the hazard they became', () => {
    expect(content.receipts.length).toBeGreaterThan(0);
    const listed = content.receipts.filter((r) => r.hazard);
    expect(listed.length).toBeGreaterThan(0);
    const all = content.lists.flatMap((l) => l.hazards);
    for (const r of listed) expect(all.find((h) => h.id === r.hazard)?.tipKey).toBe(r.key);
  });

  it('numbers hazards in order of first listing', () => {
    const seen: string[] = [];
    for (const list of content.lists) for (const h of list.hazards) if (!seen.includes(h.id)) seen.push(h.id);
    expect(seen).toEqual([...seen].sort());
  });

  it('adds months across a year boundary', () => {
    expect(addMonths('2023-11', 2)).toBe('2024-01');
  });
});
