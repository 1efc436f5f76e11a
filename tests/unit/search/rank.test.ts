import { describe, expect, it } from 'vitest';
import { matchesWholeQuery, wholeQueryFirst } from '../../../src/lib/search/rank';

const result = (title: string, unit?: string) => ({ meta: { title, ...(unit !== undefined && { 单位: unit }) } });

describe('matchesWholeQuery', () => {
  it('matches the whole query in the title or the unit, not its characters apart', () => {
    expect(matchesWholeQuery(result('NZ-2023-0023 燃气调压箱被撞损').meta, '燃气')).toBe(true);
    expect(matchesWholeQuery(result('NZ-2023-0031 锅炉房泄漏报警失效', '河湾村燃气锅炉房').meta, '燃气')).toBe(true);
    expect(matchesWholeQuery(result('NZ-2023-0012 卫生院医用氧气瓶与易燃物混存', '南庄卫生院').meta, '燃气')).toBe(
      false,
    );
  });

  it('needs every word of a query of several words, in either field', () => {
    const meta = result('NZ-2023-0040 厨房燃气管道老化', '新庄村馨悦酒店').meta;
    expect(matchesWholeQuery(meta, '燃气 馨悦')).toBe(true);
    expect(matchesWholeQuery(meta, '燃气 加油站')).toBe(false);
  });

  it('ignores case, surrounding spaces and quotes', () => {
    expect(matchesWholeQuery(result('NZ-2023-0012 卫生院医用氧气瓶').meta, '  nz-2023-0012 ')).toBe(true);
    expect(matchesWholeQuery(result('NZ-2023-0013 燃气管道被违章建筑占压').meta, '"燃气管道"')).toBe(true);
  });

  it('never matches an empty query or a page without title and unit', () => {
    expect(matchesWholeQuery(result('燃气').meta, '   ')).toBe(false);
    expect(matchesWholeQuery({}, '燃气')).toBe(false);
  });
});

describe('wholeQueryFirst', () => {
  it('moves whole-query matches first and keeps both groups in their order', () => {
    const list = [
      result('A 液化气钢瓶倒置'),
      result('B 燃气调压箱'),
      result('C 氧气瓶与易燃物混存'),
      result('D 锅炉房报警失效', '燃气锅炉房'),
      result('2023年11月重大事故隐患公开'),
      result('E 燃气管道占压'),
    ];
    expect(wholeQueryFirst(list, '燃气').map((r) => r.meta.title[0])).toEqual(['B', 'D', 'E', 'A', 'C', '2']);
  });

  it('leaves the order alone when nothing or everything matches, and for an empty query', () => {
    const list = [result('A 加油站'), result('B 加油站罩棚')];
    expect(wholeQueryFirst(list, '燃气')).toEqual(list);
    expect(wholeQueryFirst(list, '加油站')).toEqual(list);
    expect(wholeQueryFirst(list, '')).toEqual(list);
  });
});
