import type { IsoDate, IsoMonth } from '../../schemas/common';
import { sitePath } from '../site-path';

/** `2023-06-25` → `2023年6月25日` (dates here have no time zone: read the digits, not a Date). */
export function formatDate(date: IsoDate): string {
  // Slices, not split/map: called several times on each of tens of thousands of pages.
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `2023-06` → `2023年6月` */
export function formatMonth(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** 0.6667 → `66.7%`; whole numbers lose the decimal (`100%`, `0%`). */
export function formatPercent(rate: number): string {
  const value = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** A signed change for "since last month": `+3`, `−2` (minus sign), `0`. */
export function formatDelta(delta: number, digits = 0): string {
  const abs = Math.abs(delta).toFixed(digits);
  if (delta > 0) return `+${abs}`;
  if (delta < 0) return `−${abs}`;
  return abs;
}

/** Path of a month page (under the site's base path, as every page link: src/lib/site-path.ts). */
export const monthPath = (month: IsoMonth): string => sitePath(`/disclosures/${month}/`);
export const hazardPath = (id: string): string => sitePath(`/hazards/${id}/`);
/** A month's hazard map; without a month, the latest one at /map/. */
export const mapPath = (month?: IsoMonth): string => sitePath(month ? `/disclosures/${month}/map/` : '/map/');
export const villagePath = (slug: string): string => sitePath(`/villages/${slug}/`);
export const sectorPath = (slug: string): string => sitePath(`/sectors/${slug}/`);

/** Fills `{name}` placeholders of a UI string: fill('截至{date}', { date: '…' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
