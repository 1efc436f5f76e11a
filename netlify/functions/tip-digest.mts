import type { Config } from '@netlify/functions';
import { countUndecided } from '../../src/lib/tip-handling/inbox';
import { TRIAGE_STORE } from '../../src/lib/tip-handling/triage';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { DIGEST_STORE, digestGuide, parseDigestWebhooks, sendTipDigest } from '../../src/lib/tips/digest';
import { ARCHIVED_STORE, countUnarchivedPastCeiling, DEFAULT_UNARCHIVED_MAX_DAYS } from '../../src/lib/tips/retention';
import { openTipStore } from '../../src/server/stores/select';

/**
 * Daily at 09:00 China time (01:00 UTC): posts yesterday's tip count and the number of queued
 * items still undecided, and of items waiting unarchived past the ceiling (the default
 * DEFAULT_UNARCHIVED_MAX_DAYS: a function does not read site.yaml) — only counts — to the robots in TIP_DIGEST_WEBHOOKS (see
 * src/lib/tips/digest.ts), once a day at most (the store `tip-digest` records the day). Other
 * hosts run the same job with `npm run office -- tips digest --send`.
 */
export default async (): Promise<Response> => {
  const hooks = parseDigestWebhooks(process.env);
  if (hooks.length === 0) {
    console.log('tip digest: TIP_DIGEST_WEBHOOKS not set, nothing to do');
    return new Response(null, { status: 204 });
  }
  const tips = await openTipStore(TIPS_STORE);
  const maxDays = DEFAULT_UNARCHIVED_MAX_DAYS;
  const overdue = await countUnarchivedPastCeiling({ tips, archived: await openTipStore(ARCHIVED_STORE) }, maxDays);
  const { day, count, results, alreadySent } = await sendTipDigest(tips, hooks, {
    guide: digestGuide(process.env),
    waiting: await countUndecided(tips, await openTipStore(TRIAGE_STORE)),
    unarchived: { count: overdue, maxDays },
    sent: await openTipStore(DIGEST_STORE),
  });
  if (alreadySent) {
    console.log(`tip digest ${day}: already sent on ${alreadySent}, not posting again`);
    return new Response(null, { status: 204 });
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`tip digest ${day}: ${count} tip(s); sent to ${results.length - failed.length} of ${results.length}`);
  for (const r of failed) console.error(`tip digest: ${r.label}: ${r.error}`);
  return new Response(null, { status: failed.length ? 502 : 204 });
};

export const config: Config = { schedule: '0 1 * * *' };
