/**
 * The search filters, as both the search page and the Pagefind index name them.
 * `name` is the key the disclosure pages write in data-pagefind-filter (月份, 村 …);
 * `param` is the short key used in a shared search URL (/search/?q=燃气&village=紫南村).
 */
export const SEARCH_FILTERS = [
  { param: 'month', name: '月份' },
  { param: 'village', name: '村' },
  { param: 'sector', name: '行业领域' },
  { param: 'source', name: '来源' },
  { param: 'status', name: '状态' },
] as const;

export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type FilterParam = SearchFilter['param'];
export type FilterName = SearchFilter['name'];

/** A query longer than this is cut: nobody types it, and the URL stays shareable. */
export const MAX_QUERY_LENGTH = 100;

/** What a resident asked for: the words and the chosen filter values (absent = all). */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterParam, string>>;
}

/** Reads a search from the page URL (?q=…&village=…); unknown keys are ignored. */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const filters: SearchState['filters'] = {};
  for (const { param } of SEARCH_FILTERS) {
    const value = params.get(param)?.trim();
    if (value) filters[param] = value;
  }
  return { q, filters };
}

/** The URL query for a search, in a fixed order so the same search always gives the same link. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const { param } of SEARCH_FILTERS) {
    const value = state.filters[param]?.trim();
    if (value) params.set(param, value);
  }
  return params;
}

/** The filters in the form Pagefind's search() takes: { 村: '紫南村', 状态: '整改中' }. */
export function pagefindFilters(state: SearchState): Partial<Record<FilterName, string>> {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const { param, name } of SEARCH_FILTERS) {
    const value = state.filters[param]?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** True when there is anything to search for: words, or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || Object.values(state.filters).some((value) => value?.trim());
}
