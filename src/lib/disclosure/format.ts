/**
 * Re-exports for src/lib/office/, which still imports its date formats from here. Everything else
 * imports from where each part lives: dates and months src/lib/format/date.ts, rates and changes
 * src/lib/format/number.ts, UI-string placeholders src/lib/format/fill.ts, page paths
 * src/lib/page-paths.ts. Delete this file once src/lib/office/ imports those.
 */
export { formatDate, formatMonth } from '../format/date';
export { formatDelta, formatPercent } from '../format/number';
export { fill } from '../format/fill';
export { hazardPath, mapPath, monthPath, sectorPath, villagePath } from '../page-paths';
