import { Encrypter } from 'age-encryption';
import type { PowChallenge, Tip, TipEnvelope } from '../../schemas/tip';
import { buildEnvelope, newSubmissionId } from './envelope-json';
import { solveTipChallenge } from './pow';

export { buildEnvelope, newSubmissionId, type EnvelopeParts } from './envelope-json';

/**
 * Encrypts a validated tip — text and photos, as one JSON document — to every office
 * recipient (age X25519). Only holders of a matching identity can read it; the host,
 * the function and the queue see this ciphertext and nothing else.
 */
export async function encryptTip(tip: Tip, recipients: readonly string[]): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('no tip recipients configured');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(JSON.stringify(tip));
}

/**
 * Everything the form does after validation, in one call, for callers without a Web
 * Worker (office tools, tests, benchmarks): encrypt, solve the challenge, build the envelope.
 */
export async function sealTip(input: {
  tip: Tip;
  recipients: readonly string[];
  challenge: PowChallenge;
  submissionId?: string;
}): Promise<TipEnvelope> {
  const ciphertext = await encryptTip(input.tip, input.recipients);
  const solution = await solveTipChallenge(input.challenge);
  if (!solution) throw new Error('proof-of-work not solved in time');
  return buildEnvelope({
    submissionId: input.submissionId ?? newSubmissionId(),
    ciphertext,
    challenge: input.challenge,
    solution,
  });
}
