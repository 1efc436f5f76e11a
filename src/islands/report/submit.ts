import { TIP_ERRORS, type TipErrorCode } from '../../lib/tips/errors';
import type { IssuedChallenge } from '../../lib/tips/pow';
import type { TipEnvelope } from '../../schemas/tip';
import { t } from '../../i18n/zh-CN';
import { tf } from '../format';
import { sitePath } from '../../lib/site-path';

/** Talking to /api/tips: same origin, no credentials, no cache, no referrer. */
const INIT: RequestInit = { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };

export type Outcome =
  { ok: true; received: string } | { ok: false; code: TipErrorCode | 'network' | 'unknown'; message: string };

const known = (code: unknown): code is TipErrorCode => typeof code === 'string' && code in TIP_ERRORS;

/** Any non-success response → a code and a Chinese message, even when the body is not ours (e.g. a platform 429). */
async function failure(res: Response): Promise<Outcome> {
  const body = (await res.json().catch(() => undefined)) as { code?: unknown; message?: unknown } | undefined;
  if (known(body?.code) && typeof body.message === 'string')
    return { ok: false, code: body.code, message: body.message };
  if (res.status === 429) return { ok: false, code: 'rate_limited', message: TIP_ERRORS.rate_limited.message };
  if (res.status === 413) return { ok: false, code: 'too_large', message: TIP_ERRORS.too_large.message };
  return { ok: false, code: 'unknown', message: tf('report.unknownError', { status: res.status }) };
}

const offline = (): Outcome => ({ ok: false, code: 'network', message: t('report.networkError') });

export async function fetchChallenge(): Promise<IssuedChallenge | Outcome> {
  try {
    const res = await fetch(sitePath('/api/tips/challenge'), INIT);
    if (!res.ok) return failure(res);
    return (await res.json()) as IssuedChallenge;
  } catch {
    return offline();
  }
}

export async function postEnvelope(envelope: TipEnvelope): Promise<Outcome> {
  try {
    const res = await fetch(sitePath('/api/tips'), {
      ...INIT,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    });
    if (res.status === 201) {
      const body = (await res.json()) as { received?: string };
      return { ok: true, received: body.received ?? '' };
    }
    return failure(res);
  } catch {
    return offline();
  }
}
