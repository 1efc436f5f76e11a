import { base64ToBytes } from '../bytes';

/**
 * Recognises an age v1 encrypted file (https://age-encryption.org/v1) without any key:
 * the host can only check the shape — header line, recipient stanzas, MAC line, and a
 * payload long enough to hold a nonce and one authenticated chunk. What the stanzas
 * wrap, and so who can read the tip, is beyond the host by design.
 */
const INTRO = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const MAX_HEADER = 64 * 1024;
/** 16-byte payload nonce + the 16-byte tag of the (possibly empty) final chunk. */
const MIN_PAYLOAD = 32;

const STANZA_ARG = /^[\x21-\x7e]+$/;
const BODY_LINE = /^[A-Za-z0-9+/]{0,64}$/;
const MAC_LINE = /^--- [A-Za-z0-9+/]{43}$/;

export type AgeFile = { ok: true; bytes: Uint8Array; armored: boolean } | { ok: false; reason: string };

/** Armored text → binary, strictly: 64-column base64 lines between the markers. */
function dearmor(text: string): Uint8Array | undefined {
  const lines = text.trim().replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== ARMOR_BEGIN || lines.at(-1) !== ARMOR_END) return undefined;
  const body = lines.slice(1, -1);
  if (body.length === 0 || body.some((line, i) => line.length > 64 || (i < body.length - 1 && line.length !== 64))) {
    return undefined;
  }
  return base64ToBytes(body.join(''));
}

/** Checks the header of a binary age file; returns a reason when it is not one. */
export function checkAgeHeader(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, MAX_HEADER)));
  if (!head.startsWith(INTRO)) return 'not an age v1 file';
  const lines = head.slice(INTRO.length).split('\n');
  let stanzas = 0;
  let offset = INTRO.length;
  let inBody = false;
  for (const line of lines.slice(0, -1)) {
    offset += line.length + 1;
    if (line.startsWith('---')) {
      if (inBody || stanzas === 0 || !MAC_LINE.test(line)) return 'bad MAC line or no recipient';
      return bytes.length - offset >= MIN_PAYLOAD ? undefined : 'payload too short';
    }
    if (!inBody) {
      const [arrow, type, ...args] = line.split(' ');
      if (arrow !== '->' || !type || !STANZA_ARG.test(type) || !args.every((a) => STANZA_ARG.test(a))) {
        return 'bad stanza line';
      }
      // A passphrase (scrypt) file could not be opened by the office's keys.
      if (type === 'scrypt') return 'passphrase-encrypted';
      stanzas++;
      inBody = true;
      continue;
    }
    if (!BODY_LINE.test(line)) return 'bad stanza body';
    // The last line of a stanza body is shorter than 64 columns (possibly empty).
    if (line.length < 64) inBody = false;
  }
  return 'header not terminated';
}

/** The ciphertext field of an envelope → the binary age file, or why it is not one. */
export function decodeAgeFile(text: string): AgeFile {
  const armored = text.trimStart().startsWith('-----BEGIN');
  const bytes = armored ? dearmor(text) : base64ToBytes(text);
  if (!bytes) return { ok: false, reason: armored ? 'bad armor' : 'not base64' };
  const problem = checkAgeHeader(bytes);
  return problem ? { ok: false, reason: problem } : { ok: true, bytes, armored };
}
