/** A query that is a whole hazard number (NZ-2023-0012), in any case and with stray spaces. */
const HAZARD_NUMBER = /^\s*([a-z]{2,6})\s*-\s*(\d{4})\s*-\s*(\d{4,6})\s*$/i;

/** The hazard number a query names, normalised (nz-2023-0012 → NZ-2023-0012), or undefined. */
export function hazardNumberIn(query: string): string | undefined {
  const match = HAZARD_NUMBER.exec(query);
  if (!match) return undefined;
  const [, prefix, year, serial] = match as unknown as [string, string, string, string];
  return `${prefix.toUpperCase()}-${year}-${serial}`;
}

/**
 * Puts the page whose 编号 is the hazard number searched for first. The index already ranks it
 * high (the number is in its weighted title), but month pages list the same number, and a
 * resident typing a number wants that one hazard.
 */
export function exactNumberFirst<T extends { meta: Record<string, string | undefined> }>(
  results: readonly T[],
  query: string,
): T[] {
  const number = hazardNumberIn(query);
  if (!number) return [...results];
  const exact = results.filter((result) => result.meta['编号'] === number);
  return [...exact, ...results.filter((result) => result.meta['编号'] !== number)];
}
