import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../../src/lib/disclosure/feed';

const feed = atomFeed({
  siteUrl: 'https://example.org/',
  title: '南庄镇重大事故隐患公开',
  author: '领导组办公室 <办公室> & 社会事务办',
  entries: [
    { month: '2023-06', published: '2023-06-28', summary: '六月' },
    { month: '2023-07', published: '2023-07-27', summary: '七月 <b>加粗</b> & 更多' },
  ],
});

describe('atomFeed', () => {
  it('has one entry per month, newest first, with its id, link and published date', () => {
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('<id>https://example.org/disclosures/2023-07/</id>');
    expect(entries[0]).toContain('<updated>2023-07-27T00:00:00+08:00</updated>');
    expect(entries[0]).toContain(
      '<link rel="alternate" type="text/html" href="https://example.org/disclosures/2023-07/"/>',
    );
    expect(entries[0]).toContain('<title>2023年7月重大事故隐患公开</title>');
    expect(entries[1]).toContain('<id>https://example.org/disclosures/2023-06/</id>');
  });

  it('is updated when the newest month was published and escapes text', () => {
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed).toContain('  <updated>2023-07-27T00:00:00+08:00</updated>\n  <author>');
    expect(feed).toContain('<name>领导组办公室 &lt;办公室&gt; &amp; 社会事务办</name>');
    expect(feed).toContain('<summary>七月 &lt;b&gt;加粗&lt;/b&gt; &amp; 更多</summary>');
    expect(feed).toContain('href="https://example.org/feed.xml"');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\u000bc\td')).toBe('abc\td');
  });
});
