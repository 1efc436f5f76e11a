import type { IsoMonth } from '../../schemas/common';
import { SOURCES, STATUSES } from '../../schemas/hazard';
import type { Site } from '../../schemas/site';
import { formatMonth } from '../format/date';
import type { FilterParam } from './filters';

export interface FilterOption {
  /** The value the disclosure pages write in data-pagefind-filter. */
  value: string;
  label: string;
}

/**
 * The choices of each search filter, known at build time from the content: the search page
 * renders them as plain <select>s, so a first search fetches no filter index just to draw them.
 * Values must equal what the hazard pages write in data-pagefind-filter (tested end to end).
 */
export function filterOptions(site: Site, months: readonly IsoMonth[]): Record<FilterParam, FilterOption[]> {
  const same = (value: string): FilterOption => ({ value, label: value });
  return {
    // Newest first: residents mostly look for this month's list.
    month: [...months]
      .sort()
      .reverse()
      .map((month) => ({ value: formatMonth(month), label: formatMonth(month) })),
    village: site.villages.map((village) => same(village.name)),
    sector: site.sectors.map((sector) => same(sector.name)),
    source: SOURCES.map(same),
    status: STATUSES.map(same),
  };
}
