import { describe, expect, it } from 'vitest';
import { changeGroups } from '../../../src/lib/disclosure/changes';
import { monthlyDisclosure } from '../../../src/lib/disclosure/month';
import { MONTH_PAGE_HAZARD_LIMIT, isSplitMonth } from '../../../src/lib/disclosure/page-limits';
import {
  villageMonthHref,
  villageMonthIndex,
  villageMonthPath,
  villageMonths,
  villageOpenCounts,
} from '../../../src/lib/disclosure/village-month';
import { directory, threeMonths } from './fixtures';

const ids = (items: readonly { id: string }[]) => items.map((h) => h.id);
const entryIds = (entries: readonly { hazard: { id: string } }[]) => entries.map((e) => e.hazard.id);

describe('isSplitMonth', () => {
  it('splits only a month listing more hazards than the limit', () => {
    expect(isSplitMonth(MONTH_PAGE_HAZARD_LIMIT)).toBe(false);
    expect(isSplitMonth(MONTH_PAGE_HAZARD_LIMIT + 1)).toBe(true);
    expect(isSplitMonth(4, 3)).toBe(true);
  });

  it('keeps a township-sized month (about 30 hazards) on one page', () => {
    expect(isSplitMonth(30)).toBe(false);
  });
});

describe('villageMonths', () => {
  const july = monthlyDisclosure(threeMonths(), directory, '2023-07');

  it('gives each village of the list its part of the three disclosures, in site order', () => {
    const parts = villageMonths(july);
    expect(parts.map((p) => p.village.name)).toEqual(['甲村', '乙村']);
    const [jia, yi] = parts as [(typeof parts)[0], (typeof parts)[0]];
    expect(entryIds(jia.list.hazards)).toEqual(['NZ-2023-0001', 'NZ-2023-0003']);
    expect(entryIds(jia.inProgress)).toEqual(['NZ-2023-0001']);
    expect(entryIds(jia.results)).toEqual(['NZ-2023-0003']);
    expect(entryIds(yi.inProgress)).toEqual(['NZ-2023-0004']);
    expect(entryIds(yi.results)).toEqual(['NZ-2023-0002']);
  });

  it('keeps the month’s changes that concern the village', () => {
    const [jia, yi] = villageMonths(july);
    expect(ids(jia!.diff.added)).toEqual([]);
    expect(ids(jia!.diff.rectified)).toEqual(['NZ-2023-0003']);
    expect(ids(jia!.diff.overdue)).toEqual(['NZ-2023-0001']);
    expect(ids(yi!.diff.added)).toEqual(['NZ-2023-0004']);
    expect(ids(yi!.diff.closed)).toEqual(['NZ-2023-0002']);
    expect(yi!.diff.previous).toBe('2023-06');
  });

  it('loses no hazard: the parts add up to the month', () => {
    const parts = villageMonths(july);
    expect(parts.flatMap((p) => p.list.hazards).length).toBe(july.listed);
    expect(parts.flatMap((p) => p.inProgress).length).toBe(july.inProgress.length);
    expect(parts.flatMap((p) => p.results).length).toBe(july.results.length);
    expect(parts.flatMap((p) => p.diff.added).length).toBe(july.diff.added.length);
  });
});

describe('villageMonthIndex', () => {
  it('counts each village’s hazards by part and status, with a link to its page', () => {
    const july = monthlyDisclosure(threeMonths(), directory, '2023-07');
    expect(villageMonthIndex(july)).toEqual([
      {
        village: { slug: 'jia', name: '甲村' },
        href: '/disclosures/2023-07/villages/jia/',
        listed: 2,
        inProgress: 1,
        overdue: 1,
        rectified: 1,
        closed: 0,
        added: 0,
      },
      {
        village: { slug: 'yi', name: '乙村' },
        href: '/disclosures/2023-07/villages/yi/',
        listed: 2,
        inProgress: 1,
        overdue: 0,
        rectified: 0,
        closed: 1,
        added: 1,
      },
    ]);
    expect(villageMonthPath('2023-07', 'jia')).toBe('/disclosures/2023-07/villages/jia/');
  });
});

describe('villageOpenCounts', () => {
  it('gives every village of the site file its open and overdue hazards, none where it has none', () => {
    const ledger = threeMonths();
    // July: 甲 has A open and overdue (C was fixed); 乙 has D open, not yet due; 丙 has nothing listed.
    expect(villageOpenCounts(monthlyDisclosure(ledger, directory, '2023-07'), directory.villages)).toEqual([
      { village: { slug: 'jia', name: '甲村' }, open: 1, overdue: 1 },
      { village: { slug: 'yi', name: '乙村' }, open: 1, overdue: 0 },
      { village: { slug: 'bing', name: '丙村' }, open: 0, overdue: 0 },
    ]);
    // August: A fixed, so 甲 has nothing open; E in 丙 was fixed at once.
    expect(
      villageOpenCounts(monthlyDisclosure(ledger, directory, '2023-08'), directory.villages).map((v) => [
        v.village.name,
        v.open,
        v.overdue,
      ]),
    ).toEqual([
      ['甲村', 0, 0],
      ['乙村', 1, 0],
      ['丙村', 0, 0],
    ]);
  });
});

describe('changeGroups', () => {
  const diff = threeMonths().diff('2023-07');

  it('gives the four groups whole without a limit, overdue first', () => {
    expect(changeGroups(diff).map((g) => [g.kind, g.total, ids(g.shown)])).toEqual([
      ['overdue', 1, ['NZ-2023-0001']],
      ['added', 1, ['NZ-2023-0004']],
      ['rectified', 1, ['NZ-2023-0003']],
      ['closed', 1, ['NZ-2023-0002']],
    ]);
  });

  it('names at most `limit` hazards a group and still counts them all', () => {
    const june = threeMonths().diff('2023-06');
    const added = changeGroups(june, 2).find((g) => g.kind === 'added');
    expect(added!.total).toBe(3);
    expect(ids(added!.shown)).toEqual(['NZ-2023-0001', 'NZ-2023-0002']);
    expect(changeGroups(june, 0).every((g) => g.shown.length === 0)).toBe(true);
  });
});

describe('villageMonthHref', () => {
  const ledger = threeMonths();

  it('links the month page when the month is one page', () => {
    expect(villageMonthHref(ledger, '2023-07', { slug: 'jia', name: '甲村' })).toBe('/disclosures/2023-07/');
  });

  it('links the village’s own part of a split month, if the month lists the village', () => {
    // July lists 4 hazards: with a limit of 3 it is split.
    expect(villageMonthHref(ledger, '2023-07', { slug: 'jia', name: '甲村' }, 3)).toBe(
      '/disclosures/2023-07/villages/jia/',
    );
    expect(villageMonthHref(ledger, '2023-07', { slug: 'bing', name: '丙村' }, 3)).toBe('/disclosures/2023-07/');
  });
});
