import { readFileSync } from 'node:fs';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { encryptTip } from '../../../src/lib/tips/envelope';
import { identitiesFromFile, openTip, receiptIn } from '../../../src/lib/tips/open';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import type { Tip } from '../../../src/schemas/tip';

const tip: Tip = {
  version: 1,
  receipt: generateReceipt(),
  what: '养老院厨房液化气钢瓶无报警装置',
  village: '河湾村',
  photos: [],
};

describe('opening a tip (office side)', () => {
  it('every recipient can open it on its own', async () => {
    const a = await generateIdentity();
    const b = await generateIdentity();
    const ciphertext = await encryptTip(tip, [await identityToRecipient(a), await identityToRecipient(b)]);
    for (const identity of [a, b]) {
      const opened = await openTip(ciphertext, [identity], { villages: ['河湾村'] });
      // Sealed as version 2: the same fields, and the reply key derived from the receipt.
      expect(opened).toMatchObject({ ok: true, kind: 'tip', tip: { ...tip, version: 2 } });
      expect(opened.ok && opened.kind === 'tip' && opened.tip.version === 2 && opened.tip.replyTo).toMatch(/^age1/);
    }
    const stranger = await openTip(ciphertext, [await generateIdentity()]);
    expect(stranger).toMatchObject({ ok: false, text: undefined });
  });

  it('returns an invalid tip raw, with the problems, instead of dropping it', async () => {
    const identity = await generateIdentity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    const raw = JSON.stringify({ ...tip, village: '不在名单的村', extra: 1 });
    const opened = await openTip(await encrypter.encrypt(raw), [identity], { villages: ['河湾村'] });
    expect(opened.ok).toBe(false);
    expect(opened.text).toBe(raw);
    expect(!opened.ok && opened.problems.length).toBeGreaterThan(0);
  });

  it('reads identities from an age identity file', () => {
    const ids = identitiesFromFile(readFileSync('tests/fixtures/development-identity.txt', 'utf8'));
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^AGE-SECRET-KEY-1/);
  });
});

describe('receiptIn', () => {
  it('reads the receipt of a valid tip, and of an invalid one when the receipt itself is sound', () => {
    expect(receiptIn({ ok: true, kind: 'tip', tip, text: '' })).toBe(tip.receipt);
    const raw = (receipt: unknown) => JSON.stringify({ version: 1, receipt });
    expect(receiptIn({ ok: false, text: raw(tip.receipt), problems: [] })).toBe(tip.receipt);
    expect(receiptIn({ ok: false, text: raw(`${tip.receipt.slice(0, -1)}x`), problems: [] })).toBeUndefined();
    expect(receiptIn({ ok: false, text: '不是 JSON', problems: [] })).toBeUndefined();
    expect(receiptIn({ ok: false, text: undefined, problems: [] })).toBeUndefined();
  });
});
