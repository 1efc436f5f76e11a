import { describe, expect, it } from 'vitest';
import { parseExcerpt, tidyExcerpt } from '../../../src/lib/search/excerpt';

describe('parseExcerpt', () => {
  it('splits marked and plain text', () => {
    expect(parseExcerpt('餐饮店使用<mark>燃气</mark>管道')).toEqual([
      { text: '餐饮店使用', marked: false },
      { text: '燃气', marked: true },
      { text: '管道', marked: false },
    ]);
  });

  it('joins adjacent marks into one', () => {
    expect(parseExcerpt('<mark>特殊</mark><mark>字符 </mark>说明')).toEqual([
      { text: '特殊字符 ', marked: true },
      { text: '说明', marked: false },
    ]);
  });

  it('gives back the text of escaped tags as text, never as markup', () => {
    const parts = parseExcerpt('A &lt;script&gt;alert(1)&lt;/script&gt; & <mark>燃气</mark>');
    expect(parts[0]).toEqual({ text: 'A <script>alert(1)</script> & ', marked: false });
    expect(parts).toHaveLength(2);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(parseExcerpt('')).toEqual([]);
  });
});

describe('tidyExcerpt', () => {
  const tidy = (excerpt: string) => tidyExcerpt(parseExcerpt(excerpt));

  it('drops a piece of a hazard number at the start (Pagefind starts at one of the index words)', () => {
    expect(tidy('2023-0023 <mark>燃</mark><mark>气</mark>调压箱被撞损')).toEqual([
      { text: '燃气', marked: true },
      { text: '调压箱被撞损', marked: false },
    ]);
    expect(tidy('0002 饭店瓶装液化<mark>气</mark>')[0]).toEqual({ text: '饭店瓶装液化', marked: false });
    expect(tidy('-0017 饭店液化<mark>气</mark>钢瓶')[0]).toEqual({ text: '饭店液化', marked: false });
  });

  it('keeps a start that is a whole word, a date or the matched number itself', () => {
    for (const excerpt of [
      'NZ-2023-0023 <mark>燃气</mark>调压箱',
      '2023年10月9日 经县政府分管领导审核，<mark>燃气</mark>',
      '<mark>0023</mark> 燃气调压箱',
      '约 2.2 万元，<mark>燃气</mark>公司承担',
    ]) {
      const parts = parseExcerpt(excerpt);
      expect(tidyExcerpt(parts), excerpt).toEqual(parts);
    }
  });

  it('gives back nothing for nothing', () => {
    expect(tidyExcerpt([])).toEqual([]);
  });
});
