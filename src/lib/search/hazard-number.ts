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

/** Year, then serial, then prefix: NZ-2024-0001 is newer than NZ-2023-12000 although it sorts lower as text. */
function numberKey(number: string): [number, number, string] {
  const [prefix = '', year = '0', serial = '0'] = number.split('-');
  return [Number(year), Number(serial), prefix];
}

/** Orders hazard numbers newest (highest year and serial) first. */
export function newestNumberFirst(a: string, b: string): number {
  const [ya, sa, pa] = numberKey(a);
  const [yb, sb, pb] = numberKey(b);
  return yb - ya || sb - sa || (pa < pb ? -1 : pa > pb ? 1 : 0);
}
