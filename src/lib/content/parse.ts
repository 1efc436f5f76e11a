import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fieldLabel } from './labels';
import type { ContentIssue } from './issues';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Lists whose items are addressed by a field of the item (a hazard by its number, a row by its village). */
const ITEM_REFS: Record<string, string> = { hazards: 'id', rows: 'village', villages: 'name', sectors: 'name' };
const ITEM_NAMES: Record<string, string> = { hazards: '项', rows: '行', features: '个' };

/** Parses YAML text; syntax errors come back as issues with the line number. */
export function parseYaml(file: string, text: string): Parsed<unknown> {
  // A file saved as GBK/ANSI and read as UTF-8 is full of U+FFFD: one message for the file,
  // not hundreds for its fields.
  const garbled = text.indexOf('\ufffd');
  if (garbled >= 0) {
    const line = text.slice(0, garbled).split('\n').length;
    const message = '含有无法识别的字符「\ufffd」：文件可能不是 UTF-8 编码（如另存为 ANSI 或 GBK），请用 UTF-8 编码另存';
    return { ok: false, issues: [{ file, ref: `第${line}行`, message, severity: 'error' }] };
  }
  return fastLoad(text) ?? parseYamlDocument(file, text);
}

/**
 * The fast path for the common case, a well-formed file: js-yaml reads a month of a county's
 * ledger about 12 times faster than `yaml`'s document API (7.3 s → 0.6 s for 10,000 hazards ×
 * 24 months). Both read YAML 1.2's core schema, so dates stay strings. Anything js-yaml rejects,
 * and any file using aliases (js-yaml shares the aliased object; `yaml` caps expansion against
 * alias bombs), goes through parseYamlDocument for the same value or exact Chinese messages.
 * tests/hardening/yaml-parity.test.ts holds the two paths to the same result.
 */
export function fastLoad(text: string): { ok: true; value: unknown } | undefined {
  if (READ_DIFFERENTLY.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // An empty file is null to `yaml`, undefined to js-yaml.
  return isTree(value) ? { ok: true, value: value ?? null } : undefined;
}

/**
 * Where the two readers part ways (found by the parity test): directives (%YAML 1.1 turns `yes`
 * into true for `yaml`), explicit tags (!!float, !custom…), binary numbers (0b101) and null-like
 * keys. Content files have none of these; a file that does takes the exact path.
 */
const READ_DIFFERENTLY =
  /^%|(?:^|[\s[{,:-])!|(?:^|[\s[{,:-])[-+]?0b[01_]+[ \t]*(?:$|[,\]}#])|^\s*(?:-\s+)?(?:~|null|Null|NULL)?\s*:(?:\s|$)/m;

/** True when no object or array is reached twice, i.e. the document used no aliases. */
function isTree(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).every((child) => isTree(child, seen));
}

/** Parses YAML text with `yaml`'s document API; syntax errors come back as issues with the line number. */
export function parseYamlDocument(file: string, text: string): Parsed<unknown> {
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
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    // toJS throws only when aliases (&a / *a) expand beyond the limit: a file built to exhaust memory.
    return { ok: false, issues: [{ file, message: 'YAML 格式错误：别名（*）引用过多，请直接写出内容', severity: 'error' }] };
  }
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
    MULTIPLE_DOCS: '一个文件只能有一份内容，请删除多余的 ---',
    RESOURCE_EXHAUSTION: '嵌套层级过多',
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

/**
 * Characters a clerk cannot see or did not mean to type: control characters, direction
 * overrides and isolates (they make text display differently from what it says) and a stray
 * byte-order mark. Tabs and line breaks are fine. (U+FFFD is caught per file, in parseYaml.)
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
}

function hiddenCharacters(value: unknown, path: PropertyKey[] = [], found: PathIssue[] = []): PathIssue[] {
  if (typeof value === 'string') {
    const match = HIDDEN.exec(value);
    if (match) {
      const char = match[0];
      const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      found.push({
        path,
        message: `第${match.index + 1}个字符处含有看不见的控制字符（${code}），请删除后重新输入`,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => hiddenCharacters(item, [...path, index], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) hiddenCharacters(item, [...path, key], found);
  }
  return found;
}

/** The file as a whole is not a mapping of fields: say so instead of quoting zod's types. */
const rootMessage = (raw: unknown) =>
  raw === null || raw === undefined ? '文件为空（或只有注释）' : '文件内容应为「字段: 值」的形式，请对照模板检查';

/** Validates parsed data against a schema; every problem becomes an issue, none is dropped. */
export function validate<S extends z.ZodType>(file: string, raw: unknown, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  const problems: PathIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path,
        message: issue.path.length === 0 && issue.code === 'invalid_type' ? rootMessage(raw) : issue.message,
      }));
  problems.push(...hiddenCharacters(raw));
  if (result.success && problems.length === 0) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: problems.map(({ path, message }) => {
      const ref = refFor(raw, path);
      // Inside a list item, the item is named by `ref`; label only the field within it.
      const fieldPath = ref && typeof path[1] === 'number' ? path.slice(2) : path;
      const field = fieldLabel(fieldPath);
      return {
        file,
        ...(ref ? { ref } : {}),
        ...(field ? { field } : {}),
        message,
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

/**
 * JSON text (the map's GeoJSON) → validated value. A syntax error names the line when the
 * runtime's message gives one; a byte-order mark, which some GIS exports write, is accepted.
 */
export function parseJsonContent<S extends z.ZodType>(file: string, text: string, schema: S): Parsed<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const line = /line (\d+)/.exec(String(error))?.[1];
    return {
      ok: false,
      issues: [
        {
          file,
          ...(line ? { ref: `第${line}行` } : {}),
          message: 'GeoJSON 格式错误：不是有效的 JSON，请检查逗号、引号和括号，或从 GIS 软件重新导出',
          severity: 'error',
        },
      ],
    };
  }
  return validate(file, raw, schema);
}
