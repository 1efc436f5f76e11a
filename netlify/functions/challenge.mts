import type { Config, Context } from '@netlify/functions';
import { issueChallenge } from '../../src/lib/tips/pow';
import { powHmacKey } from './_lib/config';
import { errorResponse, json } from './_lib/http';

/** GET /api/tips/challenge — a fresh, signed, short-lived proof-of-work challenge. Stores nothing. */
export default async (req: Request, context?: Context): Promise<Response> => {
  if (req.method !== 'GET') return errorResponse('method_not_allowed', { allow: 'GET' });
  const hmacKey = powHmacKey(context);
  if (!hmacKey) return errorResponse('not_configured');
  return json(200, await issueChallenge(hmacKey));
};

export const config: Config = {
  path: '/api/tips/challenge',
  // netlifyRateLimit(CHALLENGES_RATE_LIMIT) of src/server/rate-limits.ts, as literals: Netlify reads this object from
  // the source without running it. tests/deploy/rate-limits.test.ts fails when they differ.
  rateLimit: {
    windowLimit: 30,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
    action: 'rewrite',
    to: '/api/tips/limited',
  },
};
