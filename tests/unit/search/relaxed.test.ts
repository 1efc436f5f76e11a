import { describe, expect, it } from 'vitest';
import { mergeResults, relaxedQueries } from '../../../src/lib/search/relaxed';

describe('relaxedQueries', () => {
  it('splits a three-character word into two dictionary parts', () => {
    // ICU keeps 起重机 whole but cuts 塔式起重机 as 塔式起重|机: the page only has 起重 and 机.
    expect(relaxedQueries('起重机')).toEqual(['起重 机']);
  });

  it('keeps the rest of the query as it was', () => {
    expect(relaxedQueries('起重机 南庄村')).toContain('起重 机 南庄村');
  });

  it('proposes nothing for two-character words, numbers, Latin text or an exact "phrase"', () => {
    expect(relaxedQueries('燃气')).toEqual([]);
    expect(relaxedQueries('NZ-2023-0012')).toEqual([]);
    expect(relaxedQueries('"起重机"')).toEqual([]);
    expect(relaxedQueries('')).toEqual([]);
  });

  it('never splits into a part ICU would cut again', () => {
    for (const variant of relaxedQueries('起重机')) expect(variant).not.toContain('重机');
  });

  it('runs a bounded number of extra searches for a long query', () => {
    expect(relaxedQueries('农房改造项目塔式起重机未办理使用登记司机无证有限公司').length).toBeLessThanOrEqual(6);
  });
});

describe('mergeResults', () => {
  it('keeps strict results first and adds only new ones, in order', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    expect(mergeResults([b], [a, b], [c, a])).toEqual([b, a, c]);
  });
});
