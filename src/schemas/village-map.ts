import { z } from 'zod';
import { Slug } from './common';

/**
 * The township's geography: content/map/villages.geojson, one Polygon or MultiPolygon feature per
 * village, keyed by the village's slug in site.yaml (`properties.slug`), in longitude-latitude
 * (WGS 84 or CGCS2000, which agree to well under a metre). GeoJSON as the county's GIS or 天地图
 * exports it: objects are not strict, since exporters add members of their own (crs, bbox, id…).
 */

const Longitude = z
  .number({ error: '经度应为数字' })
  .min(-180, { error: '经度应在 -180 到 180 之间' })
  .max(180, { error: '经度应在 -180 到 180 之间' });
const Latitude = z
  .number({ error: '纬度应为数字' })
  .min(-90, { error: '纬度应在 -90 到 90 之间' })
  .max(90, { error: '纬度应在 -90 到 90 之间' });

/** A point as [longitude, latitude]: a hazard's `location`, a corner of a village boundary. */
export const LngLat = z.tuple([Longitude, Latitude], { error: '应写成 [经度, 纬度]，如 [112.05, 37.45]' });
export type LngLat = z.output<typeof LngLat>;

/** A GeoJSON position: longitude, latitude and, from some exporters, an altitude (ignored). */
const Position = z
  .tuple([Longitude, Latitude], { error: '坐标应写成 [经度, 纬度]' })
  .rest(z.number())
  .transform(([lng, lat]): LngLat => [lng, lat]);

const samePoint = (a: LngLat | undefined, b: LngLat | undefined) => a?.[0] === b?.[0] && a?.[1] === b?.[1];

/** A closed ring: at least four positions, the last equal to the first. */
const Ring = z
  .array(Position, { error: '边界环应为坐标列表' })
  .min(4, { error: '边界环至少需要 4 个坐标（首尾相同）' })
  .refine((ring) => ring.length < 4 || samePoint(ring[0], ring.at(-1)), { error: '边界环首尾坐标应相同（闭合）' });
export type Ring = z.output<typeof Ring>;

const PolygonCoordinates = z.array(Ring, { error: '应为边界环列表' }).min(1, { error: '至少需要一个边界环' });

export const MapGeometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
    z.object({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(PolygonCoordinates, { error: '应为多边形列表' }).min(1, { error: '至少需要一个多边形' }),
    }),
  ],
  { error: '村界应为 Polygon 或 MultiPolygon' },
);
export type MapGeometry = z.output<typeof MapGeometry>;

export const VillageFeature = z.object({
  type: z.literal('Feature', { error: '应为 Feature' }),
  properties: z.object({ slug: Slug, name: z.string().optional() }, { error: '应有 properties，其中 slug 为村的代码' }),
  geometry: MapGeometry,
});
export type VillageFeature = z.output<typeof VillageFeature>;

export const VillageMap = z.object(
  {
    type: z.literal('FeatureCollection', { error: '应为 FeatureCollection' }),
    /** The map's name; a sample geography says 示例 here (GeoJSON has no comments). */
    name: z.string().trim().optional(),
    features: z.array(VillageFeature, { error: '应为村界列表' }),
  },
  { error: '地图文件应为 GeoJSON FeatureCollection' },
);
export type VillageMap = z.output<typeof VillageMap>;
