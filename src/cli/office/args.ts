import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** A mistake in how the command was typed: shown with the command's help, exit code 2. */
export class UsageError extends Error {}

/** A problem the clerk must fix before the command can do its work: exit code 1. */
export class OfficeError extends Error {}

/** node:util's parseArgs, with its English messages turned into Chinese ones. */
export function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const name = /'(-[^' ]*)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`不认识的选项 ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`选项 ${name} 后面需要填写值`);
    throw new UsageError('命令格式不正确');
  }
}

export function required(value: string | undefined, option: string, example: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少 ${option}（例如 ${option} ${example}）`);
  return value;
}

export function monthArg(value: string | undefined, what = '月份'): string {
  const month = value ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`${what}应写成 YYYY-MM（例如 2023-08）`);
  return month;
}

/** A calendar day written YYYY-MM-DD (a real date), or a UsageError with `message`. */
export function dayArg(value: string, message: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value))
    throw new UsageError(message);
  return value;
}
