import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '../../../src/lib/format/date';
import { chinaDay } from '../../../src/schemas/common';

describe('date formats', () => {
  it('writes dates and months the Chinese way, without leading zeros', () => {
    expect(formatDate('2023-06-25')).toBe('2023年6月25日');
    expect(formatDate('2023-12-01')).toBe('2023年12月1日');
    expect(formatMonth('2023-06')).toBe('2023年6月');
  });

  it('dates the build in the township (UTC+8)', () => {
    expect(chinaDay(new Date('2023-06-25T15:59:59Z'))).toBe('2023-06-25');
    expect(chinaDay(new Date('2023-06-25T16:00:00Z'))).toBe('2023-06-26');
  });
});
