import { describe, expect, it } from 'vitest';
import { exactNumberFirst, hazardNumberIn } from '../../../src/lib/search/hazard-number';

describe('hazardNumberIn', () => {
  it('recognises a whole hazard number, in any case, with stray spaces', () => {
    expect(hazardNumberIn('NZ-2023-0012')).toBe('NZ-2023-0012');
    expect(hazardNumberIn(' nz - 2023 - 0012 ')).toBe('NZ-2023-0012');
  });

  it('ignores words and partial numbers', () => {
    expect(hazardNumberIn('燃气')).toBeUndefined();
    expect(hazardNumberIn('NZ-2023')).toBeUndefined();
    expect(hazardNumberIn('NZ-2023-0012 燃气')).toBeUndefined();
  });
});

describe('exactNumberFirst', () => {
  const month = { meta: { title: '2023年6月' } };
  const other = { meta: { title: 'b', 编号: 'NZ-2023-0112' } };
  const hazard = { meta: { title: 'a', 编号: 'NZ-2023-0012' } };

  it('moves the page with that number to the top, keeping the rest in order', () => {
    expect(exactNumberFirst([month, other, hazard], 'nz-2023-0012')).toEqual([hazard, month, other]);
  });

  it('keeps the order for other queries', () => {
    expect(exactNumberFirst([month, other, hazard], '燃气')).toEqual([month, other, hazard]);
  });
});
