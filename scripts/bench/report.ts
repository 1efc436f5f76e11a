/** One line of bench/results.json, and the table `npm run bench` prints. */
export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** Runs the value is the median of. */
  runs?: number;
  /** The comparison figure measured in the same run, e.g. the bare-Astro floor. */
  compare?: { name: string; value: number; unit: string; ratio?: number };
  goal?: string;
  ok?: boolean;
  /** The machine's 1-minute load average before and after the runs (Lighthouse); `busy` above BUSY_LOAD. */
  load?: MachineLoad;
}

export interface MachineLoad {
  before: number;
  after: number;
  /** Measured with other work on the machine: the figure is likely worse than on a quiet one. */
  busy: boolean;
}

/**
 * Above this 1-minute load average (os.loadavg()[0]) on the bench machine's 2 cores, other work
 * competes with the page for the CPU Lighthouse throttles 4×: a run then is marked, not trusted.
 */
export const BUSY_LOAD = 1.5;

/** Lighthouse's scores move a few points from run to run: a figure is the median of at least this many. */
export const MIN_LIGHTHOUSE_RUNS = 3;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The load before and after a measurement, rounded, marked busy when either is above BUSY_LOAD. */
export function machineLoad(before: number, after: number): MachineLoad {
  return { before: round2(before), after: round2(after), busy: before > BUSY_LOAD || after > BUSY_LOAD };
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of Lighthouse runs; refuses fewer than MIN_LIGHTHOUSE_RUNS (one run is not a figure). */
export function lighthouseMedian(values: readonly number[]): number {
  if (values.length < MIN_LIGHTHOUSE_RUNS) {
    throw new Error(`Lighthouse needs at least ${MIN_LIGHTHOUSE_RUNS} runs for a median, got ${values.length}`);
  }
  return median(values);
}

/** `98` or, measured on a busy machine, `98 (load 2.3)`: the higher of the two load averages. */
export function markedValue(m: Pick<Measure, 'value' | 'load'>): string {
  return m.load?.busy ? `${m.value} (load ${Math.max(m.load.before, m.load.after)})` : `${m.value}`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

export function formatTable(measures: readonly Measure[]): string {
  const rows = measures.map((m) => [
    m.name,
    `${markedValue(m)} ${m.unit}`,
    m.compare
      ? `${m.compare.name}: ${m.compare.value} ${m.compare.unit}${m.compare.ratio ? ` (×${m.compare.ratio})` : ''}`
      : '',
    m.goal ? `${m.ok ? 'ok' : 'MISSED'} (${m.goal})` : '',
  ]);
  const widths = [34, 16, 44, 20];
  return rows
    .map((r) =>
      r
        .map((cell, i) => pad(cell, widths[i]!))
        .join(' ')
        .trimEnd(),
    )
    .join('\n');
}

const LIGHTHOUSE_COLUMNS = [
  ['performance', 'Performance'],
  ['accessibility', 'Accessibility'],
  ['best-practices', 'Best practices'],
  ['seo', 'SEO'],
] as const;

/**
 * The README's Lighthouse table (Markdown), one row per page type in the order measured, from the
 * `lighthouse.<type>.<category>` measures. A score measured above BUSY_LOAD carries a mark, explained
 * under the table; so does one missing its load (measured before loads were kept).
 */
export function lighthouseTable(measures: readonly Measure[], labels: Readonly<Record<string, string>> = {}): string {
  const types: string[] = [];
  const byName = new Map<string, Measure>();
  for (const m of measures) {
    const match = /^lighthouse\.([^.]+)\.([^.]+)$/.exec(m.name);
    if (!match) continue;
    if (!types.includes(match[1]!)) types.push(match[1]!);
    byName.set(m.name, m);
  }
  let busy = false;
  let unknown = false;
  const rows = types.map((type) => {
    const cells = LIGHTHOUSE_COLUMNS.map(([category]) => {
      const m = byName.get(`lighthouse.${type}.${category}`);
      if (!m) return '–';
      const runs = m.runs ?? 1;
      const few = runs < MIN_LIGHTHOUSE_RUNS ? ` (${runs} run${runs === 1 ? '' : 's'})` : '';
      if (m.load?.busy) busy = true;
      if (!m.load) unknown = true;
      return `${m.value}${m.load?.busy ? ' ⚠' : m.load ? '' : ' ?'}${few}`;
    });
    const goal = byName.get(`lighthouse.${type}.performance`)?.goal ?? '';
    return [labels[type] ?? type, ...cells, goal];
  });
  const header = ['Page type', ...LIGHTHOUSE_COLUMNS.map(([, title]) => title), 'Goal'];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const notes = [
    busy
      ? `⚠ measured above a load average of ${BUSY_LOAD}: other work on the machine, likely lower than on a quiet one.`
      : '',
    unknown ? '? the machine load of this measure was not recorded.' : '',
  ].filter(Boolean);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}
