import { encryptTip } from '../../lib/tips/envelope';
import { createTipSubmitter, type TipSubmitter } from '../../lib/tips/submit';
import { solve } from './pow-client';

/**
 * The submit protocol (src/lib/tips/submit.ts) bound to the browser: the page's fetch, age
 * encryption to the office recipients, and the proof of work in a Web Worker.
 */
export function browserSubmitter(recipients: readonly string[]): TipSubmitter {
  return createTipSubmitter({
    fetch: (path, init) => fetch(path, init),
    encrypt: (tip) => encryptTip(tip, recipients),
    solve,
  });
}
