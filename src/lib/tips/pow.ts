import { createChallenge, randomInt, solveChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { PowChallenge, PowSolution } from '../../schemas/tip';
import { bytesToHex } from '../bytes';

/**
 * Proof of work (ALTCHA v2, PBKDF2/SHA-256 through WebCrypto, so the same code runs in
 * the function, the browser's Web Worker and the office tools). Deterministic mode: the
 * server picks a secret counter, signs the derived key, and the solver must count up to
 * it — work ≈ counter × cost PBKDF2 rounds, verification one HMAC. No cookie, no IP:
 * a challenge is spent once (the replay guard in queue.ts), which is all it needs to be.
 */
const POW_ALGORITHM = 'PBKDF2/SHA-256';

export interface PowDifficulty {
  /** PBKDF2 rounds per attempt. */
  cost: number;
  /** The secret counter is drawn uniformly from [minCounter, maxCounter]. */
  minCounter: number;
  maxCounter: number;
}

/**
 * On average 400 × 5,000 = 2 million PBKDF2-SHA-256 rounds: about 0.5 s on a desktop,
 * 3–5 s on a slow phone (≈0.5 million rounds/s), 7–8 s in the worst draw there.
 */
export const POW_DIFFICULTY: PowDifficulty = { cost: 5_000, minCounter: 200, maxCounter: 600 };

/** Long enough to solve and upload three photos on a slow network; short enough to be useless stockpiled. */
export const POW_TTL_SECONDS = 15 * 60;

/**
 * The furthest in the future a challenge's expiry may lie when it is checked: the lifetime this
 * site issues, plus a minute of clock skew between instances. A challenge claiming more, or no
 * expiry at all, was not issued by the challenge function and is refused — which is what lets
 * the replay guard forget spent challenges after a day (spent-challenges.ts).
 */
export const MAX_CHALLENGE_LIFETIME_MS = (POW_TTL_SECONDS + 60) * 1000;

/** What GET /api/tips/challenge returns. `maxCounter` only drives the progress bar. */
export interface IssuedChallenge {
  challenge: PowChallenge;
  maxCounter: number;
}

/** The challenge and derived-key secrets, derived from the one configured key so rotating it is one variable. */
async function secrets(hmacKey: string): Promise<{ challenge: string; key: string }> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(hmacKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const derive = async (label: string) =>
    bytesToHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(label))));
  return { challenge: await derive('tip-pow/challenge/v1'), key: await derive('tip-pow/derived-key/v1') };
}

export async function issueChallenge(
  hmacKey: string,
  options: { difficulty?: PowDifficulty; expiresAt?: Date; now?: Date } = {},
): Promise<IssuedChallenge> {
  const difficulty = options.difficulty ?? POW_DIFFICULTY;
  const now = options.now ?? new Date();
  const { challenge, key } = await secrets(hmacKey);
  const issued = await createChallenge({
    algorithm: POW_ALGORITHM,
    cost: difficulty.cost,
    counter: randomInt(difficulty.maxCounter, difficulty.minCounter),
    deriveKey,
    expiresAt: options.expiresAt ?? new Date(now.getTime() + POW_TTL_SECONDS * 1000),
    hmacSignatureSecret: challenge,
    hmacKeySignatureSecret: key,
  });
  return { challenge: issued as PowChallenge, maxCounter: difficulty.maxCounter };
}

export type PowCheck = 'ok' | 'expired' | 'invalid';

/** Signature, expiry and solution. Whether it was spent before is the caller's replay guard. */
export async function checkSolution(
  hmacKey: string,
  payload: { challenge: PowChallenge; solution: PowSolution },
  now: Date = new Date(),
): Promise<PowCheck> {
  const { algorithm, expiresAt } = payload.challenge.parameters;
  if (algorithm !== POW_ALGORITHM) return 'invalid';
  if (expiresAt === undefined || expiresAt * 1000 > now.getTime() + MAX_CHALLENGE_LIFETIME_MS) return 'invalid';
  const { challenge, key } = await secrets(hmacKey);
  try {
    const result = await verifySolution({
      // The zod types mark optional fields `| undefined`; the shapes are the same.
      challenge: payload.challenge as Challenge,
      solution: payload.solution as Solution,
      deriveKey,
      hmacSignatureSecret: challenge,
      hmacKeySignatureSecret: key,
    });
    if (result.verified) return 'ok';
    // altcha-lib reports expiry before checking the signature: either way the tip is refused.
    if (result.expired) return 'expired';
    return 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * Solves a challenge by counting up; `onProgress(tried)` every few attempts so the form
 * can show a bar. Returns null when aborted or after `timeoutMs`.
 */
export async function solveTipChallenge(
  challenge: PowChallenge,
  options: { onProgress?: (tried: number) => void; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<PowSolution | null> {
  let tried = 0;
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort());
  const solution = await solveChallenge({
    challenge: challenge as Challenge,
    controller,
    timeout: options.timeoutMs ?? 120_000,
    deriveKey: async (parameters, salt, password) => {
      tried++;
      if (tried % 10 === 0) options.onProgress?.(tried);
      return deriveKey(parameters, salt, password);
    },
  });
  if (!solution) return null;
  return {
    counter: solution.counter,
    derivedKey: solution.derivedKey,
    ...(solution.time ? { time: solution.time } : {}),
  };
}
