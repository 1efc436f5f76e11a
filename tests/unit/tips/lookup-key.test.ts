import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOOKUP_KEY_ITERATIONS, LOOKUP_KEY_SALT, receiptLookupKey } from '../../../src/lib/tips/lookup-key';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import { ReceiptLookupKey } from '../../../src/schemas/receipt';

describe('receipt lookup key', () => {
  it('is PBKDF2-SHA-256 with ≥ 100,000 iterations and a fixed domain salt, as 64 hex', async () => {
    expect(LOOKUP_KEY_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const receipt = generateReceipt();
    const key = await receiptLookupKey(receipt);
    const expected = pbkdf2Sync(receipt, LOOKUP_KEY_SALT, LOOKUP_KEY_ITERATIONS, 32, 'sha256').toString('hex');
    expect(key).toBe(expected);
    expect(ReceiptLookupKey.safeParse(key).success).toBe(true);
  });

  it('differs for receipts one digit apart', async () => {
    const a = '1234567890123456789012345670';
    const b = '1234567890123456789012345671';
    expect(await receiptLookupKey(a)).not.toBe(await receiptLookupKey(b));
  });
});
