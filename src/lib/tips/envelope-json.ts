import type { PowChallenge, PowSolution, TipEnvelope } from '../../schemas/tip';
import { ENVELOPE_VERSION } from '../../schemas/tip-limits';
import { bytesToBase64 } from '../bytes';

/*
 * The JSON body POSTed to /api/tips, apart from the encryption in envelope.ts: the submit
 * protocol builds it in the browser before the age code has to be loaded.
 */

/** A fresh submission id (UUID v4); a retry of the same submission reuses it. */
export function newSubmissionId(): string {
  return crypto.randomUUID();
}

export interface EnvelopeParts {
  submissionId: string;
  ciphertext: Uint8Array;
  challenge: PowChallenge;
  solution: PowSolution;
}

/** The JSON body POSTed to /api/tips. */
export function buildEnvelope(parts: EnvelopeParts): TipEnvelope {
  return {
    version: ENVELOPE_VERSION,
    submissionId: parts.submissionId,
    ciphertext: bytesToBase64(parts.ciphertext),
    pow: { challenge: parts.challenge, solution: parts.solution },
  };
}
