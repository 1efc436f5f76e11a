/** Rates and changes as the pages write them. */

/** 0.6667 → `66.7%`; whole numbers lose the decimal (`100%`, `0%`). */
export function formatPercent(rate: number): string {
  const value = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** A signed change for "since last month": `+3`, `−2` (minus sign), `0`. */
export function formatDelta(delta: number, digits = 0): string {
  const abs = Math.abs(delta).toFixed(digits);
  if (delta > 0) return `+${abs}`;
  if (delta < 0) return `−${abs}`;
  return abs;
}
