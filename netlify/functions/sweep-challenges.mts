import type { Config } from '@netlify/functions';
import { getStore } from '@netlify/blobs';
import { CHALLENGES_STORE, sweepSpentChallenges } from '../../src/lib/tips/spent-challenges';

/**
 * Hourly: deletes spent proof-of-work records whose challenge has expired (see
 * src/lib/tips/spent-challenges.ts). Other hosts run the same job with `npm run office -- tips sweep`.
 */
export default async (): Promise<Response> => {
  const { deleted, kept } = await sweepSpentChallenges(getStore({ name: CHALLENGES_STORE, consistency: 'strong' }));
  console.log(`spent challenges: ${deleted} deleted, ${kept} kept`);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
