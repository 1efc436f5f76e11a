import type { LngLat, VillageMap } from '../../../src/schemas/village-map';

/**
 * A synthetic county's geography: villages on a grid of cells 0.03° (about 3 km) across, each a
 * ten-sided boundary inside its cell (so no two overlap), and the points of located hazards
 * well inside their village. Deterministic, without the generator's random stream, so adding
 * the map changed none of the ledger's other values.
 */
const CELL = 0.03;
const ORIGIN: LngLat = [111.7, 37.1];
const SIDES = 10;

const columns = (count: number) => Math.ceil(Math.sqrt(count));
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The middle of village `index`'s cell. */
function centre(index: number, count: number): LngLat {
  const cols = columns(count);
  return [ORIGIN[0] + ((index % cols) + 0.5) * CELL, ORIGIN[1] + (Math.floor(index / cols) + 0.5) * CELL];
}

export function syntheticVillageMap(slugs: readonly string[]): VillageMap {
  return {
    type: 'FeatureCollection',
    name: '示例：性能测试生成的村界（虚构）',
    features: slugs.map((slug, index) => {
      const [x, y] = centre(index, slugs.length);
      const ring: LngLat[] = Array.from({ length: SIDES }, (_, k) => {
        // Radius between 0.36 and 0.45 of a cell, varying by village and corner.
        const r = CELL * (0.36 + 0.0225 * ((index * 7 + k * 3) % 5));
        const angle = (2 * Math.PI * k) / SIDES;
        return [round(x + r * Math.cos(angle)), round(y + r * Math.sin(angle))];
      });
      return {
        type: 'Feature',
        properties: { slug },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
      };
    }),
  };
}

/** A point for hazard number `n` in village `index`: within a fifth of a cell of the middle. */
export function syntheticLocation(index: number, count: number, n: number): LngLat {
  const [x, y] = centre(index, count);
  const spread = (k: number) => (((n * k) % 97) / 96 - 0.5) * 0.4 * CELL;
  return [round(x + spread(37)), round(y + spread(61))];
}
