/**
 * Screen-space layout of the hazard map, in the SVG's user units: marks that a finger can pick
 * (no two closer than a target's width, those that cannot be set apart drawn as one mark with a
 * count) and village names placed where they cover no mark. Pure functions of points and sizes.
 *
 * The SVG scales with the viewport, so sizes are chosen for the narrowest screen the site is
 * laid out for: a phone 360 CSS px wide, where the map is PHONE_MAP_PX wide.
 */
import type { Point } from './projection';

/** The map's drawn width on a 360 px wide screen: the page's 1rem side padding and the 1 px border off. */
export const PHONE_MAP_PX = 326;

/** WCAG 2.2 (2.5.8 Target Size): 24 × 24 CSS px; one more for rounding. */
export const TARGET_PX = 25;

/** Map units per CSS px at 360 px, for a map `width` units wide. */
export const unitsPerPx = (width: number): number => width / PHONE_MAP_PX;

/** An axis-aligned box: left, top, right, bottom. */
export type Box = [number, number, number, number];

export const boxAround = ([x, y]: Point, width: number, height: number = width): Box => [
  x - width / 2,
  y - height / 2,
  x + width / 2,
  y + height / 2,
];

/** Whether two boxes overlap, or come closer than `gap`. */
export const boxesMeet = (a: Box, b: Box, gap = 0): boolean =>
  a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;

const inFrame = (box: Box, width: number, height: number): boolean =>
  box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height;

/** A located item: its place on the map. */
export interface Located {
  at: Point;
}

/** What the map draws: one item at its place (perhaps set apart a little), or several as one. */
export interface Placed<T extends Located> {
  at: Point;
  items: T[];
  /** The items' group, or undefined when items of several groups had to be drawn as one. */
  group: string | undefined;
}

export interface MarkLayoutOptions {
  /** Side of a mark's square target, in map units. */
  size: number;
  /** Space kept between two targets, in map units. */
  gap: number;
  width: number;
  height: number;
  /** How far a mark may be moved from its place to keep it apart, in map units (default: two marks at one place can part). */
  shift?: number;
}

interface Work<T extends Located> {
  items: T[];
  group: string | undefined;
  home: Point;
  at: Point;
}

const round = (v: number) => Math.round(v * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Lays out marks so no two targets (squares of `size`, `gap` apart) overlap. Marks that come too
 * close are first pushed apart, each at most `shift` from its own place; those still too close
 * are drawn as one mark with a count, closest first and within one group (village) when
 * possible, then laid out again. Ends when nothing overlaps (at worst, one mark for all).
 */
export function layoutMarks<T extends Located>(
  marks: readonly T[],
  groupOf: (mark: T) => string,
  options: MarkLayoutOptions,
): Placed<T>[] {
  const { size, gap, width, height } = options;
  const reach = size + gap;
  const shift = options.shift ?? reach * 0.55;
  const half = size / 2;
  const keepIn = ([x, y]: Point): Point => [clamp(x, half, width - half), clamp(y, half, height - half)];
  let work: Work<T>[] = marks.map((m) => ({ items: [m], group: groupOf(m), home: keepIn(m.at), at: keepIn(m.at) }));
  const start = () => {
    // Marks at one place start a hair apart, each in its own direction, so they part every way.
    const seen = new Map<string, number>();
    for (const w of work) {
      const key = w.home.join();
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      w.at = k === 0 ? w.home : keepIn([w.home[0] + Math.cos(k * 2.4), w.home[1] + Math.sin(k * 2.4)]);
    }
  };
  const tooClose = (a: Work<T>, b: Work<T>) =>
    Math.abs(a.at[0] - b.at[0]) < reach - 1e-6 && Math.abs(a.at[1] - b.at[1]) < reach - 1e-6;

  for (;;) {
    start();
    relax(work, reach, shift, keepIn);
    const close: { i: number; j: number; d: number; same: boolean }[] = [];
    for (let i = 0; i < work.length; i++) {
      for (let j = i + 1; j < work.length; j++) {
        const [a, b] = [work[i]!, work[j]!];
        if (!tooClose(a, b)) continue;
        const d = Math.hypot(a.home[0] - b.home[0], a.home[1] - b.home[1]);
        close.push({ i, j, d, same: a.group !== undefined && a.group === b.group });
      }
    }
    if (close.length === 0) break;
    // Within a village first: a count mark then links to the village's list.
    const sameFirst = close.some((c) => c.same) ? close.filter((c) => c.same) : close;
    sameFirst.sort((p, q) => p.d - q.d || p.i - q.i || p.j - q.j);
    const used = new Set<number>();
    const merged: Work<T>[] = [];
    for (const { i, j } of sameFirst) {
      if (used.has(i) || used.has(j)) continue;
      used.add(i).add(j);
      const [a, b] = [work[i]!, work[j]!];
      const items = [...a.items, ...b.items];
      const home = keepIn([
        items.reduce((s, m) => s + m.at[0], 0) / items.length,
        items.reduce((s, m) => s + m.at[1], 0) / items.length,
      ]);
      merged.push({ items, group: a.group === b.group ? a.group : undefined, home, at: home });
    }
    work = [...work.filter((_, k) => !used.has(k)), ...merged];
  }
  return work
    .map((w) => ({ at: [round(w.at[0]), round(w.at[1])] as Point, items: w.items, group: w.group }))
    .sort((a, b) => a.at[1] - b.at[1] || a.at[0] - b.at[0]);
}

/**
 * Pushes overlapping marks apart along the axis where they overlap least, half each, none
 * further than `shift` from its home. A bounded number of passes: what stays too close is merged.
 */
function relax<T extends Located>(work: Work<T>[], reach: number, shift: number, keepIn: (p: Point) => Point): void {
  const limit = (w: Work<T>, [x, y]: Point): Point =>
    keepIn([clamp(x, w.home[0] - shift, w.home[0] + shift), clamp(y, w.home[1] - shift, w.home[1] + shift)]);
  for (let pass = 0; pass < 40; pass++) {
    let moved = false;
    for (let i = 0; i < work.length; i++) {
      for (let j = i + 1; j < work.length; j++) {
        const [a, b] = [work[i]!, work[j]!];
        const dx = b.at[0] - a.at[0];
        const dy = b.at[1] - a.at[1];
        const px = reach - Math.abs(dx);
        const py = reach - Math.abs(dy);
        if (px <= 1e-6 || py <= 1e-6) continue;
        // Equal places part sideways, the first to the left.
        const horizontal = px < py || (px === py && dx !== 0) || (dx === 0 && dy === 0);
        const push = (horizontal ? px : py) / 2 + 0.05;
        const sign = horizontal ? (dx < 0 ? -1 : 1) : dy < 0 ? -1 : 1;
        const before: [Point, Point] = [a.at, b.at];
        a.at = limit(a, horizontal ? [a.at[0] - sign * push, a.at[1]] : [a.at[0], a.at[1] - sign * push]);
        b.at = limit(b, horizontal ? [b.at[0] + sign * push, b.at[1]] : [b.at[0], b.at[1] + sign * push]);
        if (changed(a.at, before[0]) || changed(b.at, before[1])) moved = true;
      }
    }
    if (!moved) return;
  }
}

const changed = (p: Point, q: Point) => Math.abs(p[0] - q[0]) > 1e-6 || Math.abs(p[1] - q[1]) > 1e-6;

/** A name to place: its preferred middle, its box's size, and where it belongs. */
export interface LabelRequest {
  anchor: Point;
  width: number;
  height: number;
  /** Whether a point lies in the label's own area (its village): such places are preferred. */
  inside?: (point: Point) => boolean;
}

export interface LabelOptions {
  width: number;
  height: number;
  /** Space kept between a label and a mark or another label, in map units. */
  gap: number;
  /** Distance between candidate places, in map units. */
  step: number;
  /** How far from its anchor a label may go, in map units (default a third of the map's longer side). */
  reach?: number;
}

/**
 * Places each label (in order) at the candidate nearest its anchor whose box stays on the map
 * and meets no obstacle (the marks' targets) and no label placed before it; places in the
 * label's own area first, then anywhere near. Returns the middle of each label's box, or
 * undefined for a label with no free place (the map then leaves that name out: the table
 * beside the map names every village).
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  obstacles: readonly Box[],
  options: LabelOptions,
): (Point | undefined)[] {
  const { width, height, gap, step } = options;
  const taken = new BoxIndex(Math.max(32, step * 8));
  for (const box of obstacles) taken.add(box);
  const steps = Math.ceil((options.reach ?? Math.max(width, height) / 3) / step);
  // Offsets nearest first; below before above, then right before left, for the same distance.
  const offsets: { kx: number; ky: number; d: number }[] = [];
  for (let ky = -steps; ky <= steps; ky++) {
    for (let kx = -steps; kx <= steps; kx++) {
      const d = Math.hypot(kx, ky);
      if (d <= steps) offsets.push({ kx, ky, d: d + (ky < 0 ? 1e-3 : 0) + (kx < 0 ? 1e-4 : 0) });
    }
  }
  offsets.sort((a, b) => a.d - b.d);
  return labels.map((label) => {
    const candidates = offsets.map(({ kx, ky }): Point => [
      round(label.anchor[0] + kx * step),
      round(label.anchor[1] + ky * step),
    ]);
    const free = (at: Point) => {
      const box = boxAround(at, label.width, label.height);
      return inFrame(box, width, height) && !taken.meets(box, gap);
    };
    const found =
      candidates.find((at) => (label.inside ? label.inside(at) : true) && free(at)) ?? candidates.find(free);
    if (!found) return undefined;
    taken.add(boxAround(found, label.width, label.height));
    return found;
  });
}

/** Boxes filed by the square cells they cover, so a question looks only at boxes nearby. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}

  private keys([x0, y0, x1, y1]: Box, margin: number): string[] {
    const keys: string[] = [];
    for (let i = Math.floor((x0 - margin) / this.cell); i <= Math.floor((x1 + margin) / this.cell); i++) {
      for (let j = Math.floor((y0 - margin) / this.cell); j <= Math.floor((y1 + margin) / this.cell); j++)
        keys.push(`${i},${j}`);
    }
    return keys;
  }

  add(box: Box): void {
    for (const key of this.keys(box, 0)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  meets(box: Box, gap: number): boolean {
    return this.keys(box, gap).some((key) => this.cells.get(key)?.some((other) => boxesMeet(box, other, gap)));
  }
}
