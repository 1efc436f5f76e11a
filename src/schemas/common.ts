import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Every message a clerk or an informant sees is Chinese, including zod's generic ones.
z.config(zhCN());

/** True when `value` is a real calendar date written as YYYY-MM-DD (2023-02-30 is not). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD. Kept as a string: dates here have no time zone. */
export const IsoDate = z
  .string({ error: '应为日期，格式 YYYY-MM-DD' })
  .refine(isRealDate, { error: '应为真实日期，格式 YYYY-MM-DD（如 2023-06-25）' });
export type IsoDate = z.output<typeof IsoDate>;

/** A month, YYYY-MM. */
export const IsoMonth = z
  .string({ error: '应为月份，格式 YYYY-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '应为月份，格式 YYYY-MM（如 2023-06）' });
export type IsoMonth = z.output<typeof IsoMonth>;

/** Text a person must fill in: trimmed, not empty. */
export const RequiredText = z.string({ error: '应为文字' }).trim().min(1, { error: '不能为空' });

/** A slug used in URLs: lowercase ASCII letters, digits and hyphens. */
export const Slug = z
  .string({ error: '应为文字' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: '只能使用小写字母、数字和连字符' });

/** A count in a table: a whole number, zero or more. */
export const Count = z
  .number({ error: '应为非负整数' })
  .int({ error: '应为非负整数' })
  .min(0, { error: '应为非负整数' });
