import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import { checkVillageMap } from '../../../src/lib/map/rules';
import type { Site } from '../../../src/schemas/site';
import type { VillageMap } from '../../../src/schemas/village-map';
import { hazard, list } from '../disclosure/fixtures';
import { polygon, square } from './fixtures';

const site = {
  villages: [
    { slug: 'jia', name: '甲村' },
    { slug: 'yi', name: '乙村' },
  ],
} as Site;
const feature = (slug: string, west: number) => ({
  type: 'Feature' as const,
  properties: { slug },
  geometry: polygon(square(west, 37.4, west + 0.04, 37.44)),
});
const map: VillageMap = { type: 'FeatureCollection', features: [feature('jia', 112), feature('yi', 112.04)] };
const MAP_FILE = 'content/map/villages.geojson';
const FILE = 'content/hazard-lists/2023-06.yaml';
const lines = (m: VillageMap, hazards = [hazard({ id: 'NZ-2023-0001' })]) =>
  checkVillageMap(MAP_FILE, m, site, [{ file: FILE, list: list('2023-06', hazards) }]).map(formatIssue);

describe('checkVillageMap', () => {
  it('accepts a boundary per village and locations inside their own village', () => {
    const inside = [
      hazard({ id: 'NZ-2023-0001', location: [112.02, 37.42] }),
      hazard({ id: 'NZ-2023-0002', village: '乙村', location: [112.06, 37.42] }),
      hazard({ id: 'NZ-2023-0003' }),
    ];
    expect(lines(map, inside)).toEqual([]);
  });

  it('names a hazard located in another village, or off the map', () => {
    const outside = [
      hazard({ id: 'NZ-2023-0001', location: [112.06, 37.42] }),
      hazard({ id: 'NZ-2023-0002', village: '乙村', location: [113, 38] }),
    ];
    expect(lines(map, outside)).toEqual([
      `${FILE} · NZ-2023-0001 · 位置: 不在甲村范围内`,
      `${FILE} · NZ-2023-0002 · 位置: 不在乙村范围内`,
    ]);
  });

  it('leaves a hazard of an unknown village to the ledger rules', () => {
    expect(lines(map, [hazard({ id: 'NZ-2023-0001', village: '丁村', location: [0, 0] })])).toEqual([]);
  });

  it('names a village without a boundary, an unknown and a repeated boundary', () => {
    const broken: VillageMap = {
      type: 'FeatureCollection',
      features: [feature('jia', 112), feature('ding', 112.04), feature('jia', 112.08)],
    };
    expect(lines(broken)).toEqual([
      `${MAP_FILE} · 村界第2个 · 村代码: site.yaml 中没有代码为 ding 的村`,
      `${MAP_FILE} · 村界第3个 · 村代码: jia 的村界重复，每个村只能有一个（多块用 MultiPolygon）`,
      `${MAP_FILE} · 乙村 · 缺少该村的村界（properties.slug 为 yi）`,
    ]);
  });
});
