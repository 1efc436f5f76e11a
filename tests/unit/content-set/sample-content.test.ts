/**
 * The sample content others build and test the site on: it must validate with exactly the one
 * deliberate table/ledger disagreement, and keep covering every case the pages show.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import { loadContent } from '../../../src/lib/content-set/load';
import { parseContent } from '../../../src/lib/content/parse';
import { isOverdue } from '../../../src/lib/ledger/status';
import { HazardList } from '../../../src/schemas/hazard-list';
import { RECTIFICATION_MODES, SOURCES, STATUSES, type Hazard } from '../../../src/schemas/hazard';
import { ProgressTable } from '../../../src/schemas/progress-table';

const CONTENT = join(process.cwd(), 'content');
const result = loadContent(CONTENT);
if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
const { site, lists, tables, ledger } = result.content;
const everyHazard: Hazard[] = lists.flatMap((l) => l.list.hazards);
const latest = ledger.list(ledger.latestMonth!);

describe('sample content', () => {
  it('validates with only the deliberate table warning', () => {
    expect(result.content.warnings.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^content\/progress-tables\/2023-10\.yaml · 石门村 · 总体情况4 .*: 填报 2，台账统计 1，请核实$/,
      ),
    ]);
  });

  it('is marked as sample data in every file', () => {
    expect(site.sample).toBe(true);
    for (const folder of ['hazard-lists', 'progress-tables']) {
      for (const name of readdirSync(join(CONTENT, folder)).filter((n) => !n.startsWith('_'))) {
        expect(readFileSync(join(CONTENT, folder, name), 'utf8'), name).toMatch(/^# 示例数据/);
      }
    }
  });

  it('covers June to December with a list and a table each', () => {
    const months = ['2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'];
    expect(ledger.months).toEqual(months);
    expect(tables.map((t) => t.table.month)).toEqual(months);
    for (const { table } of tables) expect(table.rows.map((r) => r.village)).toEqual(site.villages.map((v) => v.name));
  });

  it('numbers at least 45 hazards in order of first listing', () => {
    const ids = ledger.ids();
    expect(ids.length).toBeGreaterThanOrEqual(45);
    expect(ids).toEqual(ids.map((_, i) => `NZ-2023-${String(i + 1).padStart(4, '0')}`));
  });

  it('spreads over every village, ten sectors, every source, mode and status', () => {
    const distinct = (key: keyof Hazard) => new Set(everyHazard.map((h) => h[key]));
    expect(distinct('village')).toEqual(new Set(site.villages.map((v) => v.name)));
    expect(distinct('sector').size).toBeGreaterThanOrEqual(10);
    expect(distinct('source')).toEqual(new Set(SOURCES));
    expect(distinct('mode')).toEqual(new Set(RECTIFICATION_MODES));
    expect(distinct('status')).toEqual(new Set(STATUSES));
    expect(new Set(everyHazard.flatMap((h) => (h.supervision ? [h.supervision.by] : []))).size).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('shows every status transition', () => {
    const paths = ledger.ids().map((id) =>
      ledger
        .history(id)
        .map((h) => h.hazard.status)
        .join('→'),
    );
    expect(paths).toContain('整改中→已整改→已销号');
    expect(paths.some((p) => p.startsWith('整改中→已销号'))).toBe(true);
    // Fixed at once: first listed already rectified.
    expect(paths.some((p) => p.startsWith('已整改→已销号'))).toBe(true);
  });

  it('has at least three overdue hazards in the latest month', () => {
    expect(latest.hazards.filter((h) => isOverdue(h, latest.cutoff)).length).toBeGreaterThanOrEqual(3);
  });

  it('has a correction with a revision note naming the hazard', () => {
    const august = ledger.list('2023-08');
    const [revision] = august.revisions;
    expect(revision?.hazards).toHaveLength(1);
    const id = revision!.hazards[0]!;
    expect(ledger.stateIn(id, '2023-07')?.village).not.toBe(ledger.stateIn(id, '2023-08')?.village);
  });

  it('uses the words the search tests look for', () => {
    const text = lists.map((l) => JSON.stringify(l.list)).join('');
    for (const word of ['加油站', '燃气', '液化气', '火灾', '巡查']) expect(text).toContain(word);
  });
});

describe('clerk templates', () => {
  it.each([
    ['hazard-lists/_template.yaml', HazardList],
    ['progress-tables/_template.yaml', ProgressTable],
  ] as const)('%s is valid and comments every field', (name, schema) => {
    const text = readFileSync(join(CONTENT, name), 'utf8');
    const parsed = parseContent(name, text, schema);
    expect(parsed.ok ? [] : parsed.issues.map(formatIssue)).toEqual([]);
    // Every line that sets a field carries a Chinese comment, or introduces a commented block.
    const fieldLines = text.split('\n').filter((l) => /^\s*-?\s*[a-zA-Z]+:/.test(l));
    expect(fieldLines.filter((l) => !/#\s*\S/.test(l) && !/:\s*\|/.test(l) && !/^\s+-\s+NZ/.test(l))).toEqual([]);
  });
});
