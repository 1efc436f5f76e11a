import { MAX_ENVELOPE_BYTES } from '../../../src/schemas/tip';
import { tipError, type TipErrorCode } from '../../../src/lib/tips/errors';

/**
 * HTTP helpers shared by the tip functions. Responses carry their own security headers
 * (netlify.toml [[headers]] apply to static files only) and never set a cookie.
 */
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

export function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
}

export function errorResponse(code: TipErrorCode, extra: Record<string, string> = {}): Response {
  const { status, body } = tipError(code);
  return json(status, body, extra);
}

/** `application/json`, optionally with `charset=utf-8` — nothing else. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && params.every((p) => p === 'charset=utf-8' || p === '');
}

export class BodyTooLarge extends Error {}

const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Reads the body as UTF-8 text, refusing more than `limit` bytes without buffering them, and
 * refusing invalid UTF-8 however the body was handed over: invalid bytes fail the fatal decoder,
 * and U+FFFD — what a lenient runtime puts in their place (Netlify's local function runtime
 * decodes JSON bodies that way) — is refused too. An envelope never carries one.
 */
export async function readCappedText(req: Request, limit = MAX_ENVELOPE_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new BodyTooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (text.includes(REPLACEMENT_CHARACTER)) throw new TypeError('U+FFFD: bytes lost in decoding');
  return text;
}
