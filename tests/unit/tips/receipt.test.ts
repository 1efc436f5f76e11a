import { describe, expect, it } from 'vitest';
import { formatReceipt, generateReceipt, parseReceiptInput } from '../../../src/lib/tips/receipt';
import { dammDigit, isValidReceiptNumber, ReceiptNumber } from '../../../src/schemas/receipt';

describe('receipt numbers', () => {
  it('carry at least 80 bits: 27 random digits + a check digit', () => {
    expect(27 * Math.log2(10)).toBeGreaterThan(80);
    const receipt = generateReceipt();
    expect(receipt).toMatch(/^\d{28}$/);
    expect(isValidReceiptNumber(receipt)).toBe(true);
  });

  it('Damm check digit matches the published example (572 → 4)', () => {
    expect(dammDigit('572')).toBe(4);
    expect(dammDigit('5724')).toBe(0);
  });

  it('catch every single-digit error and every adjacent swap', () => {
    const receipt = generateReceipt();
    for (let i = 0; i < receipt.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === receipt[i]) continue;
        const typo = receipt.slice(0, i) + d + receipt.slice(i + 1);
        expect(isValidReceiptNumber(typo)).toBe(false);
      }
      if (i + 1 < receipt.length && receipt[i] !== receipt[i + 1]) {
        const swapped = receipt.slice(0, i) + receipt[i + 1] + receipt[i] + receipt.slice(i + 2);
        expect(isValidReceiptNumber(swapped)).toBe(false);
      }
    }
  });

  it('digits are uniform (rejection sampling: a byte ≥ 250 is never used)', () => {
    let calls = 0;
    // Bytes 250..255 would map to 0..5 and bias them; feed them first, then 7s.
    const random = (n: number) => (calls++ === 0 ? new Uint8Array(n).fill(255) : new Uint8Array(n).fill(7));
    expect(generateReceipt(random).slice(0, 27)).toBe('7'.repeat(27));
  });

  it('are shown in 7 groups of 4', () => {
    expect(formatReceipt('1234567890123456789012345678')).toBe('1234 5678 9012 3456 7890 1234 5678');
  });

  it('parse what people type: spaces, hyphens, full-width digits', () => {
    const receipt = generateReceipt();
    const typed = formatReceipt(receipt, ' - ').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseReceiptInput(typed)).toEqual({ ok: true, receipt });
    expect(parseReceiptInput('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseReceiptInput('1234 abcd')).toMatchObject({ ok: false, reason: 'characters' });
    expect(parseReceiptInput(receipt.slice(0, 24))).toMatchObject({ ok: false, reason: 'length', digits: 24 });
    const wrong = receipt.slice(0, 27) + String((Number(receipt[27]) + 1) % 10);
    expect(parseReceiptInput(wrong)).toMatchObject({ ok: false, reason: 'check' });
  });

  it('the schema gives Chinese messages', () => {
    const result = ReceiptNumber.safeParse('123');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('28 位数字');
  });
});
