/**
 * The strings the search script shows, handed over by the page (data-messages) so the
 * script does not carry the whole UI dictionary to the browser.
 */
export interface SearchMessages {
  unavailable: string;
  prompt: string;
  searching: string;
  count: string;
  countShown: string;
  none: string;
  number: string;
  /** When older search shards remain unsearched (county scale): {searched}, {count}, {shown}. */
  partialCount: string;
  partialCountShown: string;
  partialNone: string;
  /** Appended to the three above: {remaining} older hazards, or only the month lists, remain. */
  partialRest: string;
  partialRestLists: string;
  /** The 继续搜索 button: older hazards, or only the month lists, remain. */
  older: string;
  olderLists: string;
  continuing: string;
  /** After 筛选 on the folded filters' button: how many are set, {count}. */
  filtersChosen: string;
}
