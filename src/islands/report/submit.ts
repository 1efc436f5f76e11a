import { sitePath } from '../../lib/site-path';
import { encryptTip } from '../../lib/tips/envelope';
import { createTipSubmitter, type TipSubmitter } from '../../lib/tips/submit';
import { solve } from './pow-client';

/**
 * The submit protocol (src/lib/tips/submit.ts) bound to the browser: the page's fetch, age
 * encryption to the office recipients, and the proof of work in a Web Worker. The receipt
 * page's follow-ups use it too, bound to the receipt of their tip.
 */
export function browserSubmitter(recipients: readonly string[], options: { receipt?: string } = {}): TipSubmitter {
  const { receipt } = options;
  return createTipSubmitter({
    ...(receipt ? { newReceipt: () => receipt } : {}),
    // The protocol's paths are the site's routes; under a base path they live below it.
    fetch: (path, init) => fetch(sitePath(path), init),
    encrypt: (tip) => encryptTip(tip, recipients),
    solve,
  });
}
