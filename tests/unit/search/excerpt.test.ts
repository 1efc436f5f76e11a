import { describe, expect, it } from 'vitest';
import { parseExcerpt } from '../../../src/lib/search/excerpt';

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
