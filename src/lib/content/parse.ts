import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fieldLabel } from './labels';
import type { ContentIssue } from './issues';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Lists whose items are addressed by a field of the item (a hazard by its number, a row by its village). */
const ITEM_REFS: Record<string, string> = { hazards: 'id', rows: 'village' };
const ITEM_NAMES: Record<string, string> = { hazards: '项', rows: '行' };

/** Parses YAML text; syntax errors come back as issues with the line number. */
export function parseYaml(file: string, text: string): Parsed<unknown> {
  // The line counter gives each error its line; `linePos` is only filled in with prettyErrors.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const line = lineCounter.linePos(error.pos[0]).line;
        return {
          file,
          ...(line ? { ref: `第${line}行` } : {}),
          message: `YAML 格式错误：${yamlErrorMessage(error.code)}`,
          severity: 'error' as const,
        };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

function yamlErrorMessage(code: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一层级出现重复的字段名',
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少字符（如引号、冒号或括号未闭合）',
    MULTILINE_IMPLICIT_KEY: '字段名不能跨行，请检查冒号和缩进',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不正确',
    TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
    UNEXPECTED_TOKEN: '出现意外的符号',
  };
  return known[code] ?? `无法解析（${code}）`;
}

/** Where an issue at `path` points: the item's number or village, else its position. */
function refFor(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return undefined;
  const refKey = ITEM_REFS[list];
  const item = (raw as Record<string, unknown[]> | undefined)?.[list]?.[index] as Record<string, unknown> | undefined;
  const ref = refKey ? item?.[refKey] : undefined;
  if (typeof ref === 'string' && ref.trim()) return ref.trim();
  return `${fieldLabel([list]) ?? list}第${index + 1}${ITEM_NAMES[list] ?? '项'}`;
}

/** Validates parsed data against a schema; every problem becomes an issue, none is dropped. */
export function validate<S extends z.ZodType>(file: string, raw: unknown, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const path = issue.path;
      const ref = refFor(raw, path);
      // Inside a list item, the item is named by `ref`; label only the field within it.
      const fieldPath = ref && typeof path[1] === 'number' ? path.slice(2) : path;
      const field = fieldLabel(fieldPath);
      return {
        file,
        ...(ref ? { ref } : {}),
        ...(field ? { field } : {}),
        message: issue.message,
        severity: 'error' as const,
      };
    }),
  };
}

/** YAML text → validated value, in one step. */
export function parseContent<S extends z.ZodType>(file: string, text: string, schema: S): Parsed<z.output<S>> {
  const parsed = parseYaml(file, text);
  return parsed.ok ? validate(file, parsed.value, schema) : parsed;
}
