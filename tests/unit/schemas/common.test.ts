import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Count, IsoDate, IsoMonth, RequiredText, isRealDate, validDate } from '../../../src/schemas/common';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('dates', () => {
  it.each([
    ['2023-06-25', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['2023-6-5', false],
    ['2023-06-25T00:00', false],
    ['', false],
  ])('isRealDate(%s) is %s', (value, real) => {
    expect(isRealDate(value)).toBe(real);
  });

  it('rejects impossible dates with a Chinese message', () => {
    expect(messages(IsoDate, '2023-02-30')).toEqual(['应为真实日期，格式 YYYY-MM-DD（如 2023-06-25）']);
    expect(messages(IsoDate, 20230625)).toEqual(['应为日期，格式 YYYY-MM-DD']);
    expect(messages(IsoDate, undefined)).toEqual(['必须填写']);
  });

  it('reads dates defensively for cross-field checks', () => {
    expect(validDate('2023-06-25')).toBe('2023-06-25');
    expect(validDate('2023-02-30')).toBeUndefined();
    expect(validDate(new Date())).toBeUndefined();
  });

  it('accepts months 01 to 12 only', () => {
    expect(messages(IsoMonth, '2023-12')).toEqual([]);
    expect(messages(IsoMonth, '2023-13')).toEqual(['应为月份，格式 YYYY-MM（如 2023-06）']);
    expect(messages(IsoMonth, '2023-6')).toHaveLength(1);
  });
});

describe('text and counts', () => {
  it('requires text, trimmed, not blank', () => {
    expect(RequiredText.parse('  文字 ')).toBe('文字');
    expect(messages(RequiredText, '   ')).toEqual(['不能为空']);
    expect(messages(RequiredText, undefined)).toEqual(['必须填写']);
    expect(messages(RequiredText, 3)).toEqual(['应为文字']);
  });

  it('counts whole numbers from zero', () => {
    expect(messages(Count, 0)).toEqual([]);
    expect(messages(Count, -1)).toEqual(['应为非负整数']);
    expect(messages(Count, 1.5)).toEqual(['应为非负整数']);
    expect(messages(Count, '3')).toEqual(['应为非负整数']);
  });

  it('names unknown keys in Chinese', () => {
    expect(messages(z.strictObject({ a: Count }), { a: 1, titel: 'x' })).toEqual([
      '未知字段：「titel」，请检查字段名拼写（区分大小写）',
    ]);
  });
});
