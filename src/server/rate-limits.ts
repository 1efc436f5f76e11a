/**
 * The tip line's per-address rate limits, in one place. Everything that limits takes them from here:
 *
 *   - Netlify: `config.rateLimit` of netlify/functions/tips.mts and challenge.mts. Netlify reads a
 *     function's `config` from its source without running it, so only literals count there: the
 *     numbers are repeated in those files, and tests/deploy/rate-limits.test.ts fails when they differ
 *     from this one;
 *   - nginx: the `limit_req_zone` and `limit_req` lines of deploy/nginx.conf, generated from this file
 *     by `npm run deploy:kit` (scripts/deploy-kit/kit.ts);
 *   - scripts/nginx.ts, which raises them for the benchmark by finding these values in the shipped file.
 */

export interface RateLimit {
  /** Requests allowed per address in each window. */
  perMinute: number;
  /**
   * nginx only: requests over the rate it still answers at once (limit_req burst … nodelay).
   * Netlify counts fixed windows and has no burst.
   */
  burst: number;
}

/** POST /api/tips: sending a tip. */
export const TIPS_RATE_LIMIT: RateLimit = { perMinute: 10, burst: 5 };
/** GET /api/tips/challenge, and the rest of /api/: a proof-of-work challenge. */
export const CHALLENGES_RATE_LIMIT: RateLimit = { perMinute: 30, burst: 10 };

/** Where an over-limit request is rewritten: the function answering 429 with the form's Chinese message. */
export const LIMITED_PATH = '/api/tips/limited';

/** A function's `config.rateLimit` for a limit: what Netlify's edge counts, by address. */
export function netlifyRateLimit(limit: RateLimit) {
  return {
    windowLimit: limit.perMinute,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
    action: 'rewrite',
    to: LIMITED_PATH,
  };
}
