import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/disclosure/feed';
import { figuresSentence } from '../lib/disclosure/month';
import { markdownToText } from '../lib/markdown';
import { t } from '../i18n/zh-CN';
import { disclosureContext } from '../data/disclosure-context';

/** Atom feed: one entry per published month, so residents and reporters can follow each disclosure. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const { site, ledger } = await disclosureContext();
  const xml = atomFeed({
    siteUrl: siteUrl?.href ?? '/',
    title: `${site.township}${t('home.title')}`,
    author: site.office.name,
    entries: ledger.months.map((month) => {
      const list = ledger.list(month);
      return {
        month,
        published: list.published,
        summary: `${figuresSentence(ledger.figures(month))} ${markdownToText(list.summary)}`,
      };
    }),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
