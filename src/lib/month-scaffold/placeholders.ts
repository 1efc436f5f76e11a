/**
 * Text the tools put where only a clerk can know the answer (整改方式, 交办对象…).
 * It is plain text so the file stays valid YAML, and it is marked so that
 * `month check` (and the build) can name every one still left in a file.
 */
const PLACEHOLDER_MARK = '【待填写】';

export const placeholder = (hint: string): string => `${PLACEHOLDER_MARK}${hint}`;

const isPlaceholder = (value: unknown): value is string =>
  typeof value === 'string' && value.includes(PLACEHOLDER_MARK);

/** A placeholder still in the data, at `path` (keys and list positions, as zod reports them). */
export interface FoundPlaceholder {
  path: (string | number)[];
  text: string;
}

/** Every placeholder anywhere in parsed YAML data, in document order. */
export function findPlaceholders(value: unknown, path: (string | number)[] = []): FoundPlaceholder[] {
  if (isPlaceholder(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}
