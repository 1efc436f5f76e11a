import type { LngLat, MapGeometry, Ring } from '../../schemas/village-map';

/** The polygons of a geometry, each a list of rings (the first the outline, the others holes). */
export const polygonsOf = (geometry: MapGeometry): Ring[][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/** Even-odd ray casting: whether the ring encloses the point (in plain longitude-latitude). */
function ringContains(ring: Ring, [x, y]: LngLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a village's boundary holds the point: inside an outline and not in one of its holes.
 * Planar on purpose: across a village (a few kilometres) the difference from a great-circle edge
 * is centimetres, and unlike a spherical test it does not depend on the rings' winding order,
 * which differs between GIS exports (RFC 7946 says counter-clockwise, shapefiles clockwise).
 */
export function geometryContains(geometry: MapGeometry, point: LngLat): boolean {
  return polygonsOf(geometry).some(
    ([outline, ...holes]) =>
      outline !== undefined && ringContains(outline, point) && !holes.some((hole) => ringContains(hole, point)),
  );
}

/** Longitude-latitude bounds [[west, south], [east, north]] of some geometries. */
export function boundsOf(geometries: readonly MapGeometry[]): [LngLat, LngLat] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        w = Math.min(w, lng);
        e = Math.max(e, lng);
        s = Math.min(s, lat);
        n = Math.max(n, lat);
      }
    }
  }
  return [
    [w, s],
    [e, n],
  ];
}
