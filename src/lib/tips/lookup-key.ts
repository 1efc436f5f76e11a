import { bytesToHex } from '../bytes';

/**
 * The public lookup key of a receipt: PBKDF2-SHA-256 over the canonical receipt number
 * with a fixed, domain-separating salt. Published in receipts.json, it reveals nothing
 * about the receipt; the slow hash makes guessing receipts from it pointless on top of
 * the receipt's ~90 random bits. Changing any constant here orphans every published key.
 */
export const LOOKUP_KEY_SALT = 'nanzhuang-hazard-disclosure/tip-receipt-lookup/v1';
export const LOOKUP_KEY_ITERATIONS = 200_000;
const LOOKUP_KEY_BYTES = 32;

export async function receiptLookupKey(receipt: string): Promise<string> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(receipt), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(LOOKUP_KEY_SALT), iterations: LOOKUP_KEY_ITERATIONS },
    material,
    LOOKUP_KEY_BYTES * 8,
  );
  return bytesToHex(new Uint8Array(bits));
}
