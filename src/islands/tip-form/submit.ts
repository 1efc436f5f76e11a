import { sitePath } from '../../lib/site-path';
import { createTipSubmitter, type TipSubmitter } from '../../lib/tips/submit';

/*
 * What a submission needs and a first look at the form does not — zod's schema, age encryption,
 * the proof of work — is fetched when needed: warmUp() on the informant's first interaction
 * with the form, and at the latest on submit. Old phones on slow links draw the form sooner.
 */
const loadEncryption = () => import('../../lib/tips/envelope');
const loadSolver = () => import('./pow-client');
export const loadTipSchema = () => import('../../schemas/tip');

/** Starts fetching the submit code. Safe to call on every interaction: each module is fetched once. */
export function warmUp(): void {
  Promise.all([loadTipSchema(), loadEncryption(), loadSolver()]).catch(() => {
    // Offline for now: submit() loads them again and reports a network error if it must.
  });
}

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
    encrypt: async (tip) => (await loadEncryption()).encryptTip(tip, recipients),
    solve: async (issued, onProgress) => (await loadSolver()).solve(issued, onProgress),
  });
}
