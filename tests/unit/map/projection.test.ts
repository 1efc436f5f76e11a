import { describe, expect, it } from 'vitest';
import { fitFrame } from '../../../src/lib/map/projection';
import { polygon, square } from './fixtures';

describe('fitFrame (projection fitting)', () => {
  it('fits the boundaries to the width, north up, inside the margin', () => {
    // Two villages side by side at the equator: 2° wide, 1° tall.
    const frame = fitFrame([polygon(square(0, 0, 1, 1)), polygon(square(1, 0, 2, 1))], 420, 10);
    expect(frame.width).toBe(420);
    expect(frame.height).toBe(220);
    expect(frame.project([0, 1])).toEqual([10, 10]); // north-west corner
    expect(frame.project([2, 0])).toEqual([410, 210]); // south-east corner
    expect(frame.centroid(polygon(square(0, 0, 1, 1)))).toEqual([110, 110]);
  });

  it('is true to scale at the middle latitude: at 60° a degree of longitude is half a degree of latitude', () => {
    const frame = fitFrame([polygon(square(10, 59.5, 12, 60.5))], 100, 0);
    // 2° of longitude × cos 60° = 1 unit, as tall as 1° of latitude: a square map.
    expect(frame.height).toBe(100);
    const [x0] = frame.project([10, 60]);
    const [x1] = frame.project([11, 60]);
    const [, y0] = frame.project([10, 60]);
    const [, y1] = frame.project([10, 60.5]);
    expect(x1 - x0).toBeCloseTo(50, 0);
    expect(y0 - y1).toBeCloseTo(50, 0);
  });

  it('draws a ring wound either way the same (no whole-globe fill from a reversed ring)', () => {
    const ccw = fitFrame([polygon(square(112, 37.4, 112.04, 37.44))], 200, 5);
    const cw = fitFrame([polygon(square(112, 37.4, 112.04, 37.44, true))], 200, 5);
    expect(cw.height).toBe(ccw.height);
    expect(cw.project([112.02, 37.42])).toEqual(ccw.project([112.02, 37.42]));
    // Four corners, all on the map: the village, not the globe around it.
    const path = ccw.path(polygon(square(112, 37.4, 112.04, 37.44)));
    expect(path).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}Z$/);
    const numbers = (path.match(/[\d.]+/g) ?? []).map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(ccw.height - 5);
    expect(cw.path(polygon(square(112, 37.4, 112.04, 37.44, true)))).toBe('M5.1,244L5.1,5L194.9,5L194.9,244Z');
  });

  it('caps the height of a long thin township', () => {
    const frame = fitFrame([polygon(square(0, 0, 0.1, 1))], 100, 0);
    expect(frame.height).toBe(140);
  });

  it('keeps a square frame for a degenerate boundary', () => {
    const frame = fitFrame(
      [
        polygon([
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
        ]),
      ],
      100,
      10,
    );
    expect(frame.height).toBe(100);
  });
});
