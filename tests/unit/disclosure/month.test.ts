import { describe, expect, it } from 'vitest';
import { figuresSentence, monthlyDisclosure } from '../../../src/lib/disclosure/month';
import { directory, threeMonths } from './fixtures';

const ids = (entries: readonly { hazard: { id: string } }[]) => entries.map((e) => e.hazard.id);

describe('monthlyDisclosure', () => {
  const ledger = threeMonths();

  it('gives the first month without a comparison', () => {
    const june = monthlyDisclosure(ledger, directory, '2023-06');
    expect(june.previous).toBeUndefined();
    expect(june.next).toBe('2023-07');
    expect(june.change).toBeUndefined();
    expect(june.figures).toMatchObject({ total: 3, open: 2, rectified: 1, closed: 0, overdue: 0 });
    expect(june.diff.added.map((h) => h.id)).toEqual(['NZ-2023-0001', 'NZ-2023-0002', 'NZ-2023-0003']);
  });

  it('splits the month into the three disclosures and groups the list by village in site order', () => {
    const july = monthlyDisclosure(ledger, directory, '2023-07');
    expect(july.listed).toBe(4);
    expect(july.byVillage.map((g) => [g.village.name, g.village.slug, ids(g.hazards)])).toEqual([
      ['甲村', 'jia', ['NZ-2023-0001', 'NZ-2023-0003']],
      ['乙村', 'yi', ['NZ-2023-0002', 'NZ-2023-0004']],
    ]);
    expect(ids(july.inProgress)).toEqual(['NZ-2023-0001', 'NZ-2023-0004']);
    expect(july.inProgress.map((e) => e.overdue)).toEqual([true, false]);
    expect(ids(july.results)).toEqual(['NZ-2023-0002', 'NZ-2023-0003']);
    expect(july.byVillage[0]!.hazards[1]!.supervised).toBe(true);
    expect(july.revisions).toHaveLength(1);
  });

  it('computes what changed since the month before', () => {
    const july = monthlyDisclosure(ledger, directory, '2023-07');
    expect(july.change).toEqual({ total: 1, open: 0, rectified: 1, closed: 1, overdue: 1, ratePoints: 16.7 });
    expect(july.diff.added.map((h) => h.id)).toEqual(['NZ-2023-0004']);
    expect(july.diff.rectified.map((h) => h.id)).toEqual(['NZ-2023-0003']);
    expect(july.diff.closed.map((h) => h.id)).toEqual(['NZ-2023-0002']);
    expect(july.diff.overdue.map((h) => h.id)).toEqual(['NZ-2023-0001']);
  });

  it('keeps closed hazards that dropped out of the list in the cumulative figures', () => {
    const august = monthlyDisclosure(ledger, directory, '2023-08');
    expect(august.listed).toBe(4);
    expect(august.figures).toMatchObject({ total: 5, open: 1, rectified: 4, closed: 2, overdue: 0 });
    expect(august.figures.rectificationRate).toBeCloseTo(0.8);
    expect(august.change).toMatchObject({ overdue: -1, ratePoints: 30 });
    expect(august.next).toBeUndefined();
    expect(august.byVillage.map((g) => g.village.name)).toEqual(['甲村', '乙村', '丙村']);
  });

  it('puts villages the site file does not know last, without a link', () => {
    const july = monthlyDisclosure(ledger, directory, '2023-07');
    expect(july.byVillage.every((g) => g.village.slug)).toBe(true);
  });

  it('says the headline in one sentence', () => {
    expect(figuresSentence(ledger.figures('2023-07'))).toBe(
      '截至2023年7月25日，累计列入清单重大事故隐患 4 项，已整改 2 项（其中已销号 1 项），整改中 2 项，逾期未整改 1 项。',
    );
  });
});
