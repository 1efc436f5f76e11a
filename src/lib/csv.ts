/**
 * The one CSV writer of the project: open data on /data/ (lib/disclosure/open-data.ts) and the
 * files the office tool writes (lib/village-tables/csv.ts) both go through it.
 *
 * RFC 4180 quoting, UTF-8 with a byte-order mark and CRLF line ends: Excel on a Chinese Windows
 * opens it as Chinese text without a wizard. A cell a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return, which some spreadsheets skip before
 * reading the formula) gets a leading apostrophe, and is quoted, so it is shown as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field, formula-like text neutralised. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type CsvCell = string | number | null;

/**
 * Rows → CSV text: a BOM, CRLF line ends, every text cell through csvField (null is an empty cell). A number
 * is written as the number it is: `-2` cannot be read as a formula, and an apostrophe would make it text.
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  const cell = (value: CsvCell) => (typeof value === 'number' ? String(value) : csvField(value ?? ''));
  const lines = rows.map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
