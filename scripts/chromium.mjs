import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of the system Chromium the browser tests run in, or undefined. */
export function chromiumPath() {
  return CANDIDATES.find((path) => path && existsSync(path));
}
