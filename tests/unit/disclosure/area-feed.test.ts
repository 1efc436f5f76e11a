import { describe, expect, it } from 'vitest';
import { areaDiffsOf, areaFeed, changeSummary } from '../../../src/lib/disclosure/area-feed';
import { threeMonths } from './fixtures';

const ids = (hazards: readonly { id: string }[]) => hazards.map((h) => h.id);
const kinds = (diff: ReturnType<typeof areaDiffsOf>[number]) => ({
  overdue: ids(diff.overdue),
  added: ids(diff.added),
  rectified: ids(diff.rectified),
  closed: ids(diff.closed),
});

describe('areaDiffsOf', () => {
  const ledger = threeMonths();

  it('splits each month’s changes by village, aligned with the months', () => {
    expect(areaDiffsOf(ledger, 'village', '甲村').map(kinds)).toEqual([
      { overdue: [], added: ['NZ-2023-0001', 'NZ-2023-0003'], rectified: [], closed: [] },
      { overdue: ['NZ-2023-0001'], added: [], rectified: ['NZ-2023-0003'], closed: [] },
      { overdue: [], added: [], rectified: ['NZ-2023-0001'], closed: ['NZ-2023-0003'] },
    ]);
    expect(areaDiffsOf(ledger, 'village', '乙村').map(kinds)).toEqual([
      { overdue: [], added: ['NZ-2023-0002'], rectified: ['NZ-2023-0002'], closed: [] },
      { overdue: [], added: ['NZ-2023-0004'], rectified: [], closed: ['NZ-2023-0002'] },
      { overdue: [], added: [], rectified: [], closed: [] },
    ]);
  });

  it('splits by sector too, and gives an area without hazards an empty month each', () => {
    expect(areaDiffsOf(ledger, 'sector', '消防').map((d) => ids(d.added))).toEqual([['NZ-2023-0003'], [], []]);
    const none = areaDiffsOf(ledger, 'village', '丁村');
    expect(none.map((d) => [d.month, d.previous, d.added.length])).toEqual([
      ['2023-06', undefined, 0],
      ['2023-07', '2023-06', 0],
      ['2023-08', '2023-07', 0],
    ]);
  });
});

describe('areaFeed', () => {
  const ledger = threeMonths();
  const xml = areaFeed({
    ledger,
    dimension: 'village',
    place: { slug: 'jia', name: '甲村' },
    siteUrl: 'https://example.org/',
    township: '南庄镇',
    author: '领导组办公室',
    monthHref: (month) => `/disclosures/${month}/`,
  });
  const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);

  it('is the village’s own feed, linked to its page', () => {
    expect(xml).toContain('<id>https://example.org/villages/jia/</id>');
    expect(xml).toContain('<title>南庄镇甲村重大事故隐患公开</title>');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://example.org/villages/jia/feed.xml"/>',
    );
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://example.org/villages/jia/"/>');
  });

  it('has an entry per published month, newest first, each with its own id and the month’s link', () => {
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('<id>https://example.org/villages/jia/#2023-08</id>');
    expect(entries[0]).toContain('<title>2023年8月甲村的隐患变化</title>');
    expect(entries[0]).toContain('<updated>2023-08-28T00:00:00+08:00</updated>');
    expect(entries[0]).toContain('href="https://example.org/disclosures/2023-08/"/>');
    expect(entries[2]).toContain('<id>https://example.org/villages/jia/#2023-06</id>');
  });

  it('counts the kinds in its summary, overdue first, and names each hazard in its content', () => {
    expect(entries[1]).toContain(
      '<summary>逾期未整改 1 项，本月新增 0 项，本月完成整改 1 项，本月办结销号 0 项。</summary>',
    );
    const content = /<content type="html">([\s\S]*)<\/content>/.exec(entries[1]!)![1]!;
    // HTML inside XML: escaped once for XML; a reader unescapes it and renders the HTML.
    expect(content).toContain('&lt;h3&gt;逾期未整改 1 项&lt;/h3&gt;');
    expect(content).toContain(
      '&lt;a href=&quot;https://example.org/hazards/NZ-2023-0001/&quot;&gt;NZ-2023-0001 测试隐患&lt;/a&gt;',
    );
    expect(content.indexOf('逾期未整改 1 项&lt;/h3')).toBeLessThan(content.indexOf('本月完成整改 1 项&lt;/h3'));
    expect(content).not.toContain('本月新增 0 项&lt;/h3');
  });

  it('writes a sector’s feed under the sector page', () => {
    const sector = areaFeed({
      ledger,
      dimension: 'sector',
      place: { slug: 'fire', name: '消防' },
      siteUrl: 'https://example.org',
      township: '南庄镇',
      author: '领导组办公室',
      monthHref: (month) => `/disclosures/${month}/`,
    });
    expect(sector).toContain('<title>南庄镇消防领域重大事故隐患公开</title>');
    expect(sector).toContain('href="https://example.org/sectors/fire/feed.xml"');
    expect(sector).toContain('<id>https://example.org/sectors/fire/#2023-06</id>');
  });

  it('says plainly when nothing changed', () => {
    expect(changeSummary(areaDiffsOf(ledger, 'village', '乙村')[2]!)).toBe(
      '逾期未整改 0 项，本月新增 0 项，本月完成整改 0 项，本月办结销号 0 项。',
    );
  });
});
