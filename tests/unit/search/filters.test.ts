import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  hasCriteria,
  pagefindFilters,
  parseSearchParams,
  toSearchParams,
} from '../../../src/lib/search/filters';

describe('search URL', () => {
  it('reads the words and the known filters, trimmed, ignoring unknown keys and empty values', () => {
    const state = parseSearchParams(
      new URLSearchParams('q=+燃气+&village=紫南村&status=&colour=red&sector=%20燃气%20'),
    );
    expect(state).toEqual({ q: '燃气', filters: { village: '紫南村', sector: '燃气' } });
  });

  it('cuts an overlong query', () => {
    const state = parseSearchParams(new URLSearchParams({ q: '隐'.repeat(500) }));
    expect(state.q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('writes the same link for the same search, whatever order the filters were set in', () => {
    const a = toSearchParams({ q: '加油站', filters: { status: '整改中', month: '2023年6月' } }).toString();
    const b = toSearchParams({ q: '加油站 ', filters: { month: '2023年6月', status: '整改中' } }).toString();
    expect(a).toBe(b);
    expect(a).toBe(new URLSearchParams({ q: '加油站', month: '2023年6月', status: '整改中' }).toString());
  });

  it('round-trips', () => {
    const state = { q: 'NZ-2023-0012 燃气', filters: { village: '南庄村', source: '群众举报' } };
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
  });

  it('leaves empty words and filters out of the link', () => {
    expect(toSearchParams({ q: '  ', filters: { village: '' } }).toString()).toBe('');
  });
});

describe('pagefindFilters', () => {
  it('names the filters as the pages index them', () => {
    expect(
      pagefindFilters({
        q: '',
        filters: { month: '2023年6月', village: '南庄村', sector: '燃气', source: '执法检查', status: '已整改' },
      }),
    ).toEqual({ 月份: '2023年6月', 村: '南庄村', 行业领域: '燃气', 来源: '执法检查', 状态: '已整改' });
  });
});

describe('hasCriteria', () => {
  it('is true for words or any filter, false for nothing but spaces', () => {
    expect(hasCriteria({ q: '燃气', filters: {} })).toBe(true);
    expect(hasCriteria({ q: '', filters: { status: '整改中' } })).toBe(true);
    expect(hasCriteria({ q: '  ', filters: { status: ' ' } })).toBe(false);
  });
});
