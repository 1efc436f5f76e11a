import { describe, expect, it } from 'vitest';
import {
  BUSY_LOAD,
  formatTable,
  lighthouseMedian,
  lighthouseTable,
  machineLoad,
  median,
  type Measure,
} from '../../../scripts/bench/report';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([91, 99, 95])).toBe(95);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('lighthouseMedian', () => {
  it('is the median of three runs or more', () => {
    expect(lighthouseMedian([98, 91, 100])).toBe(98);
    expect(lighthouseMedian([98, 91, 100, 99, 60])).toBe(98);
  });

  it('refuses fewer than three runs', () => {
    expect(() => lighthouseMedian([100])).toThrow(/at least 3 runs/);
    expect(() => lighthouseMedian([100, 98])).toThrow(/got 2/);
  });
});

describe('machineLoad', () => {
  it('is busy when the load average before or after is above 1.5', () => {
    expect(BUSY_LOAD).toBe(1.5);
    expect(machineLoad(0.42, 1.5)).toEqual({ before: 0.42, after: 1.5, busy: false });
    expect(machineLoad(1.51, 0.9)).toEqual({ before: 1.51, after: 0.9, busy: true });
    expect(machineLoad(0.8, 3.149)).toEqual({ before: 0.8, after: 3.15, busy: true });
  });
});

const score = (type: string, category: string, value: number, load?: Measure['load'], runs = 3): Measure => ({
  name: `lighthouse.${type}.${category}`,
  value,
  unit: 'score',
  runs,
  goal: '100',
  ok: value >= 100,
  ...(load && { load }),
});

describe('tables', () => {
  const quiet = machineLoad(0.6, 1.2);
  const busy = machineLoad(1.2, 2.34);
  const measures = [
    ...['performance', 'accessibility', 'best-practices', 'seo'].map((c) => score('home', c, 100, quiet)),
    score('month', 'performance', 91, busy),
    score('month', 'accessibility', 100, busy),
    { name: 'build.1000.total', value: 12.3, unit: 's' },
  ];

  it('marks a busy measure in the printed table, and only that one', () => {
    const lines = formatTable(measures).split('\n');
    expect(lines[0]).toMatch(/^lighthouse\.home\.performance\s+100 score/);
    expect(lines[4]).toMatch(/^lighthouse\.month\.performance\s+91 \(load 2\.34\) score/);
    expect(lines[6]).not.toMatch(/load/);
  });

  it('gives the README table a row per page type, busy scores marked and explained', () => {
    const table = lighthouseTable(measures, { home: 'Home `/`' }).split('\n');
    expect(table[0]).toMatch(/^\| Page type +\| Performance \| Accessibility \| Best practices \| SEO \| Goal \|$/);
    expect(table[2]).toMatch(/^\| Home `\/` +\| 100 +\| 100 +\| 100 +\| 100 +\| 100 +\|$/);
    expect(table[3]).toMatch(/^\| month +\| 91 ⚠ +\| 100 ⚠ +\| – +\| – +\| 100 +\|$/);
    expect(table).toHaveLength(6);
    expect(table[5]).toMatch(/⚠ measured above a load average of 1\.5/);
  });

  it('says when a score has no recorded load or fewer than three runs', () => {
    const table = lighthouseTable([score('search', 'performance', 99, undefined, 1)]);
    expect(table).toMatch(/\| 99 \? \(1 run\) /);
    expect(table).toMatch(/\? the machine load of this measure was not recorded/);
    expect(table).not.toMatch(/⚠/);
  });
});
