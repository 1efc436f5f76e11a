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
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

export function formatTable(measures: readonly Measure[]): string {
  const rows = measures.map((m) => [
    m.name,
    `${m.value} ${m.unit}`,
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
