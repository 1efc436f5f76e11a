/** Paths of the site's pages, under the site's base path as every page link (src/lib/site-path.ts). */
import type { IsoMonth } from '../schemas/common';
import { sitePath } from './site-path';

/** A month's disclosure page. */
export const monthPath = (month: IsoMonth): string => sitePath(`/disclosures/${month}/`);
export const hazardPath = (id: string): string => sitePath(`/hazards/${id}/`);
/** A month's hazard map; without a month, the latest one at /map/. */
export const mapPath = (month?: IsoMonth): string => sitePath(month ? `/disclosures/${month}/map/` : '/map/');
export const villagePath = (slug: string): string => sitePath(`/villages/${slug}/`);
export const sectorPath = (slug: string): string => sitePath(`/sectors/${slug}/`);
