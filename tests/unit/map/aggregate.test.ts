import { describe, expect, it } from 'vitest';
import {
  BUBBLE,
  MARK_LIMIT,
  VILLAGE_MARK_LIMIT,
  bubbleRadius,
  groupBy,
  isAggregated,
  mapScale,
  shadeBands,
  shadeClass,
} from '../../../src/lib/map/aggregate';

describe('aggregation past the mark limit', () => {
  it('draws marks one by one up to the limit, per village beyond it', () => {
    expect(isAggregated(MARK_LIMIT)).toBe(false);
    expect(isAggregated(MARK_LIMIT + 1)).toBe(true);
    expect(isAggregated(3, 2)).toBe(true);
    // A village page lists its hazards already: it stays light at a lower limit.
    expect(VILLAGE_MARK_LIMIT).toBeLessThan(MARK_LIMIT);
    expect(isAggregated(VILLAGE_MARK_LIMIT + 1, VILLAGE_MARK_LIMIT)).toBe(true);
  });

  it('sizes a village mark by area: four times the hazards, twice the radius', () => {
    expect(bubbleRadius(400, 400)).toBe(BUBBLE.max);
    expect(bubbleRadius(100, 400)).toBe(BUBBLE.max / 2);
    expect(bubbleRadius(1, 400)).toBe(BUBBLE.min);
    expect(bubbleRadius(0, 400)).toBe(0);
  });

  it('shrinks labels and per-village marks to the size of a village on the map', () => {
    // A township of 7 villages on 800 units: full size.
    expect(mapScale(800, 7)).toEqual({ label: 20, bubble: BUBBLE.max });
    // A county of 200: a village spans about 57 units; three characters of 14 fit, a mark of radius 19.
    expect(mapScale(800, 200)).toEqual({ label: 14, bubble: 19 });
    expect(bubbleRadius(400, 400, 19)).toBe(19);
    // Never below legibility or a finger's target.
    expect(mapScale(800, 100_000)).toEqual({ label: 8, bubble: BUBBLE.min });
  });

  it('groups in first-seen order', () => {
    const groups = groupBy(['乙1', '甲1', '乙2'], (s) => s[0]!);
    expect([...groups]).toEqual([
      ['乙', ['乙1', '乙2']],
      ['甲', ['甲1']],
    ]);
  });
});

describe('village shading', () => {
  it('puts none open apart and splits the rest into three bands up to the busiest village', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => shadeClass(n, 9))).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(shadeBands(9)).toEqual([
      { shade: 1, from: 1, to: 3 },
      { shade: 2, from: 4, to: 6 },
      { shade: 3, from: 7, to: 9 },
    ]);
  });

  it('gives every count the band the legend names, for any busiest village', () => {
    for (let most = 1; most <= 40; most++) {
      const bands = shadeBands(most);
      for (let open = 1; open <= most; open++) {
        const band = bands.find((b) => b.from <= open && open <= b.to);
        expect(band?.shade).toBe(shadeClass(open, most));
      }
    }
    expect(shadeBands(0)).toEqual([]);
    expect(shadeClass(3, 0)).toBe(0);
  });
});
