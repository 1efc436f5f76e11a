import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bech32 } from '@scure/base';
import { identityToRecipient } from 'age-encryption';

/**
 * The informant's reply key: an age X25519 identity derived from the receipt, so that the
 * office can write to the informant and only the holder of the receipt can read it.
 *
 * scrypt over the canonical receipt number with a salt of its own, so it shares nothing with
 * the public lookup key (lookup-key.ts: PBKDF2, another salt): knowing a published lookup key
 * tells nothing about the reply key, and neither reveals the receipt. scrypt (16 MiB of memory
 * per guess) on top of the receipt's ≈ 90 random bits makes guessing pointless. The public half
 * (an `age1…` recipient) travels only inside the encrypted tip. Changing any constant here
 * makes every reply already published unreadable.
 */
export const REPLY_KEY_SALT = 'nanzhuang-hazard-disclosure/tip-receipt-reply/v1';
export const REPLY_KEY_SCRYPT = { N: 2 ** 14, r: 8, p: 1, dkLen: 32 } as const;

export interface ReplyKey {
  /** `AGE-SECRET-KEY-1…`: never leaves the informant's device. */
  identity: string;
  /** `age1…`: the office encrypts its messages to it. */
  recipient: string;
}

/** The reply key pair of a receipt (canonical form: 28 digits). Deterministic. */
export async function receiptReplyKey(receipt: string, onProgress?: (fraction: number) => void): Promise<ReplyKey> {
  const encoder = new TextEncoder();
  const scalar = await scryptAsync(encoder.encode(receipt), encoder.encode(REPLY_KEY_SALT), {
    ...REPLY_KEY_SCRYPT,
    ...(onProgress ? { onProgress } : {}),
  });
  const identity = bech32.encodeFromBytes('AGE-SECRET-KEY-', scalar).toUpperCase();
  return { identity, recipient: await identityToRecipient(identity) };
}
