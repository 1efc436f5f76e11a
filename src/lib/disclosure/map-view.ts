import type { IsoDate, IsoMonth } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { MapGeometry, VillageMap } from '../../schemas/village-map';
import type { Ledger } from '../ledger/ledger';
import { isOverdue, isSupervised } from '../ledger/status';
import { bubbleRadius, groupBy, isAggregated, mapScale, shadeBands, shadeClass } from '../map/aggregate';
import { geometryContains, polygonsOf } from '../map/geometry';
import { TARGET_PX, boxAround, layoutMarks, placeLabels, unitsPerPx } from '../map/layout';
import { fitFrame, type Point } from '../map/projection';
import type { Directory } from './directory';
import { hazardPath, monthPath } from '../page-paths';
import { villageMonthHref } from './village-month';

/** What a mark on the map says about a hazard: its status, with 逾期 apart from 整改中. */
export const MARK_STATES = ['逾期', '整改中', '已整改', '已销号'] as const;
export type MarkState = (typeof MARK_STATES)[number];

export function markState(hazard: Hazard, cutoff: IsoDate): MarkState {
  return isOverdue(hazard, cutoff) ? '逾期' : hazard.status;
}

/** A village as the map draws it and the table beside it counts it. */
export interface MapVillage {
  slug: string;
  name: string;
  /** SVG path data of the boundary. */
  path: string;
  /** The middle of its area: where its per-village mark goes. */
  centre: Point;
  /** The middle of its name: near the middle where that covers no mark, or below the per-village mark; none when no place is free. */
  label: Point | undefined;
  /** Hazards of the month's list in the village, located or not, by state. */
  counts: Record<MarkState, number>;
  /** Open hazards (整改中, overdue included): what the shading says. */
  open: number;
  supervised: number;
  /** Of the listed hazards, how many carry a location. */
  located: number;
  /** 0 (none open) to 3 (the busiest third). */
  shade: number;
}

/** One located hazard, where it is or set a little apart from a mark too close to it. */
export interface MapMark {
  id: string;
  title: string;
  village: string;
  state: MarkState;
  supervised: boolean;
  at: Point;
  href: string;
}

/** Located hazards too close together to tell apart by finger, drawn as one mark with their count. */
export interface MapCluster {
  /** Their village, or undefined when hazards of neighbouring villages had to be drawn as one. */
  village: string | undefined;
  at: Point;
  count: number;
  counts: Record<MarkState, number>;
  supervised: number;
  /** The village's list of the month (the month's list when villages are mixed). */
  href: string;
  /** The hazards drawn as this mark, each at its own place. */
  hazards: MapMark[];
}

/** Every located hazard drawn, alone or in a count mark, by number (for the table beside the map). */
export const drawnHazards = (view: Pick<HazardMapView, 'marks' | 'clusters'>): MapMark[] =>
  [...view.marks, ...view.clusters.flatMap((c) => c.hazards)].sort((a, b) => a.id.localeCompare(b.id));

/** A village's located hazards as one mark (county scale). */
export interface MapBubble {
  slug: string;
  name: string;
  at: Point;
  r: number;
  count: number;
  href: string;
}

export interface HazardMapView {
  month: IsoMonth;
  cutoff: IsoDate;
  width: number;
  height: number;
  villages: MapVillage[];
  /** One mark per located hazard drawn alone; empty when aggregated. */
  marks: MapMark[];
  /** Hazards drawn together, with their count; empty when aggregated. */
  clusters: MapCluster[];
  /** Side of a mark's square target, in map units: TARGET_PX on a 360 px wide screen. */
  markSize: number;
  /** One mark per village with located hazards; empty unless aggregated. */
  bubbles: MapBubble[];
  aggregated: boolean;
  /** Font size of the village names, in map units, as drawn on a phone (smaller when there are many villages). */
  labelSize: number;
  located: number;
  listed: number;
  /** The shading legend: open-hazard counts per shade class. */
  bands: { shade: number; from: number; to: number }[];
  /** The map file's own name, shown in the caption (a sample geography says 示例 there). */
  source: string | undefined;
}

const zeroCounts = (): Record<MarkState, number> => ({ 逾期: 0, 整改中: 0, 已整改: 0, 已销号: 0 });

/** Map units: the SVG's width; its height follows the geography. */
export const MAP_WIDTH = 800;
const MARGIN = 16;
/** Map units per CSS px on a 360 px wide screen. */
const UNIT = unitsPerPx(MAP_WIDTH);
/** Side of a mark's target, and the space kept between targets (2 px), in map units. */
const MARK_SIZE = Math.ceil(TARGET_PX * UNIT * 10) / 10;
const MARK_GAP = Math.round(2 * UNIT * 10) / 10;
/** Names are drawn this much larger than mapScale's size, so they read on a phone (wider screens draw them smaller). */
const PHONE_LABEL = 1.8;
/** A name's box: a Chinese character is one em wide; the height leaves room for the font's ascent and descent. */
const labelBox = (name: string, size: number) => ({ width: name.length * size + 4, height: size * 1.3 });

/**
 * A month's hazards on the villages' map, projected at build time. With `only`, one village's
 * boundary and hazards (the village page). Villages are in the site file's order.
 */
export function hazardMapView(
  map: VillageMap,
  directory: Directory,
  ledger: Ledger,
  month: IsoMonth,
  only?: string,
  limit?: number,
): HazardMapView {
  const list = ledger.list(month);
  const boundaries = new Map(map.features.map((f) => [f.properties.slug, f.geometry]));
  const places = directory.villages.filter((v) => boundaries.has(v.slug) && (only === undefined || v.slug === only));
  const frame = fitFrame(
    places.map((v) => boundaries.get(v.slug)!),
    MAP_WIDTH,
    MARGIN,
  );
  const names = new Set(places.map((v) => v.name));
  const hazards = list.hazards.filter((h) => names.has(h.village));
  const byVillage = groupBy(hazards, (h) => h.village);
  const villages = places.map((place): MapVillage => {
    const geometry = boundaries.get(place.slug)!;
    const counts = zeroCounts();
    let supervised = 0;
    let located = 0;
    for (const h of byVillage.get(place.name) ?? []) {
      counts[markState(h, list.cutoff)] += 1;
      if (isSupervised(h, list.cutoff)) supervised += 1;
      if (h.location) located += 1;
    }
    const open = counts.逾期 + counts.整改中;
    return {
      ...place,
      path: frame.path(geometry),
      centre: frame.centroid(geometry),
      label: frame.centroid(geometry),
      counts,
      open,
      supervised,
      located,
      shade: 0,
    };
  });
  const most = Math.max(0, ...villages.map((v) => v.open));
  for (const v of villages) v.shade = shadeClass(v.open, most);

  const located = hazards.filter((h) => h.location).sort((a, b) => a.id.localeCompare(b.id));
  const aggregated = isAggregated(located.length, limit);
  const largest = Math.max(0, ...villages.map((v) => v.located));
  const scale = mapScale(frame.width, villages.length);
  const labelSize = Math.round(scale.label * PHONE_LABEL * 10) / 10;
  const bubbles = aggregated
    ? villages
        .filter((v) => v.located > 0)
        .map((v) => {
          const r = bubbleRadius(v.located, largest, scale.bubble);
          v.label = [v.centre[0], Math.round((v.centre[1] + r + labelSize * 0.75) * 10) / 10];
          return {
            slug: v.slug,
            name: v.name,
            at: v.centre,
            r,
            count: v.located,
            href: villageMonthHref(ledger, month, v),
          };
        })
    : [];

  const marks: MapMark[] = [];
  const clusters: MapCluster[] = [];
  if (!aggregated) {
    const placed = layoutMarks(
      located.map((h): MapMark => ({
        id: h.id,
        title: h.title,
        village: h.village,
        state: markState(h, list.cutoff),
        supervised: isSupervised(h, list.cutoff),
        at: frame.project(h.location!),
        href: hazardPath(h.id),
      })),
      (m) => m.village,
      { size: MARK_SIZE, gap: MARK_GAP, width: frame.width, height: frame.height },
    );
    for (const { at, items, group } of placed) {
      if (items.length === 1) {
        marks.push({ ...items[0]!, at });
        continue;
      }
      const counts = zeroCounts();
      for (const m of items) counts[m.state] += 1;
      const place = places.find((v) => v.name === group);
      clusters.push({
        village: group,
        at,
        count: items.length,
        counts,
        supervised: items.filter((m) => m.supervised).length,
        href: place ? villageMonthHref(ledger, month, place) : monthPath(month),
        hazards: items,
      });
    }
    // Marks in number order, as before (the keyboard's order); count marks top to bottom after them.
    marks.sort((a, b) => a.id.localeCompare(b.id));
    const targets = [...marks, ...clusters].map((m) => boxAround(m.at, MARK_SIZE));
    const onScreen = (geometry: MapGeometry): MapGeometry => ({
      type: 'MultiPolygon',
      coordinates: polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map((p) => frame.project(p)))),
    });
    const spots = placeLabels(
      places.map((place, i) => {
        const area = onScreen(boundaries.get(place.slug)!);
        return {
          anchor: villages[i]!.centre,
          ...labelBox(place.name, labelSize),
          inside: (point: Point) => geometryContains(area, point),
        };
      }),
      targets,
      {
        width: frame.width,
        height: frame.height,
        gap: MARK_GAP,
        step: Math.round(labelSize / 4),
        // About a village's span: a name further away would name the wrong place.
        reach: Math.max(frame.width, frame.height) / Math.sqrt(villages.length),
      },
    );
    villages.forEach((v, i) => (v.label = spots[i]));
  }

  return {
    month,
    cutoff: list.cutoff,
    width: frame.width,
    height: frame.height,
    villages,
    marks,
    clusters,
    markSize: MARK_SIZE,
    bubbles,
    aggregated,
    labelSize,
    located: located.length,
    listed: hazards.length,
    bands: shadeBands(most),
    source: map.name,
  };
}
