/** Dates and months as the pages write them. */
import type { IsoDate, IsoMonth } from '../../schemas/common';

/** `2023-06-25` → `2023年6月25日` (dates here have no time zone: read the digits, not a Date). */
export function formatDate(date: IsoDate): string {
  // Slices, not split/map: called several times on each of tens of thousands of pages.
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `2023-06` → `2023年6月` */
export function formatMonth(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}
