import { existsSync } from 'node:fs';

/**
 * The system Chromium: CHROMIUM_PATH when set, else Debian's or Ubuntu's package. The office
 * report prints the month page in it; the browser tests and benchmarks run in it (through
 * scripts/chromium.mjs). Only `node:` imports, so plain Node can load this file too.
 */
export function chromiumPath(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && exists(path));
}
