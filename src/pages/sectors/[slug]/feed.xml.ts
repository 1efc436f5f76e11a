import type { APIRoute, GetStaticPaths } from 'astro';
import { areaFeed } from '../../../lib/disclosure/area-feed';
import { monthPath } from '../../../lib/page-paths';
import type { SectorEntry } from '../../../schemas/site';
import { disclosureContext } from '../../../data/disclosure-context';

export const getStaticPaths = (async () => {
  const { site } = await disclosureContext();
  return site.sectors.map((sector) => ({ params: { slug: sector.slug }, props: { sector } }));
}) satisfies GetStaticPaths;

/** A sector's Atom feed: each month, its overdue, new, rectified and closed hazards. */
export const GET: APIRoute<{ sector: SectorEntry }> = async ({ props, site: siteUrl }) => {
  const { site, ledger } = await disclosureContext();
  const xml = areaFeed({
    ledger,
    dimension: 'sector',
    place: props.sector,
    siteUrl: siteUrl?.href ?? '/',
    township: site.township,
    author: site.office.name,
    monthHref: monthPath,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
