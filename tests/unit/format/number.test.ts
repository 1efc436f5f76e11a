import { describe, expect, it } from 'vitest';
import { formatDelta, formatPercent } from '../../../src/lib/format/number';

describe('number formats', () => {
  it('rounds rates to one decimal and drops .0', () => {
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.5)).toBe('50%');
  });

  it('signs changes', () => {
    expect(formatDelta(3)).toBe('+3');
    expect(formatDelta(-2)).toBe('−2');
    expect(formatDelta(0)).toBe('0');
    expect(formatDelta(16.7, 1)).toBe('+16.7');
  });
});
