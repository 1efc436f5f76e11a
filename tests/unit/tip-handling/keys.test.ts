import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { formatIdentityFile, isInside } from '../../../src/lib/tip-handling/keys';
import { identitiesFromFile } from '../../../src/lib/tips/open';

describe('identity files', () => {
  it('are written the way age-keygen writes them and read back', async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const text = formatIdentityFile(identity, recipient, new Date('2023-06-01T08:00:00.123Z'));
    expect(text.split('\n').slice(0, 2)).toEqual(['# created: 2023-06-01T08:00:00Z', `# public key: ${recipient}`]);
    expect(identitiesFromFile(text)).toEqual([identity]);
  });

  it('let each of two office members read a tip sent to both', async () => {
    const a = await generateX25519Identity();
    const b = await generateX25519Identity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(a));
    encrypter.addRecipient(await identityToRecipient(b));
    const ciphertext = await encrypter.encrypt('举报内容');
    for (const identity of [a, b]) {
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      expect(await decrypter.decrypt(ciphertext, 'text')).toBe('举报内容');
    }
  });
});

describe('isInside', () => {
  it('tells paths inside a folder from those beside it', () => {
    expect(isInside('/work/main/keys', '/work/main')).toBe(true);
    expect(isInside('/work/main', '/work/main')).toBe(true);
    expect(isInside('/work/main-keys', '/work/main')).toBe(false);
    expect(isInside('/work', '/work/main')).toBe(false);
    expect(isInside('/home/clerk/..data', '/home/clerk')).toBe(true);
  });
});
