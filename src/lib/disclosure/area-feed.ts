import { t } from '../../i18n/zh-CN';
import type { IsoMonth } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { Ledger, MonthDiff } from '../ledger/ledger';
import { CHANGE_KINDS, type ChangeKind } from './changes';
import type { Place } from './directory';
import { atomFeed, escapeXml, type FeedEntry } from './feed';
import { formatMonth } from '../format/date';
import { fill } from '../format/fill';
import { hazardPath, sectorPath, villagePath } from '../page-paths';
import type { GroupDimension } from './group-history';

const emptyDiff = (month: IsoMonth, previous: IsoMonth | undefined): MonthDiff => ({
  month,
  previous,
  added: [],
  rectified: [],
  closed: [],
  overdue: [],
});

/**
 * Each month's changes split by village (or sector), in one pass over the months: a feed per area
 * asking the whole diff for its own share would walk a county's diffs once per area.
 * Arrays are aligned with `ledger.months`.
 */
export function areaDiffs(ledger: Ledger, dimension: GroupDimension): Map<string, MonthDiff[]> {
  const areas = new Map<string, MonthDiff[]>();
  const blank = () => ledger.months.map((m) => emptyDiff(m, ledger.previousMonth(m)));
  ledger.months.forEach((month, i) => {
    const diff = ledger.diff(month);
    for (const kind of CHANGE_KINDS) {
      for (const hazard of diff[kind]) {
        let months = areas.get(hazard[dimension]);
        if (!months) areas.set(hazard[dimension], (months = blank()));
        months[i]![kind].push(hazard);
      }
    }
  });
  return areas;
}

const memo = new WeakMap<Ledger, Map<GroupDimension, Map<string, MonthDiff[]>>>();

/** One area's changes month by month (aligned with `ledger.months`), shared by every feed of the build. */
export function areaDiffsOf(ledger: Ledger, dimension: GroupDimension, name: string): MonthDiff[] {
  let byDimension = memo.get(ledger);
  if (!byDimension) memo.set(ledger, (byDimension = new Map<GroupDimension, Map<string, MonthDiff[]>>()));
  let areas = byDimension.get(dimension);
  if (!areas) byDimension.set(dimension, (areas = areaDiffs(ledger, dimension)));
  return areas.get(name) ?? ledger.months.map((m) => emptyDiff(m, ledger.previousMonth(m)));
}

const LABELS: Record<ChangeKind, string> = {
  overdue: t('changes.overdue'),
  added: t('changes.added'),
  rectified: t('changes.rectified'),
  closed: t('changes.closed'),
};

/** `逾期未整改 1 项，本月新增 2 项，本月完成整改 0 项，本月办结销号 0 项。` */
export function changeSummary(diff: MonthDiff): string {
  const counts = CHANGE_KINDS.map((kind) => fill(t('feed.count'), { label: LABELS[kind], n: diff[kind].length }));
  return `${counts.join('，')}。`;
}

const hazardItem = (origin: string, h: Hazard) =>
  `<li><a href="${escapeXml(`${origin}${hazardPath(h.id)}`)}">${escapeXml(`${h.id} ${h.title}`)}</a>` +
  `（${escapeXml(h.unit)}）</li>`;

/** The entry's full text: the counts, then every hazard of each kind with a link to its page. */
export function changeHtml(origin: string, diff: MonthDiff, monthLink: string): string {
  const parts = [`<p>${escapeXml(changeSummary(diff))}</p>`];
  for (const kind of CHANGE_KINDS) {
    const hazards = diff[kind];
    if (hazards.length === 0) continue;
    parts.push(
      `<h3>${escapeXml(fill(t('feed.count'), { label: LABELS[kind], n: hazards.length }))}</h3>`,
      `<ul>${hazards.map((h) => hazardItem(origin, h)).join('')}</ul>`,
    );
  }
  const month = formatMonth(diff.month);
  parts.push(
    `<p><a href="${escapeXml(`${origin}${monthLink}`)}">${escapeXml(fill(t('feed.readMonth'), { month }))}</a></p>`,
  );
  return parts.join('');
}

export interface AreaFeedInput {
  ledger: Ledger;
  dimension: GroupDimension;
  place: Place;
  /** Absolute site origin. */
  siteUrl: string;
  township: string;
  author: string;
  /** Where an entry sends a reader for the month: a village's part of a split month, or the month page. */
  monthHref: (month: IsoMonth) => string;
}

/** Path of an area's page and of its feed. */
export const areaPath = (dimension: GroupDimension, slug: string): string =>
  dimension === 'village' ? villagePath(slug) : sectorPath(slug);
export const areaFeedPath = (dimension: GroupDimension, slug: string): string => `${areaPath(dimension, slug)}feed.xml`;

/**
 * An Atom feed for one village or sector: an entry per published month with the area's overdue,
 * new, rectified and closed hazards, so a resident can follow the hazards near home.
 */
export function areaFeed({ ledger, dimension, place, siteUrl, township, author, monthHref }: AreaFeedInput): string {
  const origin = siteUrl.replace(/\/+$/, '');
  const pagePath = areaPath(dimension, place.slug);
  const diffs = areaDiffsOf(ledger, dimension, place.name);
  const entries: FeedEntry[] = ledger.months.map((month, i) => {
    const diff = diffs[i]!;
    return {
      month,
      published: ledger.list(month).published,
      title: fill(t('feed.entryTitle'), { month: formatMonth(month), name: place.name }),
      link: monthHref(month),
      id: `${pagePath}#${month}`,
      summary: changeSummary(diff),
      html: changeHtml(origin, diff, monthHref(month)),
    };
  });
  const title = fill(t(dimension === 'village' ? 'feed.villageTitle' : 'feed.sectorTitle'), {
    township,
    name: place.name,
  });
  return atomFeed({ siteUrl, title, author, entries, feedPath: areaFeedPath(dimension, place.slug), pagePath });
}
