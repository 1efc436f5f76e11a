/**
 * The hourly scheduled function (netlify/functions/sweep-challenges.mts) and archived tips: an
 * item archived and kept (`tips archive --keep-days`) goes once its kept days are over, with the
 * replay guard's mention of it; a never-archived item stays (the function reads no site.yaml).
 */
import { getStore } from '@netlify/blobs';
import { describe, expect, it } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import sweepHandler from '../../netlify/functions/sweep-challenges.mts';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { ARCHIVED_STORE, archivedMarker } from '../../src/lib/tips/retention';
import { CHALLENGES_STORE, FORGOTTEN_SPENDER } from '../../src/lib/tips/spent-challenges';
import { makeEnvelope, post, useTipLine } from './support/tip-line';

useTipLine();

describe('sweep-challenges: archived items past their kept days', () => {
  it('deletes them and the key the replay guard kept; keeps the rest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const envelope = await makeEnvelope();
      expect((await tipsHandler(post(envelope))).status).toBe(201);
      ids.push(envelope.submissionId);
    }
    const [over, current, never] = ids as [string, string, string];
    const archived = getStore({ name: ARCHIVED_STORE, consistency: 'strong' });
    await archived.setJSON(over, archivedMarker('2000-01-01', '2000-01-08'));
    await archived.setJSON(current, archivedMarker('2000-01-01', '2999-12-31'));

    expect((await sweepHandler()).status).toBe(204);

    const tips = getStore({ name: TIPS_STORE, consistency: 'strong' });
    const left = (await tips.list()).blobs.map((b) => b.key);
    expect(left).not.toContain(over);
    expect(left).toEqual(expect.arrayContaining([current, never]));
    expect((await archived.list()).blobs.map((b) => b.key)).toEqual([current]);
    const challenges = getStore({ name: CHALLENGES_STORE, consistency: 'strong' });
    const spenders = await Promise.all(
      (await challenges.list()).blobs.map(({ key }) => challenges.get(key, { type: 'text' })),
    );
    expect(spenders).not.toContain(over);
    expect(spenders).toContain(FORGOTTEN_SPENDER);
    expect(spenders).toEqual(expect.arrayContaining([current, never]));
  });
});
