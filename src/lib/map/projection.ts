import { geoIdentity, geoPath } from 'd3-geo';
import type { LngLat, MapGeometry } from '../../schemas/village-map';
import { boundsOf, polygonsOf } from './geometry';

/** Screen coordinates in the map's SVG user units, y downwards. */
export type Point = [number, number];

/** The drawing surface a set of boundaries was fitted to, and how to draw on it. */
export interface MapFrame {
  width: number;
  height: number;
  /** Where a longitude-latitude lands on the map. */
  project(point: LngLat): Point;
  /** SVG path data of a boundary (one decimal: a tenth of a unit is finer than any screen). */
  path(geometry: MapGeometry): string;
  /** Where to put a boundary's label: the centroid of its area. */
  centroid(geometry: MapGeometry): Point;
}

/** The tallest map, as a multiple of its width: a long thin township still fits a phone screen. */
const MAX_ASPECT = 1.4;

/**
 * Fits the boundaries into a map `width` units wide (its height follows the geography), leaving
 * `margin` on every side. The projection is equirectangular, true to scale at the boundaries'
 * middle latitude: across a township or a county it is indistinguishable from any conformal
 * projection, and computed on the plane it draws every ring the same way round. (d3's spherical
 * projections read a ring wound the other way as the whole globe minus the village; exports of
 * the county's GIS or 天地图 are wound either way.) d3-geo does the fitting and writes the paths.
 */
export function fitFrame(geometries: readonly MapGeometry[], width: number, margin: number): MapFrame {
  const [[west, south], [east, north]] = boundsOf(geometries);
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scaled = (point: LngLat): LngLat => [point[0] * k, point[1]];
  const scaledGeometry = (geometry: MapGeometry): GeoJSON.MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map(scaled))),
  });
  const spanX = (east - west) * k;
  const spanY = north - south;
  const inner = width - 2 * margin;
  const aspect = spanX > 0 && spanY > 0 ? Math.min(spanY / spanX, MAX_ASPECT) : 1;
  const height = Math.round(inner * aspect) + 2 * margin;
  const projection = geoIdentity()
    .reflectY(true)
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      { type: 'GeometryCollection', geometries: geometries.map(scaledGeometry) },
    );
  const path = geoPath(projection).digits(1);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height,
    project(point) {
      const [x, y] = projection(scaled(point)) ?? [NaN, NaN];
      return [round(x), round(y)];
    },
    path: (geometry) => path(scaledGeometry(geometry)) ?? '',
    centroid(geometry) {
      const [x, y] = path.centroid(scaledGeometry(geometry));
      return [round(x), round(y)];
    },
  };
}
