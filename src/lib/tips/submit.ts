import { t } from '../../i18n/tip-line';
import type { PowChallenge, PowSolution, Sealable } from '../../schemas/tip';
import { MAX_ENVELOPE_BYTES } from '../../schemas/tip-limits';
import { buildEnvelope, newSubmissionId } from './envelope-json';
import { TIP_ERRORS, type TipErrorCode } from './errors';
import type { IssuedChallenge } from './pow';
import { generateReceipt } from './receipt';

/**
 * The tip form's submit protocol, as a plain module: no React, no DOM beyond `fetch`, every
 * dependency injected (tests drive it against the real functions).
 *
 * A *submission* is one tip under one submission id and one receipt, prepared for one form
 * content. It keeps its ciphertext and its solved challenge across attempts, so a retry of
 * unchanged content sends the very same bytes under the same id: the function answers an
 * identical retry with the same success and never queues a tip twice.
 *
 * One `submit()` runs these steps (reported through `onStep`) and ends in one outcome:
 *
 *   encrypting  skipped when the submission already holds its ciphertext.
 *   challenge   GET /api/tips/challenge — skipped when the submission holds a solved challenge
 *               the clock says is good for another minute (CHALLENGE_MARGIN_MS).
 *                 network error, unreadable answer   → failed 'network'
 *                 error answer (429, 503…)           → failed with its code and message
 *   solving     the proof of work.
 *                 no solution (timeout)              → failed 'unsolved'
 *   sending     POST /api/tips; an envelope over the size limit is not sent → failed 'too_large'.
 *                 201                                → accepted; the submission is done
 *                 challenge_invalid / _expired / _used → drop the challenge; the first time in
 *                                                      this submit(), back to `challenge` (one
 *                                                      retry), the second time failed with its
 *                                                      code and message
 *                 409 submission_conflict            → failed; the submission is discarded, so
 *                                                      the next prepare() starts a new one
 *                                                      (new id, new receipt, new ciphertext)
 *                 network error, unreadable answer   → failed 'network' (the tip may have been
 *                                                      queued: a retry finds out, safely)
 *                 any other answer                   → failed with its code and message
 *
 * Every failure but the conflict keeps the submission: the next submit() of the same content
 * resumes it. Exceptions are left to the caller: what the encrypter or the solver throws, and a
 * tip that does not carry its submission's receipt (a programming error).
 */

export type SubmitStep = 'encrypting' | 'challenge' | 'solving' | 'sending';

/** The function's error codes, plus what happens on this side of the network. */
export type SubmitFailureCode = TipErrorCode | 'network' | 'unsolved' | 'unknown';

export type SubmitOutcome =
  | { ok: true; submissionId: string; receipt: string; received: string }
  | {
      ok: false;
      code: SubmitFailureCode;
      /** Chinese, shown to the informant as is. */
      message: string;
      /** The HTTP status, when there was an answer. */
      status?: number;
    };

export interface Submission {
  /** The form content this submission was prepared for. */
  readonly content: string;
  readonly id: string;
  readonly receipt: string;
  ciphertext?: Uint8Array;
  pow?: { challenge: PowChallenge; solution: PowSolution };
}

export interface SubmitDeps {
  /** Same origin; called with a path and the init below. */
  fetch: (path: string, init: RequestInit) => Promise<Response>;
  /** The tip (or follow-up) → an age file for the office recipients. */
  encrypt: (tip: Sealable) => Promise<Uint8Array>;
  /** The proof of work; null when not solved in time. Progress is a fraction, 0…1. */
  solve: (issued: IssuedChallenge, onProgress: (fraction: number) => void) => Promise<PowSolution | null>;
  /** Milliseconds since the epoch. */
  now?: () => number;
  newId?: () => string;
  /** A new tip's receipt; a follow-up's submitter returns the receipt of its tip. */
  newReceipt?: () => string;
}

export interface SubmitObserver {
  onStep?: (step: SubmitStep) => void;
  onProgress?: (fraction: number) => void;
}

export interface TipSubmitter {
  /** The submission for this form content: the kept one while the content is unchanged, else a new one. */
  prepare(content: string): Submission;
  /** Runs the protocol for a prepared submission and its tip (whose receipt is the submission's). */
  submit(submission: Submission, tip: Sealable, observer?: SubmitObserver): Promise<SubmitOutcome>;
}

export const CHALLENGE_PATH = '/api/tips/challenge';
export const TIPS_PATH = '/api/tips';

/** Same origin, no credentials, no cache, no referrer. */
const INIT: RequestInit = { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };

/** A kept challenge this close to its expiry is not sent again: a fresh one is cheaper than a refusal. */
const CHALLENGE_MARGIN_MS = 60_000;

const CHALLENGE_REFUSALS: ReadonlySet<string> = new Set<TipErrorCode>([
  'challenge_invalid',
  'challenge_expired',
  'challenge_used',
]);

type Failure = Extract<SubmitOutcome, { ok: false }>;

const known = (code: unknown): code is TipErrorCode => typeof code === 'string' && code in TIP_ERRORS;

const network = (): Failure => ({ ok: false, code: 'network', message: t('report.networkError') });

/** Any error answer → a code and a Chinese message, even when the body is not ours (a platform 429, a proxy's 502). */
async function refusal(res: Response): Promise<Failure> {
  const body = (await res.json().catch(() => undefined)) as { code?: unknown; message?: unknown } | undefined;
  const status = res.status;
  if (known(body?.code) && typeof body.message === 'string')
    return { ok: false, code: body.code, message: body.message, status };
  if (status === 429) return { ok: false, code: 'rate_limited', message: TIP_ERRORS.rate_limited.message, status };
  if (status === 413) return { ok: false, code: 'too_large', message: TIP_ERRORS.too_large.message, status };
  return { ok: false, code: 'unknown', message: t('report.unknownError').replace('{status}', String(status)), status };
}

async function request(deps: SubmitDeps, path: string, init: RequestInit = {}): Promise<Response | Failure> {
  try {
    return await deps.fetch(path, { ...INIT, ...init });
  } catch {
    return network();
  }
}

async function fetchChallenge(deps: SubmitDeps): Promise<IssuedChallenge | Failure> {
  const res = await request(deps, CHALLENGE_PATH);
  if (!(res instanceof Response)) return res;
  if (!res.ok) return refusal(res);
  const body = (await res.json().catch(() => undefined)) as Partial<IssuedChallenge> | undefined;
  if (typeof body?.challenge !== 'object' || body.challenge === null || typeof body.maxCounter !== 'number')
    return network();
  return body as IssuedChallenge;
}

async function send(deps: SubmitDeps, body: string): Promise<{ received: string } | Failure> {
  const res = await request(deps, TIPS_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (!(res instanceof Response)) return res;
  if (res.status !== 201) return refusal(res);
  const accepted = (await res.json().catch(() => undefined)) as { ok?: unknown; received?: unknown } | undefined;
  // Accepted, but the answer did not arrive whole: a retry of the same bytes gets it again.
  if (accepted?.ok !== true || typeof accepted.received !== 'string') return network();
  return { received: accepted.received };
}

export function createTipSubmitter(deps: SubmitDeps): TipSubmitter {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? newSubmissionId;
  const newReceipt = deps.newReceipt ?? generateReceipt;
  let current: Submission | undefined;

  const forget = (submission: Submission) => {
    if (current === submission) current = undefined;
  };

  return {
    prepare(content) {
      if (current?.content !== content) current = { content, id: newId(), receipt: newReceipt() };
      return current;
    },

    async submit(submission, tip, observer = {}) {
      if (tip.receipt !== submission.receipt) throw new Error('the tip does not carry the receipt of its submission');
      const step = (name: SubmitStep) => observer.onStep?.(name);

      if (!submission.ciphertext) {
        step('encrypting');
        submission.ciphertext = await deps.encrypt(tip);
      }
      const expiresAt = submission.pow?.challenge.parameters.expiresAt;
      if (expiresAt !== undefined && expiresAt * 1000 - CHALLENGE_MARGIN_MS <= now()) delete submission.pow;

      for (let retried = false; ;) {
        if (!submission.pow) {
          step('challenge');
          observer.onProgress?.(0);
          const issued = await fetchChallenge(deps);
          if ('ok' in issued) return issued;
          step('solving');
          const solution = await deps.solve(issued, (fraction) => observer.onProgress?.(fraction));
          if (!solution) return { ok: false, code: 'unsolved', message: t('report.networkError') };
          submission.pow = { challenge: issued.challenge, solution };
        }

        step('sending');
        const body = JSON.stringify(
          buildEnvelope({ submissionId: submission.id, ciphertext: submission.ciphertext, ...submission.pow }),
        );
        if (body.length > MAX_ENVELOPE_BYTES)
          return { ok: false, code: 'too_large', message: TIP_ERRORS.too_large.message };

        const answer = await send(deps, body);
        if (!('ok' in answer)) {
          forget(submission);
          return { ok: true, submissionId: submission.id, receipt: submission.receipt, received: answer.received };
        }
        if (CHALLENGE_REFUSALS.has(answer.code)) {
          // Spent or expired: a fresh challenge, once; same submission, same ciphertext.
          delete submission.pow;
          if (!retried) {
            retried = true;
            continue;
          }
        }
        // A different body under this id will never be accepted: the next attempt is a new submission.
        if (answer.code === 'submission_conflict') forget(submission);
        return answer;
      }
    },
  };
}
