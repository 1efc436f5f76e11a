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
