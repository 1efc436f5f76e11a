import { describe, expect, it } from 'vitest';
import {
  PHONE_MAP_PX,
  TARGET_PX,
  boxAround,
  boxesMeet,
  layoutMarks,
  placeLabels,
  unitsPerPx,
  type Box,
  type Placed,
} from '../../../src/lib/map/layout';
import type { Point } from '../../../src/lib/map/projection';
import { scatter } from './fixtures';

interface Mark {
  id: string;
  village: string;
  at: Point;
}
const SIZE = 60;
const GAP = 5;
const frame = { width: 800, height: 600 };
const options = { size: SIZE, gap: GAP, ...frame };
const layout = (marks: Mark[]) => layoutMarks(marks, (m) => m.village, options);
const marksAt = (village: string, points: Point[], from = 0): Mark[] =>
  points.map((at, i) => ({ id: `${village}-${from + i}`, village, at }));

/** `n` points at one place. */
const same = (n: number): Point[] => Array.from({ length: n }, () => [400, 300]);

/** No two targets closer than the gap, every target on the map, every mark drawn exactly once. */
function expectPickable(placed: Placed<Mark>[], marks: Mark[]) {
  const boxes = placed.map((p) => boxAround(p.at, SIZE));
  for (const [i, a] of boxes.entries()) {
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[1]).toBeGreaterThanOrEqual(0);
    expect(a[2]).toBeLessThanOrEqual(frame.width);
    expect(a[3]).toBeLessThanOrEqual(frame.height);
    for (const b of boxes.slice(i + 1)) expect(boxesMeet(a, b, GAP - 0.01), `${a.join()} ${b.join()}`).toBe(false);
  }
  const ids = placed.flatMap((p) => p.items.map((m) => m.id)).sort();
  expect(ids).toEqual(marks.map((m) => m.id).sort());
}

describe('target size on a phone', () => {
  it('is at least 24 CSS px at 360 px wide, where the 800-unit map is drawn PHONE_MAP_PX wide', () => {
    expect(TARGET_PX).toBeGreaterThanOrEqual(24);
    expect(PHONE_MAP_PX).toBeLessThanOrEqual(360 - 32);
    expect((TARGET_PX * unitsPerPx(800)) / (800 / PHONE_MAP_PX)).toBeCloseTo(TARGET_PX);
  });
});

describe('boxesMeet', () => {
  it('tells overlapping and too-close boxes from boxes apart', () => {
    const a: Box = [0, 0, 10, 10];
    expect(boxesMeet(a, [9, 9, 20, 20])).toBe(true);
    expect(boxesMeet(a, [10, 0, 20, 10])).toBe(false);
    expect(boxesMeet(a, [12, 0, 20, 10], 3)).toBe(true);
    expect(boxesMeet(a, [0, 11, 10, 20], 1)).toBe(false);
  });
});

describe('layoutMarks', () => {
  it('leaves marks that are apart where they are', () => {
    const marks = marksAt('甲村', [
      [100, 100],
      [200, 100],
      [100, 300],
    ]);
    const placed = layout(marks);
    expect(placed.map((p) => [p.at, p.items.map((m) => m.id), p.group])).toEqual([
      [[100, 100], ['甲村-0'], '甲村'],
      [[200, 100], ['甲村-1'], '甲村'],
      [[100, 300], ['甲村-2'], '甲村'],
    ]);
  });

  it('sets two marks a little too close apart, each moved about half a target at most', () => {
    const marks = marksAt('乙村', [
      [300, 300],
      [340, 310],
    ]);
    const placed = layout(marks);
    expect(placed).toHaveLength(2);
    expectPickable(placed, marks);
    for (const p of placed) {
      const home = p.items[0]!.at;
      expect(Math.abs(p.at[0] - home[0])).toBeLessThanOrEqual((SIZE + GAP) * 0.55);
      expect(Math.abs(p.at[1] - home[1])).toBeLessThanOrEqual((SIZE + GAP) * 0.55);
    }
  });

  it('sets a few marks at one place apart around it; more, and some become one mark with a count', () => {
    const four = marksAt('甲村', same(4));
    const apart = layout(four);
    expectPickable(apart, four);
    expect(apart).toHaveLength(4);
    const twelve = marksAt('甲村', same(12));
    const crowded = layout(twelve);
    expectPickable(crowded, twelve);
    expect(crowded.length).toBeLessThan(12);
    expect(crowded.some((p) => p.items.length > 1)).toBe(true);
    expect(new Set(crowded.map((p) => p.group))).toEqual(new Set(['甲村']));
  });

  it('without room to move, draws marks too close as one, in the middle of their places', () => {
    const marks = marksAt('甲村', [
      [400, 300],
      [400, 300],
      [400, 300],
      [402, 304],
    ]);
    const placed = layoutMarks(marks, (m) => m.village, { ...options, shift: 0 });
    expect(placed).toHaveLength(1);
    expect(placed[0]!.items).toHaveLength(4);
    expect(placed[0]!.group).toBe('甲村');
    expect(placed[0]!.at).toEqual([400.5, 301]);
  });

  it('keeps marks on the map: one at the edge moves in', () => {
    const placed = layout(marksAt('甲村', [[2, 598]]));
    expect(placed[0]!.at).toEqual([SIZE / 2, frame.height - SIZE / 2]);
  });

  it('a dense village: hundreds of hazards close together become a few count marks, none overlapping', () => {
    const dense = marksAt('丙村', scatter(240, [400, 300], 90));
    const neighbours = [
      ...marksAt('甲村', scatter(12, [250, 300], 40, 7)),
      ...marksAt('乙村', scatter(12, [550, 300], 40, 11)),
    ];
    const marks = [...dense, ...neighbours];
    const placed = layout(marks);
    expectPickable(placed, marks);
    const counts = placed.filter((p) => p.items.length > 1);
    expect(counts.length).toBeGreaterThan(0);
    // A count mark holds one village's hazards whenever that is possible, so it can link to that village's list.
    for (const p of placed) {
      const villages = new Set(p.items.map((m) => m.village));
      if (p.group !== undefined) expect([...villages]).toEqual([p.group]);
    }
    expect(placed.filter((p) => p.group === undefined).length).toBeLessThan(3);
    // Far fewer marks than hazards: a finger can tell them apart.
    expect(placed.length).toBeLessThan(40);
  });

  it('neighbouring villages at the same place: set apart, or one count mark with no single village', () => {
    const marks = [...marksAt('甲村', [[400, 300]]), ...marksAt('乙村', [[400, 300]])];
    const placed = layout(marks);
    expectPickable(placed, marks);
    expect(placed.map((p) => p.group).sort()).toEqual(['乙村', '甲村']);
    const crowded = [...marksAt('甲村', same(5)), ...marksAt('乙村', same(5))];
    const merged = layout(crowded);
    expectPickable(merged, crowded);
  });

  it('is the same every time for the same marks', () => {
    const marks = marksAt('丙村', scatter(80, [400, 300], 60, 3));
    expect(layout(marks)).toEqual(layout([...marks]));
  });
});

describe('placeLabels', () => {
  const labelOptions = { ...frame, gap: 4, step: 8 };
  it('keeps a name in the middle when that covers no mark', () => {
    expect(placeLabels([{ anchor: [400, 300], width: 100, height: 40 }], [], labelOptions)).toEqual([[400, 300]]);
  });

  it('moves a name off the marks and off names placed before it, staying near its anchor', () => {
    const marks: Box[] = [boxAround([400, 300], SIZE), boxAround([470, 300], SIZE)];
    const labels = [
      { anchor: [400, 300] as Point, width: 100, height: 40 },
      { anchor: [400, 300] as Point, width: 100, height: 40 },
    ];
    const spots = placeLabels(labels, marks, labelOptions);
    const boxes = spots.map((s, i) => boxAround(s!, labels[i]!.width, labels[i]!.height));
    for (const box of boxes) for (const mark of marks) expect(boxesMeet(box, mark, 4)).toBe(false);
    expect(boxesMeet(boxes[0]!, boxes[1]!, 4)).toBe(false);
    expect(Math.hypot(spots[0]![0] - 400, spots[0]![1] - 300)).toBeLessThan(80);
  });

  it('prefers places inside its own area', () => {
    const marks: Box[] = [boxAround([400, 300], SIZE)];
    const inside = ([x]: Point) => x < 400;
    const [spot] = placeLabels([{ anchor: [400, 300], width: 60, height: 30, inside }], marks, labelOptions);
    expect(spot![0]).toBeLessThan(400);
  });

  it('leaves a name out when no place near is free', () => {
    const everywhere: Box[] = [[0, 0, 800, 600]];
    expect(placeLabels([{ anchor: [400, 300], width: 60, height: 30 }], everywhere, labelOptions)).toEqual([undefined]);
  });
});
