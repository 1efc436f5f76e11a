import type { Config } from '@netlify/functions';
import { CHALLENGES_STORE, sweepSpentChallenges } from '../../src/lib/tips/spent-challenges';
import { TRIAGE_STORE } from '../../src/lib/tip-handling/triage';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { ARCHIVED_STORE, sweepRetention } from '../../src/lib/tips/retention';
import { openTipStore } from '../../src/server/stores/select';

/**
 * Hourly: deletes spent proof-of-work records whose challenge has expired (see
 * src/lib/tips/spent-challenges.ts), and archived tips whose kept days are over (src/lib/tips/retention.ts). Other hosts run the same job with `npm run office -- tips sweep`.
 */
export default async (): Promise<Response> => {
  const { deleted, kept } = await sweepSpentChallenges(await openTipStore(CHALLENGES_STORE));
  console.log(`spent challenges: ${deleted} deleted, ${kept} kept`);
  // Archived items whose kept days are over (their markers carry the day; no setting needed). Items
  // never archived are deleted only by `tips sweep`, which reads tipRetention from site.yaml.
  const swept = await sweepRetention(
    {
      tips: await openTipStore(TIPS_STORE),
      triage: await openTipStore(TRIAGE_STORE),
      archived: await openTipStore(ARCHIVED_STORE),
      challenges: await openTipStore(CHALLENGES_STORE),
    },
    undefined,
  );
  console.log(`archived items past their kept days: ${swept.deletedArchived} deleted`);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
