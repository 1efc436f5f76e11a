import { describe, expect, it } from 'vitest';
import { drawnHazards, hazardMapView, markState } from '../../../src/lib/disclosure/map-view';
import { boxAround, boxesMeet } from '../../../src/lib/map/layout';
import { Ledger } from '../../../src/lib/ledger/ledger';
import type { VillageMap } from '../../../src/schemas/village-map';
import { polygon, scatter, square } from '../map/fixtures';
import { closed, deadlinePlan, directory, fixed, hazard, list } from './fixtures';

const feature = (slug: string, west: number) => ({
  type: 'Feature' as const,
  properties: { slug },
  geometry: polygon(square(west, 37.4, west + 0.04, 37.44)),
});
const map: VillageMap = {
  type: 'FeatureCollection',
  name: '示例村界',
  features: [feature('jia', 112), feature('yi', 112.04), feature('bing', 112.08)],
};
const ledger = new Ledger([
  list('2023-07', [
    hazard({ id: 'NZ-2023-0001', location: [112.02, 37.42], mode: '限期整改', plan: deadlinePlan('2023-07-10') }),
    hazard({
      id: 'NZ-2023-0002',
      location: [112.01, 37.41],
      supervision: { by: '县应急管理局', since: '2023-06-10' },
    }),
    hazard({ id: 'NZ-2023-0003', village: '乙村', location: [112.06, 37.42], ...fixed('2023-07-01') }),
    hazard({ id: 'NZ-2023-0004', village: '乙村', ...closed('2023-07-01', '2023-07-20') }),
    hazard({ id: 'NZ-2023-0005', village: '乙村' }),
  ]),
]);

describe('hazardMapView', () => {
  const view = hazardMapView(map, directory, ledger, '2023-07');

  it('marks every located hazard, by state, with its link', () => {
    expect(view.located).toBe(3);
    expect(view.listed).toBe(5);
    expect(view.aggregated).toBe(false);
    expect(view.marks.map((m) => [m.id, m.state, m.supervised, m.href])).toEqual([
      ['NZ-2023-0001', '逾期', false, '/hazards/NZ-2023-0001/'],
      ['NZ-2023-0002', '整改中', true, '/hazards/NZ-2023-0002/'],
      ['NZ-2023-0003', '已整改', false, '/hazards/NZ-2023-0003/'],
    ]);
    const [x, y] = view.marks[0]!.at;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(view.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(view.height);
  });

  it('counts every listed hazard for its village, located or not, and shades by open hazards', () => {
    expect(view.villages.map((v) => [v.name, v.counts, v.open, v.supervised, v.located, v.shade])).toEqual([
      ['甲村', { 逾期: 1, 整改中: 1, 已整改: 0, 已销号: 0 }, 2, 1, 2, 3],
      ['乙村', { 逾期: 0, 整改中: 1, 已整改: 1, 已销号: 1 }, 1, 0, 1, 2],
      ['丙村', { 逾期: 0, 整改中: 0, 已整改: 0, 已销号: 0 }, 0, 0, 0, 0],
    ]);
    expect(view.bands).toEqual([
      { shade: 2, from: 1, to: 1 },
      { shade: 3, from: 2, to: 2 },
    ]);
    expect(view.villages[0]!.path).toMatch(/^M[\d.]+,[\d.]+/);
    expect(view.source).toBe('示例村界');
  });

  it('aggregates per village past the limit, sized by count, linking to the village', () => {
    const grouped = hazardMapView(map, directory, ledger, '2023-07', undefined, 2);
    expect(grouped.aggregated).toBe(true);
    expect(grouped.marks).toEqual([]);
    expect(grouped.bubbles.map((b) => [b.name, b.count, b.r, b.href])).toEqual([
      ['甲村', 2, 26, '/disclosures/2023-07/'],
      ['乙村', 1, 18.4, '/disclosures/2023-07/'],
    ]);
    // The mark sits in the middle of the village, its name below the mark.
    const [jia] = grouped.villages;
    expect(grouped.bubbles[0]!.at).toEqual(jia!.centre);
    expect(jia!.label).toEqual([jia!.centre[0], jia!.centre[1] + 26 + 36 * 0.75]);
    // Names are sized for a phone (1.8 times mapScale's size); wider screens draw them smaller.
    expect(grouped.labelSize).toBe(36);
  });

  it('draws one village alone for its own page', () => {
    const one = hazardMapView(map, directory, ledger, '2023-07', 'yi');
    expect(one.villages.map((v) => v.name)).toEqual(['乙村']);
    expect(one.marks.map((m) => m.id)).toEqual(['NZ-2023-0003']);
    expect(one.listed).toBe(3);
  });
});

describe('a dense village on the map', () => {
  // 甲村 with 60 located hazards within about 300 m of one another, 乙村 with two by its border.
  const points = scatter(60, [112.02, 37.42], 0.003, 5);
  const dense = new Ledger([
    list('2023-07', [
      ...points.map((location, i) =>
        hazard({
          id: `NZ-2023-${String(i + 1).padStart(4, '0')}`,
          location,
          ...(i % 5 === 0 ? { supervision: { by: '县应急管理局', since: '2023-06-10' } } : {}),
        }),
      ),
      hazard({ id: 'NZ-2023-0061', village: '乙村', location: [112.0401, 37.42] }),
      hazard({ id: 'NZ-2023-0062', village: '乙村', location: [112.0402, 37.4201] }),
    ]),
  ]);
  const view = hazardMapView(map, directory, dense, '2023-07');
  const targets = [...view.marks, ...view.clusters].map((m) => boxAround(m.at, view.markSize));

  it('draws close hazards as count marks linking to the village list, every hazard once', () => {
    expect(view.aggregated).toBe(false);
    expect(view.clusters.length).toBeGreaterThan(0);
    for (const c of view.clusters) {
      expect(c.village).toBe('甲村');
      expect(c.href).toBe('/disclosures/2023-07/');
      expect(c.count).toBe(c.hazards.length);
      expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(c.count);
      expect(c.supervised).toBe(c.hazards.filter((h) => h.supervised).length);
    }
    expect(drawnHazards(view).map((m) => m.id)).toEqual(
      dense
        .list('2023-07')
        .hazards.map((h) => h.id)
        .sort(),
    );
    // The count marks keep each hazard at its own place for the table.
    expect(view.clusters[0]!.hazards[0]!.href).toMatch(/^\/hazards\/NZ-2023-\d{4}\/$/);
  });

  it('keeps every target at least the phone size and apart from the others', () => {
    // 24 CSS px on a 360 px wide phone, where the 800-unit map is about 328 px wide.
    expect((view.markSize * 328) / view.width).toBeGreaterThanOrEqual(24);
    targets.forEach((a, i) => targets.slice(i + 1).forEach((b) => expect(boxesMeet(a, b)).toBe(false)));
    for (const [x0, y0, x1, y1] of targets) {
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(view.width);
      expect(y1).toBeLessThanOrEqual(view.height);
    }
  });

  it('places every village name where it covers no mark and no other name', () => {
    const labels = view.villages.map((v) => {
      expect(v.label, v.name).toBeDefined();
      return boxAround(v.label!, v.name.length * view.labelSize, view.labelSize * 1.15);
    });
    for (const label of labels) for (const target of targets) expect(boxesMeet(label, target)).toBe(false);
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => expect(boxesMeet(a, b)).toBe(false)));
  });

  it('on the village page too', () => {
    const one = hazardMapView(map, directory, dense, '2023-07', 'jia');
    expect(one.clusters.length + one.marks.length).toBeGreaterThan(1);
    expect(drawnHazards(one)).toHaveLength(60);
    const boxes = [...one.marks, ...one.clusters].map((m) => boxAround(m.at, one.markSize));
    const label = boxAround(one.villages[0]!.label!, 2 * one.labelSize, one.labelSize * 1.15);
    for (const box of boxes) expect(boxesMeet(label, box)).toBe(false);
  });
});

describe('markState', () => {
  it('tells 逾期 apart from 整改中 by the cutoff', () => {
    const late = hazard({ id: 'NZ-2023-0001', mode: '限期整改', plan: deadlinePlan('2023-07-10') });
    expect(markState(late, '2023-07-09')).toBe('整改中');
    expect(markState(late, '2023-07-25')).toBe('逾期');
  });
});
