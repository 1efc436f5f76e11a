import type { Config, Context } from '@netlify/functions';
import { receiveEnvelope } from '../../src/lib/tips/intake';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { CHALLENGES_STORE } from '../../src/lib/tips/spent-challenges';
import { openTipStore } from '../../src/server/stores/select';
import { powHmacKey } from './_lib/config';
import { BodyTooLarge, errorResponse, isJsonContentType, json, readCappedText } from './_lib/http';

/**
 * POST /api/tips — queues one encrypted tip (see src/lib/tips/intake.ts for the rules and
 * src/lib/tips/queue.ts for what is stored). Reads nothing from the request but its
 * method, content type, length and body: no IP, no user agent, no other header, no log
 * of any of them.
 */
export default async (req: Request, context?: Context): Promise<Response> => {
  if (req.method !== 'POST') return errorResponse('method_not_allowed', { allow: 'POST' });
  if (!isJsonContentType(req.headers.get('content-type'))) return errorResponse('unsupported_media_type');

  let text: string;
  try {
    text = await readCappedText(req);
  } catch (error) {
    return errorResponse(error instanceof BodyTooLarge ? 'too_large' : 'invalid_json');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorResponse('invalid_json');
  }

  const hmacKey = powHmacKey(context);
  if (!hmacKey) return errorResponse('not_configured');
  try {
    const result = await receiveEnvelope(body, {
      // Netlify Blobs unless TIP_STORE names another store (self-hosting, see docs/deploying.md).
      tips: await openTipStore(TIPS_STORE),
      challenges: await openTipStore(CHALLENGES_STORE),
      hmacKey,
    });
    return json(result.status, result.body);
  } catch (error) {
    // The message only: never the request or the envelope.
    console.error('tip queue write failed:', error instanceof Error ? error.message : 'unknown error');
    return errorResponse('storage_failed');
  }
};

export const config: Config = {
  path: '/api/tips',
  // Netlify's limiter counts by IP at the edge (see docs/threat-model.md); over the
  // limit, the request is rewritten to tips-limited, which answers 429 in Chinese.
  // netlifyRateLimit(TIPS_RATE_LIMIT) of src/server/rate-limits.ts, as literals: Netlify reads this object from
  // the source without running it. tests/deploy/rate-limits.test.ts fails when they differ.
  rateLimit: {
    windowLimit: 10,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
    action: 'rewrite',
    to: '/api/tips/limited',
  },
};
