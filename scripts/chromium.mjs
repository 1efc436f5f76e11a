import { chromiumPath as find } from '../src/lib/chromium-path.ts';

/** Path of the system Chromium the browser tests run in, or undefined (src/lib/chromium-path.ts decides). */
export function chromiumPath() {
  return find(process.env);
}
