import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

const EXPECTED: Partial<Record<string, string>> = {
  object: '应为若干「字段: 值」（见模板）',
  array: '应为列表（每项以「- 」开头）',
  string: '应为文字',
  number: '应为数字',
  boolean: '应为 true 或 false',
};

// Every message a clerk or an informant sees is Chinese, including zod's generic ones.
z.config({
  ...zhCN(),
  // In the browser the CSP forbids eval; zod probes for it with Function('') before compiling
  // object parsers, and the probe alone is reported as a CSP violation on the tip form.
  jitless: typeof document !== 'undefined',
  customError: (issue) => {
    // A misspelt field name is the commonest clerk mistake; say so plainly.
    if (issue.code === 'unrecognized_keys') {
      return `未知字段：${issue.keys.map((k) => `「${k}」`).join('、')}，请检查字段名拼写（区分大小写）`;
    }
    // zod's own wording names JavaScript types ("期望 object，实际接收 undefined"): say what to write.
    if (issue.code === 'invalid_type') return issue.input === undefined ? '必须填写' : EXPECTED[issue.expected];
    return undefined;
  },
});

/** An error message that says 必须填写 when the field is missing altogether, else `message`. */
export const missingOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? '必须填写' : message;

/**
 * Options for cross-field checks that must run even when some field failed, so a clerk
 * sees every problem in one pass. Such checks must read their fields defensively.
 */
export const EVEN_IF_INVALID = { when: () => true } as const;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2023-02-30 is not). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `value` if it is a real YYYY-MM-DD date, else undefined: for checks that run on unvalidated input. */
export const validDate = (value: unknown): string | undefined =>
  typeof value === 'string' && isRealDate(value) ? value : undefined;

/** A calendar date, YYYY-MM-DD. Kept as a string: dates here have no time zone. */
export const IsoDate = z
  .string({ error: missingOr('应为日期，格式 YYYY-MM-DD') })
  .refine(isRealDate, { error: '应为真实日期，格式 YYYY-MM-DD（如 2023-06-25）' });
export type IsoDate = z.output<typeof IsoDate>;

/** A month, YYYY-MM. */
export const IsoMonth = z
  .string({ error: missingOr('应为月份，格式 YYYY-MM') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '应为月份，格式 YYYY-MM（如 2023-06）' });
export type IsoMonth = z.output<typeof IsoMonth>;

export { chinaDay } from './china-day';

/** Text a person must fill in: trimmed, not empty. */
export const RequiredText = z
  .string({ error: missingOr('应为文字') })
  .trim()
  .min(1, { error: '不能为空' });

/** A slug used in URLs: lowercase ASCII letters, digits and hyphens. */
export const Slug = z
  .string({ error: '应为文字' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: '只能使用小写字母、数字和连字符' });

/** A count in a table: a whole number, zero or more. */
export const Count = z
  .number({ error: missingOr('应为非负整数') })
  .int({ error: '应为非负整数' })
  .min(0, { error: '应为非负整数' });

/**
 * A number a phone can dial, somewhere in a text such as `0358-1234567（示例）` or `13800000000`:
 * digits and hyphens, at least six characters, optionally starting with +.
 */
export const DIALLABLE = /\+?\d[\d-]{4,}\d/;

/** A phone number as a clerk writes it: any text, as long as it holds a number to dial. */
export const PhoneText = RequiredText.refine((value) => DIALLABLE.test(value), {
  error: '应包含可以拨打的电话号码，如 0358-1234567 或 13800000000',
});
