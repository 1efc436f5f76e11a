/**
 * A tip receipt number (回执号): 28 digits, written in 7 groups of 4.
 * 27 digits are random — 10^27 ≈ 2^89.7, comfortably over 80 bits — and the last is a
 * Damm check digit, which catches every single wrong digit and every swap of two
 * neighbouring digits, so a miscopied receipt is told apart from an unknown one.
 * (24 digits would be 10^24 ≈ 2^79.7: just short of 80 bits.)
 * Plain code, without zod: the receipt page checks a receipt before it loads anything else.
 */
export const RECEIPT_RANDOM_DIGITS = 27;
export const RECEIPT_DIGITS = RECEIPT_RANDOM_DIGITS + 1;
export const RECEIPT_GROUP = 4;

// Damm's quasigroup of order 10 (weakly totally anti-symmetric).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm interim digit of a digit string: the check digit to append, or 0 when it already ends in a valid one. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM[interim]![Number(char)]!;
  return interim;
}

/** True when `value` is exactly 28 digits whose last digit checks. */
export function isValidReceiptNumber(value: string): boolean {
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(value) && dammDigit(value) === 0;
}
