import { describe, expect, it } from 'vitest';
import { boundsOf, geometryContains } from '../../../src/lib/map/geometry';
import { multi, polygon, square } from './fixtures';

describe('geometryContains (point in a village)', () => {
  const village = polygon(square(112, 37.4, 112.04, 37.44));

  it('holds a point inside and not one outside', () => {
    expect(geometryContains(village, [112.02, 37.42])).toBe(true);
    expect(geometryContains(village, [112.05, 37.42])).toBe(false);
    expect(geometryContains(village, [112.02, 37.45])).toBe(false);
    expect(geometryContains(village, [111.99, 37.39])).toBe(false);
  });

  it('does not depend on the winding order of the export', () => {
    const clockwise = polygon(square(112, 37.4, 112.04, 37.44, true));
    expect(geometryContains(clockwise, [112.02, 37.42])).toBe(true);
    expect(geometryContains(clockwise, [112.05, 37.42])).toBe(false);
  });

  it('excludes a hole (an enclave of another village)', () => {
    const withHole = polygon(square(112, 37.4, 112.04, 37.44), square(112.01, 37.41, 112.03, 37.43, true));
    expect(geometryContains(withHole, [112.02, 37.42])).toBe(false);
    expect(geometryContains(withHole, [112.005, 37.42])).toBe(true);
  });

  it('holds a point in any part of a MultiPolygon', () => {
    const parts = multi([square(112, 37.4, 112.01, 37.41)], [square(112.1, 37.4, 112.11, 37.41)]);
    expect(geometryContains(parts, [112.105, 37.405])).toBe(true);
    expect(geometryContains(parts, [112.05, 37.405])).toBe(false);
  });

  it('follows a concave outline', () => {
    // An L: the square's north-east quarter is cut away.
    const l = polygon([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ]);
    expect(geometryContains(l, [0.5, 1.5])).toBe(true);
    expect(geometryContains(l, [1.5, 1.5])).toBe(false);
  });
});

describe('boundsOf', () => {
  it('spans every outline', () => {
    expect(boundsOf([polygon(square(112, 37.4, 112.04, 37.44)), multi([square(112.1, 37.3, 112.2, 37.35)])])).toEqual([
      [112, 37.3],
      [112.2, 37.44],
    ]);
  });
});
