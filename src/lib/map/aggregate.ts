/**
 * At county scale a month locates thousands of hazards: drawn one by one they would cover the
 * map and weigh megabytes. Past MARK_LIMIT marks the map draws one mark per village instead,
 * its area in proportion to the village's located hazards, linking to the village's list.
 */
export const MARK_LIMIT = 300;

/**
 * A village page already lists its hazards and must stay light at county scale (a village of
 * 250 listed hazards): past this many located hazards its map shows the village's count instead.
 */
export const VILLAGE_MARK_LIMIT = 100;

/** Radii of the per-village marks, in map units: the smallest still a finger's target. */
export const BUBBLE = { min: 7, max: 26 } as const;

/** Whether `count` located hazards are drawn per village rather than one by one. */
export const isAggregated = (count: number, limit: number = MARK_LIMIT): boolean => count > limit;

/** Groups items by a key, keeping the first-seen order of the keys. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Radius of a per-village mark: area in proportion to the count, the largest village at `max`
 * (BUBBLE.max, or less where villages are small on the map).
 */
export function bubbleRadius(count: number, largest: number, max: number = BUBBLE.max): number {
  if (count <= 0 || largest <= 0) return 0;
  const r = max * Math.sqrt(count / largest);
  return Math.round(Math.max(BUBBLE.min, r) * 10) / 10;
}

/**
 * Sizes that fit `villages` villages on a map `width` units wide: a village spans about
 * width / √villages. Labels get a quarter of that (three characters fit), at most 20 units;
 * the largest per-village mark a third, at most BUBBLE.max.
 */
export function mapScale(width: number, villages: number): { label: number; bubble: number } {
  const span = width / Math.sqrt(Math.max(1, villages));
  return {
    label: Math.min(20, Math.max(8, Math.round(span / 4))),
    bubble: Math.min(BUBBLE.max, Math.max(BUBBLE.min, Math.round(span / 3))),
  };
}

/**
 * The shade class (0–3) of a village with `open` hazards when the busiest village has `most`:
 * 0 for none, then three equal bands up to the busiest. SHADE_BANDS gives the legend its ranges.
 */
export function shadeClass(open: number, most: number): number {
  if (open <= 0 || most <= 0) return 0;
  return Math.min(3, Math.max(1, Math.ceil((3 * open) / most)));
}

/** The open-hazard counts each shade class stands for, for the legend: [from, to] per class 1–3. */
export function shadeBands(most: number): { shade: number; from: number; to: number }[] {
  const bands: { shade: number; from: number; to: number }[] = [];
  let from = 1;
  for (let shade = 1; shade <= 3; shade++) {
    const to = Math.floor((most * shade) / 3);
    if (to >= from) bands.push({ shade, from, to });
    from = Math.max(from, to + 1);
  }
  return bands;
}
