import { Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { checkAgeHeader, decodeAgeFile } from '../../../src/lib/tips/age-format';
import { bytesToBase64 } from '../../../src/lib/bytes';

const ARMOR_BEGIN_FOR_TEST = '-----BEGIN AGE ENCRYPTED FILE-----';

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

  it('refuses what is not an age file, each for its own reason', async () => {
    const bytes = await encrypted();
    const text = new TextDecoder('latin1').decode(bytes);
    const macEnd = text.indexOf('\n---') + 48;
    const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const mac = `--- ${'A'.repeat(43)}`;
    const payload = 'x'.repeat(40);
    const bad: [string, Uint8Array, string][] = [
      ['empty', new Uint8Array(), 'not an age v1 file'],
      ['plaintext', latin1('{"what":"x"}'), 'not an age v1 file'],
      ['other version', latin1(text.replace('/v1', '/v2')), 'not an age v1 file'],
      ['header only', bytes.subarray(0, macEnd + 1), 'payload too short'],
      ['short payload', bytes.subarray(0, macEnd + 1 + 20), 'payload too short'],
      ['no stanza', latin1(`age-encryption.org/v1\n${mac}\n${payload}`), 'bad MAC line or no recipient'],
      ['bad MAC', latin1(text.replace(/\n--- (\S+)/, '\n--- short')), 'bad MAC line or no recipient'],
      [
        'MAC inside a stanza body',
        latin1(`age-encryption.org/v1\n-> X25519 abc\n${'A'.repeat(64)}\n${mac}\n${payload}`),
        'bad MAC line or no recipient',
      ],
      ['bad stanza line', latin1(`age-encryption.org/v1\n=> X25519 abc\n\n${mac}\n${payload}`), 'bad stanza line'],
      ['bad stanza argument', latin1(`age-encryption.org/v1\n-> X25519 a\tb\n\n${mac}\n${payload}`), 'bad stanza line'],
      ['bad stanza body', latin1(`age-encryption.org/v1\n-> X25519 abc\n!!!!\n${mac}\n${payload}`), 'bad stanza body'],
      [
        'passphrase file',
        latin1(`age-encryption.org/v1\n-> scrypt c2FsdA 18\n\n${mac}\n${payload}`),
        'passphrase-encrypted',
      ],
      ['no MAC line', latin1(`age-encryption.org/v1\n-> X25519 abc\n\n`), 'header not terminated'],
    ];
    for (const [name, file, reason] of bad) expect(checkAgeHeader(file), name).toBe(reason);
    expect(checkAgeHeader(bytes)).toBeUndefined();
    expect(decodeAgeFile('not base64!')).toEqual({ ok: false, reason: 'not base64' });
    expect(decodeAgeFile('-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----')).toEqual({
      ok: false,
      reason: 'not an age v1 file',
    });
    const armoredLines = armor.encode(bytes).split('\n');
    const shortLine = [armoredLines[0], armoredLines[1]!.slice(0, 10), ...armoredLines.slice(2)].join('\n');
    expect(decodeAgeFile(shortLine)).toEqual({ ok: false, reason: 'bad armor' });
    expect(decodeAgeFile(`${ARMOR_BEGIN_FOR_TEST}\n-----END AGE ENCRYPTED FILE-----`)).toEqual({
      ok: false,
      reason: 'bad armor',
    });
  });
});
