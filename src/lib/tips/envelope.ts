import { Encrypter } from 'age-encryption';
import type { FollowUp, PowChallenge, Sealable, Tip, TipEnvelope } from '../../schemas/tip';
import { buildEnvelope, newSubmissionId } from './envelope-json';
import { solveTipChallenge } from './pow';
import { receiptReplyKey } from './reply-key';

export { buildEnvelope, newSubmissionId, type EnvelopeParts } from './envelope-json';

/**
 * A validated tip or follow-up as it is sealed: with the informant's reply key, derived from
 * its receipt (reply-key.ts), so that the office can answer through the receipt page.
 */
export async function withReplyKey(document: Sealable): Promise<Tip | FollowUp> {
  const { recipient } = await receiptReplyKey(document.receipt);
  return 'kind' in document ? { ...document, replyTo: recipient } : { ...document, version: 2, replyTo: recipient };
}

/**
 * Encrypts a validated tip or follow-up — text and photos, as one JSON document, with the
 * reply key — to every office recipient (age X25519). Only holders of a matching identity can
 * read it; the host, the function and the queue see this ciphertext and nothing else.
 */
export async function encryptTip(document: Sealable, recipients: readonly string[]): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('no tip recipients configured');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(JSON.stringify(await withReplyKey(document)));
}

/**
 * Everything the form does after validation, in one call, for callers without a Web
 * Worker (office tools, tests, benchmarks): encrypt, solve the challenge, build the envelope.
 */
export async function sealTip(input: {
  tip: Sealable;
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
