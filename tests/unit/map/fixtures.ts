import type { LngLat, MapGeometry, Ring } from '../../../src/schemas/village-map';

/** A closed axis-aligned ring, counter-clockwise (as RFC 7946 asks) unless `clockwise`. */
export function square(west: number, south: number, east: number, north: number, clockwise = false): Ring {
  const ring: LngLat[] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return clockwise ? ring.reverse() : ring;
}

export const polygon = (...rings: Ring[]): MapGeometry => ({ type: 'Polygon', coordinates: rings });
export const multi = (...polygons: Ring[][]): MapGeometry => ({ type: 'MultiPolygon', coordinates: polygons });

/** `n` points scattered within `spread` of `centre`, the same every run (a linear congruential generator). */
export function scatter(n: number, [x, y]: [number, number], spread: number, seed = 1): [number, number][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => [x + next() * spread, y + next() * spread]);
}
