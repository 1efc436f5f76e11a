/**
 * A small block-style YAML writer for generated content files. They must look like a
 * clerk's files (block mappings, `|` text for markdown) because the benchmark measures
 * the loader on real-looking input; the `yaml` package's stringify is correct but far
 * too slow for a 50,000-hazard ledger. Round-trip tested in tests/unit/bench/.
 */
type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

const RESERVED =
  /^(?:true|false|null|~|yes|no|on|off|[-+]?(?:\d[\d_.]*(?:e[-+]?\d+)?|\.inf|\.nan|0x[\da-f]+|0o[0-7]+))$/i;

/** Whether `text` can be written unquoted and read back as the same string. */
function isPlainSafe(text: string): boolean {
  if (text === '' || text.trim() !== text || RESERVED.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  // Control characters, line breaks, `: ` and ` #` would all change the meaning.
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|: |:$| #|\t/.test(text);
}

function scalar(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'string') return String(value);
  // JSON's double-quoted strings are valid YAML double-quoted scalars.
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

/** Multi-line text as a `|` literal block, when that reads back exactly. */
function literal(text: string, indent: string): string | undefined {
  if (!text.includes('\n') || /^[ \n]/.test(text) || /[ \t]$|\r/m.test(text) || !isPrintable(text)) return undefined;
  const chomp = text.endsWith('\n') ? (text.endsWith('\n\n') ? undefined : '') : '-';
  if (chomp === undefined) return undefined;
  const body = (chomp === '' ? text.slice(0, -1) : text)
    .split('\n')
    .map((line) => (line ? indent + line : ''))
    .join('\n');
  return `|${chomp}\n${body}`;
}

// eslint-disable-next-line no-control-regex
const isPrintable = (text: string) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);

function entry(key: string, value: Value, indent: string): string {
  const name = isPlainSafe(key) ? key : JSON.stringify(key);
  if (Array.isArray(value)) {
    return value.length === 0 ? `${indent}${name}: []` : `${indent}${name}:\n${sequence(value, indent)}`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, Value>)[k] !== undefined);
    return keys.length === 0
      ? `${indent}${name}: {}`
      : `${indent}${name}:\n${mapping(value as Record<string, Value>, `${indent}  `)}`;
  }
  if (typeof value === 'string') {
    const block = literal(value, `${indent}  `);
    if (block) return `${indent}${name}: ${block}`;
  }
  return `${indent}${name}: ${scalar(value)}`;
}

function mapping(value: Record<string, Value>, indent: string): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => entry(k, v, indent))
    .join('\n');
}

function sequence(items: readonly Value[], indent: string): string {
  return items
    .map((item) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const body = mapping(item as Record<string, Value>, `${indent}  `);
        return body ? `${indent}- ${body.slice(indent.length + 2)}` : `${indent}- {}`;
      }
      if (Array.isArray(item)) return `${indent}- ${item.length === 0 ? '[]' : `\n${sequence(item, `${indent}  `)}`}`;
      return `${indent}- ${scalar(item)}`;
    })
    .join('\n');
}

/** A YAML document for `value` (a mapping), with an optional `# comment` header. */
export function toYaml(value: object, comment?: string): string {
  const header = comment ? `${comment.replace(/^/gm, '# ')}\n` : '';
  return `${header}${mapping(value as Record<string, Value>, '')}\n`;
}
