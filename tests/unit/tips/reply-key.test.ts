import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scryptSync } from 'node:crypto';
import { bech32 } from '@scure/base';
import { Decrypter, armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { encryptMessage, readThread } from '../../../src/lib/tips/message-crypto';
import { receiptLookupKey } from '../../../src/lib/tips/lookup-key';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import { REPLY_KEY_SALT, REPLY_KEY_SCRYPT, receiptReplyKey } from '../../../src/lib/tips/reply-key';
import { AgeRecipient } from '../../../src/schemas/tip';

const RECEIPT = '1234567890123456789012345670';

describe('the reply key derived from a receipt', () => {
  it('matches a known answer, computed here with Node’s own scrypt', async () => {
    const key = await receiptReplyKey(RECEIPT);
    expect(key).toEqual({
      identity: 'AGE-SECRET-KEY-1KR7R2GGQUS5574SKGQR7HVEXJZXXSZM9SYDXDV6ZRMJERUPZK9LSZ4F7CA',
      recipient: 'age12xaydcx7vjr720t555x9arany92lw4qal8099en6dk8jn5cpq4vq6kw6ss',
    });
    const { N, r, p, dkLen } = REPLY_KEY_SCRYPT;
    const scalar = scryptSync(RECEIPT, REPLY_KEY_SALT, dkLen, { N, r, p, maxmem: 64 * 1024 * 1024 });
    expect(bech32.encodeFromBytes('AGE-SECRET-KEY-', new Uint8Array(scalar)).toUpperCase()).toBe(key.identity);
    expect(AgeRecipient.safeParse(key.recipient).success).toBe(true);
  });

  it('is deterministic, differs between receipts, and is costly enough to slow guessing', async () => {
    const receipt = generateReceipt();
    expect(await receiptReplyKey(receipt)).toEqual(await receiptReplyKey(receipt));
    expect((await receiptReplyKey(receipt)).identity).not.toBe((await receiptReplyKey(RECEIPT)).identity);
    // 128 · N · r bytes of memory per guess: 16 MiB.
    expect(128 * REPLY_KEY_SCRYPT.N * REPLY_KEY_SCRYPT.r).toBeGreaterThanOrEqual(16 * 1024 * 1024);
  });

  it('is separated from the public lookup key: other salt, other function, nothing shared', async () => {
    const lookup = await receiptLookupKey(RECEIPT);
    const scalar = bech32.decodeToBytes((await receiptReplyKey(RECEIPT)).identity.toLowerCase()).bytes;
    expect(Buffer.from(scalar).toString('hex')).not.toBe(lookup);
    expect(REPLY_KEY_SALT).not.toContain('lookup');
    // The same scrypt over the lookup key's salt gives another key: the salt is what separates them.
    const { N, r, p, dkLen } = REPLY_KEY_SCRYPT;
    const other = scryptSync(RECEIPT, 'nanzhuang-hazard-disclosure/tip-receipt-lookup/v1', dkLen, {
      N,
      r,
      p,
      maxmem: 6.4e7,
    });
    expect(Buffer.from(other).equals(Buffer.from(scalar))).toBe(false);
  });

  it('reports progress while deriving', async () => {
    const seen: number[] = [];
    await receiptReplyKey(RECEIPT, (fraction) => seen.push(fraction));
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });

  it('opens a reply with the standard age command (Debian age), as an outside client would', async () => {
    const { identity, recipient } = await receiptReplyKey(RECEIPT);
    const armored = await encryptMessage({ text: '请问隐患具体在哪栋楼？' }, [recipient]);
    const dir = mkdtempSync(join(tmpdir(), 'reply-key-'));
    try {
      writeFileSync(join(dir, 'identity.txt'), `${identity}\n`);
      writeFileSync(join(dir, 'message.age'), armored);
      const age = spawnSync('age', ['-d', '-i', join(dir, 'identity.txt'), join(dir, 'message.age')], {
        encoding: 'utf8',
      });
      expect(age.error).toBeUndefined();
      expect(age.status).toBe(0);
      expect(JSON.parse(age.stdout)).toEqual({ text: '请问隐患具体在哪栋楼？' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // And the library agrees: the armored message is a plain age file.
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(await decrypter.decrypt(armor.decode(armored), 'text')).toContain('哪栋楼');
  });

  it('a wrong receipt reads nothing of the thread', async () => {
    const right = await receiptReplyKey(RECEIPT);
    const wrong = await receiptReplyKey('1234567890123456789012345689');
    const message = {
      date: '2026-12-01',
      from: 'office' as const,
      ciphertext: await encryptMessage({ text: '提问' }, [right.recipient]),
    };
    expect((await readThread([message], [right.identity]))[0]!.body).toEqual({ text: '提问' });
    expect((await readThread([message], [wrong.identity]))[0]!.body).toBeUndefined();
  });
});
