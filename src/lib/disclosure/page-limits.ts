/**
 * How much one page may list. Residents read the site on old phones over slow networks, so every
 * page should stay under about 30 kB gzipped even when a county publishes tens of thousands of
 * hazards. Past these limits a page lists counts with links to smaller pages instead of every hazard.
 * The township's own pages stay far below them and are published whole, as the notice asks.
 */

/**
 * A month whose list holds more hazards than this is split: its page keeps the overview, changes,
 * table, charts and downloads and links to one page per village for the three lists. A hazard costs
 * about 65 bytes gzipped on the month page (list row plus progress or result card), so 100 hazards
 * are ~7 kB; with a 200-village progress table (~11 kB) and the charts the page stays under 30 kB.
 * The township's months list at most about 30 hazards and stay one printable page.
 */
export const MONTH_PAGE_HAZARD_LIMIT = 100;

/**
 * On a split month (and the home page beside it), each group of "changes since last month" names
 * this many hazards and counts the rest: the village pages of the month carry them all.
 */
export const CHANGES_SHOWN = 10;

/**
 * A village or sector page lists at most this many hazards, most urgent first (overdue, open,
 * rectified, closed), ~25 bytes gzipped a row; past it the page adds a count per village or per
 * sector with links. 300 keeps a county village (about 250 hazards at 50,000) whole.
 */
export const GROUP_HAZARD_LIMIT = 300;

/** Whether a month with `listed` hazards is published as a village index with a page per village. */
export const isSplitMonth = (listed: number, limit = MONTH_PAGE_HAZARD_LIMIT): boolean => listed > limit;
