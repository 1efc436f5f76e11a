import type { IsoDate, IsoMonth } from '../../schemas/common';
import { formatMonth } from '../format/date';
import { monthPath } from '../page-paths';
import { sitePath } from '../site-path';

export interface FeedEntry {
  month: IsoMonth;
  published: IsoDate;
  /** Plain text. */
  summary: string;
  /** Defaults to `YYYY年M月重大事故隐患公开`. */
  title?: string | undefined;
  /** Path of the page the entry links to; defaults to the month page. */
  link?: string | undefined;
  /** Path (with a fragment where needed) that names the entry for good; defaults to `link`. */
  id?: string | undefined;
  /** HTML that feed readers show in full; the entry has only its summary without it. */
  html?: string | undefined;
}

export interface FeedInput {
  /** Absolute site origin, e.g. https://example.org */
  siteUrl: string;
  title: string;
  author: string;
  entries: readonly FeedEntry[];
  /** Path of the feed itself (default `/feed.xml`) and of the page it follows (default `/`). */
  feedPath?: string | undefined;
  pagePath?: string | undefined;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string): string =>
  // Characters XML 1.0 forbids are dropped rather than escaped: they cannot appear at all.
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** A published date is a day in the township: midnight there (UTC+8). */
const atomTime = (date: IsoDate) => `${date}T00:00:00+08:00`;

/** Atom 1.0 feed: one entry per published month, newest first; updated = the month's published date. */
export function atomFeed({
  siteUrl,
  title,
  author,
  entries,
  feedPath = sitePath('/feed.xml'),
  pagePath = sitePath('/'),
}: FeedInput): string {
  const origin = siteUrl.replace(/\/+$/, '');
  const sorted = [...entries].sort((a, b) => b.month.localeCompare(a.month));
  const updated = sorted.reduce<IsoDate | undefined>(
    (max, e) => (!max || e.published > max ? e.published : max),
    undefined,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(`${origin}${pagePath}`)}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    `  <updated>${atomTime(updated ?? '1970-01-01')}</updated>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${feedPath}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}${pagePath}`)}"/>`,
  ];
  for (const entry of sorted) {
    const link = `${origin}${entry.link ?? monthPath(entry.month)}`;
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id ? `${origin}${entry.id}` : link)}</id>`,
      `    <title>${escapeXml(entry.title ?? `${formatMonth(entry.month)}重大事故隐患公开`)}</title>`,
      `    <updated>${atomTime(entry.published)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      ...(entry.html === undefined ? [] : [`    <content type="html">${escapeXml(entry.html)}</content>`]),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
