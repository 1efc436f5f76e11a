/**
 * One source for the tip line's rate limits (src/server/rate-limits.ts). Netlify reads a function's
 * `config` from its source, literals only, so the functions repeat the numbers: this fails when they
 * differ from the source. deploy/nginx.conf is generated from it (tests/deploy/kit.test.ts checks
 * the committed file is what the kit makes); here, that it says these numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config as challengeConfig } from '../../netlify/functions/challenge.mts';
import { config as limitedConfig } from '../../netlify/functions/tips-limited.mts';
import { config as tipsConfig } from '../../netlify/functions/tips.mts';
import { substitutedConfig } from '../../scripts/nginx';
import { CHALLENGES_RATE_LIMIT, LIMITED_PATH, netlifyRateLimit, TIPS_RATE_LIMIT } from '../../src/server/rate-limits';

describe('one source for the rate limits', () => {
  it('the functions’ config.rateLimit says what src/server/rate-limits.ts says', () => {
    expect(tipsConfig.rateLimit).toEqual(netlifyRateLimit(TIPS_RATE_LIMIT));
    expect(challengeConfig.rateLimit).toEqual(netlifyRateLimit(CHALLENGES_RATE_LIMIT));
    expect(limitedConfig.path).toBe(LIMITED_PATH);
  });

  it('deploy/nginx.conf counts the same numbers per address', () => {
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    expect(conf).toContain(`zone=nanzhuang_tips:1m rate=${TIPS_RATE_LIMIT.perMinute}r/m;`);
    expect(conf).toContain(`zone=nanzhuang_challenges:1m rate=${CHALLENGES_RATE_LIMIT.perMinute}r/m;`);
    expect(conf).toContain(`limit_req zone=nanzhuang_tips burst=${TIPS_RATE_LIMIT.burst} nodelay;`);
    expect(conf).toContain(`limit_req zone=nanzhuang_challenges burst=${CHALLENGES_RATE_LIMIT.burst} nodelay;`);
  });

  it('the benchmark’s raised limits replace every limit of the shipped file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rates-'));
    try {
      const text = substitutedConfig({
        dir,
        webRoot: dir,
        httpsPort: 1,
        httpPort: 2,
        servicePort: 3,
        rates: { tipsPerMinute: 1000, challengesPerMinute: 2000, burst: 99 },
      });
      expect(text).toContain('zone=nanzhuang_tips:1m rate=1000r/m;');
      expect(text).toContain('zone=nanzhuang_challenges:1m rate=2000r/m;');
      expect(text.match(/burst=(\d+)/g)).toEqual(['burst=99', 'burst=99', 'burst=99']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
