import type { APIRoute, GetStaticPaths } from 'astro';
import { areaFeed } from '../../../lib/disclosure/area-feed';
import { villageMonthHref } from '../../../lib/disclosure/village-month';
import type { Village } from '../../../schemas/site';
import { disclosureContext } from '../../../data/disclosure-context';

export const getStaticPaths = (async () => {
  const { site } = await disclosureContext();
  return site.villages.map((village) => ({ params: { slug: village.slug }, props: { village } }));
}) satisfies GetStaticPaths;

/** A village's Atom feed: each month, its overdue, new, rectified and closed hazards. */
export const GET: APIRoute<{ village: Village }> = async ({ props, site: siteUrl }) => {
  const { site, ledger } = await disclosureContext();
  const xml = areaFeed({
    ledger,
    dimension: 'village',
    place: props.village,
    siteUrl: siteUrl?.href ?? '/',
    township: site.township,
    author: site.office.name,
    monthHref: (month) => villageMonthHref(ledger, month, props.village),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
