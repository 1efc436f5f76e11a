import { Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { checkAgeHeader, decodeAgeFile } from '../../../src/lib/tips/age-format';
import { bytesToBase64 } from '../../../src/lib/tips/base64';

async function encrypted(recipients = 1, text = 'tip') {
  const encrypter = new Encrypter();
  for (let i = 0; i < recipients; i++) encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
  return encrypter.encrypt(text);
}

describe('age file recognition', () => {
  it('accepts real age files, binary (base64) or armored, with one or several recipients', async () => {
    for (const n of [1, 3]) {
      const bytes = await encrypted(n);
      expect(decodeAgeFile(bytesToBase64(bytes))).toMatchObject({ ok: true, armored: false });
      const armoredFile = decodeAgeFile(armor.encode(bytes));
      expect(armoredFile).toMatchObject({ ok: true, armored: true });
      expect(armoredFile.ok && armoredFile.bytes).toEqual(bytes);
    }
  });

  it('refuses what is not an age file', async () => {
    const bytes = await encrypted();
    const text = new TextDecoder('latin1').decode(bytes);
    const macEnd = text.indexOf('\n---') + 48;
    const bad: [string, Uint8Array][] = [
      ['empty', new Uint8Array()],
      ['plaintext', new TextEncoder().encode('{"what":"x"}')],
      ['other version', new TextEncoder().encode(text.replace('/v1', '/v2'))],
      ['header only', bytes.subarray(0, macEnd + 1)],
      ['short payload', bytes.subarray(0, macEnd + 1 + 20)],
      ['no stanza', new TextEncoder().encode(`age-encryption.org/v1\n--- ${'A'.repeat(43)}\n${'x'.repeat(40)}`)],
      ['bad MAC', new TextEncoder().encode(text.replace(/\n--- (\S+)/, '\n--- short'))],
    ];
    for (const [name, file] of bad) expect(checkAgeHeader(file), name).toBeDefined();
    expect(decodeAgeFile('not base64!').ok).toBe(false);
    expect(decodeAgeFile('-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----').ok).toBe(false);
  });
});
