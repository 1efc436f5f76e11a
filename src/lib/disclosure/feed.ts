import type { IsoDate, IsoMonth } from '../../schemas/common';
import { formatMonth, monthPath } from './format';
import { sitePath } from '../site-path';

export interface FeedEntry {
  month: IsoMonth;
  published: IsoDate;
  /** Plain text. */
  summary: string;
}

export interface FeedInput {
  /** Absolute site origin, e.g. https://example.org */
  siteUrl: string;
  title: string;
  author: string;
  entries: readonly FeedEntry[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string): string =>
  // Characters XML 1.0 forbids are dropped rather than escaped: they cannot appear at all.
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** A published date is a day in the township: midnight there (UTC+8). */
const atomTime = (date: IsoDate) => `${date}T00:00:00+08:00`;

/** Atom 1.0 feed: one entry per published month, newest first; updated = the month's published date. */
export function atomFeed({ siteUrl, title, author, entries }: FeedInput): string {
  const origin = siteUrl.replace(/\/+$/, '');
  const sorted = [...entries].sort((a, b) => b.month.localeCompare(a.month));
  const updated = sorted.reduce<IsoDate | undefined>(
    (max, e) => (!max || e.published > max ? e.published : max),
    undefined,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(`${origin}${sitePath('/')}`)}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    `  <updated>${atomTime(updated ?? '1970-01-01')}</updated>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${sitePath('/feed.xml')}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}${sitePath('/')}`)}"/>`,
  ];
  for (const entry of sorted) {
    const url = `${origin}${monthPath(entry.month)}`;
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(`${formatMonth(entry.month)}重大事故隐患公开`)}</title>`,
      `    <updated>${atomTime(entry.published)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
