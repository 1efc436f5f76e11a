/**
 * Puts the results whose title or unit holds the whole query first.
 *
 * Pagefind ranks by the words a query is cut into: 燃气 is searched as 燃 and 气, so 卫生院医用氧气瓶与
 * 易燃物混存 and a chemicals warehouse (易燃) score close to a gas pressure regulator. A resident typing
 * 燃气 wants the hazards about gas first. The search page re-ranks each page of ten results it draws,
 * with the data it fetches to draw them: those naming every query word in their title or unit (the
 * 单位 meta of a hazard page) come first, everything else keeps Pagefind's order.
 */

/** The meta fields a whole-query match counts in: the page title, and a hazard page's unit. */
export const WHOLE_QUERY_FIELDS = ['title', '单位'] as const;

/** The words of a query, lower-cased (hazard numbers and Latin names in any case); quotes dropped. */
function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** True when every word of `query` occurs in the title or unit of `meta`. An empty query never matches. */
export function matchesWholeQuery(meta: Record<string, string | undefined>, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return false;
  const text = WHOLE_QUERY_FIELDS.map((field) => meta[field] ?? '')
    .join('\n')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Whole-query matches first, each group in the order given (a stable partition). */
export function wholeQueryFirst<T extends { meta: Record<string, string | undefined> }>(
  results: readonly T[],
  query: string,
): T[] {
  const first: T[] = [];
  const rest: T[] = [];
  for (const result of results) (matchesWholeQuery(result.meta, query) ? first : rest).push(result);
  return [...first, ...rest];
}
