import { describe, expect, it } from 'vitest';
import { formatDate, formatDelta, formatMonth, formatPercent, fill } from '../../../src/lib/disclosure/format';
import { chinaDay } from '../../../src/schemas/common';

describe('format', () => {
  it('writes dates and months the Chinese way, without leading zeros', () => {
    expect(formatDate('2023-06-25')).toBe('2023年6月25日');
    expect(formatDate('2023-12-01')).toBe('2023年12月1日');
    expect(formatMonth('2023-06')).toBe('2023年6月');
  });

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

  it('dates the build in the township (UTC+8)', () => {
    expect(chinaDay(new Date('2023-06-25T15:59:59Z'))).toBe('2023-06-25');
    expect(chinaDay(new Date('2023-06-25T16:00:00Z'))).toBe('2023-06-26');
  });
});

describe('fill', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{month}共 {n} 项', { month: '2023年6月', n: 3 })).toBe('2023年6月共 3 项');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
