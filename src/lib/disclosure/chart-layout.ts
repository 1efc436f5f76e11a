import type { Chart } from './charts';

/**
 * Geometry of a horizontal grouped bar chart drawn as inline SVG at build time.
 * Horizontal bars with the category on its own line stay legible on a 320 px phone:
 * the viewBox is about as wide as the screen, so text is drawn near its real size.
 */
export interface BarGeometry {
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the "series value" label starts (after the bar). */
  labelX: number;
  labelY: number;
  label: string;
}

export interface RowGeometry {
  label: string;
  labelY: number;
  bars: BarGeometry[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  rows: RowGeometry[];
}

export interface LayoutOptions {
  width?: number;
  /** Room kept right of the longest bar for its label. */
  labelSpace?: number;
  rowLabelHeight?: number;
  barHeight?: number;
  barGap?: number;
  rowGap?: number;
}

export function layoutChart(chart: Chart, options: LayoutOptions = {}): ChartGeometry {
  const { width = 300, labelSpace = 104, rowLabelHeight = 20, barHeight = 15, barGap = 4, rowGap = 10 } = options;
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.values));
  const scale = (width - labelSpace) / max;
  let y = 0;
  const rows = chart.rows.map((row): RowGeometry => {
    const labelY = y + rowLabelHeight - 4;
    y += rowLabelHeight;
    const bars = row.values.map((value, series): BarGeometry => {
      const barWidth = Math.round(value * scale * 10) / 10;
      const bar: BarGeometry = {
        series,
        x: 0,
        y,
        width: barWidth,
        height: barHeight,
        labelX: barWidth + 4,
        labelY: y + barHeight - 3,
        label: `${chart.series[series]} ${value}`,
      };
      y += barHeight + barGap;
      return bar;
    });
    y += rowGap;
    return { label: row.label, labelY, bars };
  });
  return { width, height: Math.max(y - rowGap, 1), rows };
}
