import { RECEIPT_DIGITS, RECEIPT_GROUP, RECEIPT_RANDOM_DIGITS, dammDigit } from '../../schemas/receipt-number';

/**
 * Receipt numbers (回执号). The browser makes one per submission from its CSPRNG; it is
 * shown once, travels only inside the ciphertext, and is looked up later by its slow
 * hash (lookup-key.ts). Format and check digit are defined in schemas/receipt.ts.
 */

/** Uniform random decimal digits by rejection sampling (bytes ≥ 250 would bias 0–5). */
function randomDigits(count: number, random: (n: number) => Uint8Array): string {
  let digits = '';
  while (digits.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < 250 && digits.length < count) digits += String(byte % 10);
    }
  }
  return digits;
}

const cryptoRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A new receipt number, canonical form (28 digits, last one the check digit). */
export function generateReceipt(random: (n: number) => Uint8Array = cryptoRandom): string {
  const body = randomDigits(RECEIPT_RANDOM_DIGITS, random);
  return body + String(dammDigit(body));
}

/** `1234 5678 …` — groups of four, the way it is shown and written down. */
export function formatReceipt(receipt: string, separator = ' '): string {
  return (receipt.match(new RegExp(`.{1,${RECEIPT_GROUP}}`, 'g')) ?? []).join(separator);
}

export type ReceiptInput =
  { ok: true; receipt: string } | { ok: false; reason: 'empty' | 'characters' | 'length' | 'check'; digits: number };

const FULL_WIDTH_ZERO = 0xff10;

/**
 * What the informant typed → canonical receipt. Spaces, hyphens and full-width digits
 * (common with Chinese input methods) are accepted; anything else is an error.
 */
export function parseReceiptInput(text: string): ReceiptInput {
  const ascii = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - FULL_WIDTH_ZERO));
  const compact = ascii.replace(/[\s\-－—_·.]/g, '');
  if (compact === '') return { ok: false, reason: 'empty', digits: 0 };
  if (!/^\d+$/.test(compact)) return { ok: false, reason: 'characters', digits: compact.replace(/\D/g, '').length };
  if (compact.length !== RECEIPT_DIGITS) return { ok: false, reason: 'length', digits: compact.length };
  if (dammDigit(compact) !== 0) return { ok: false, reason: 'check', digits: compact.length };
  return { ok: true, receipt: compact };
}
