import type { Config } from '@netlify/functions';
import { CHALLENGES_STORE, sweepSpentChallenges } from '../../src/lib/tips/spent-challenges';
import { openTipStore } from '../../src/server/stores/select';

/**
 * Hourly: deletes spent proof-of-work records whose challenge has expired (see
 * src/lib/tips/spent-challenges.ts). Other hosts run the same job with `npm run office -- tips sweep`.
 */
export default async (): Promise<Response> => {
  const { deleted, kept } = await sweepSpentChallenges(await openTipStore(CHALLENGES_STORE));
  console.log(`spent challenges: ${deleted} deleted, ${kept} kept`);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
