import type { Site } from '../../schemas/site';
import type { VillageMap } from '../../schemas/village-map';
import type { ContentIssue } from '../content/issues';
import type { ListFile } from '../ledger/rules';
import { geometryContains } from './geometry';

/**
 * Rules of the map file against the site file and the hazard lists: every village of site.yaml
 * has exactly one boundary, every boundary belongs to a village of site.yaml, and a hazard's
 * `location` lies inside the boundary of its own village.
 */
export function checkVillageMap(
  mapFile: string,
  map: VillageMap,
  site: Site,
  lists: readonly ListFile[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const error = (issue: Omit<ContentIssue, 'severity'>) => issues.push({ ...issue, severity: 'error' });
  const known = new Set(site.villages.map((v) => v.slug));
  const drawn = new Set<string>();
  map.features.forEach((feature, index) => {
    const { slug } = feature.properties;
    const ref = `村界第${index + 1}个`;
    if (!known.has(slug))
      error({ file: mapFile, ref, field: '村代码', message: `site.yaml 中没有代码为 ${slug} 的村` });
    else if (drawn.has(slug))
      error({
        file: mapFile,
        ref,
        field: '村代码',
        message: `${slug} 的村界重复，每个村只能有一个（多块用 MultiPolygon）`,
      });
    drawn.add(slug);
  });
  for (const village of site.villages) {
    if (!drawn.has(village.slug)) {
      error({ file: mapFile, ref: village.name, message: `缺少该村的村界（properties.slug 为 ${village.slug}）` });
    }
  }

  const boundaryOf = new Map<string, VillageMap['features'][number]['geometry']>();
  for (const village of site.villages) {
    const feature = map.features.find((f) => f.properties.slug === village.slug);
    if (feature) boundaryOf.set(village.name, feature.geometry);
  }
  for (const { file, list } of lists) {
    for (const hazard of list.hazards) {
      const boundary = boundaryOf.get(hazard.village);
      if (hazard.location && boundary && !geometryContains(boundary, hazard.location)) {
        error({ file, ref: hazard.id, field: '位置', message: `不在${hazard.village}范围内` });
      }
    }
  }
  return issues;
}
