import { describe, expect, it } from 'vitest';
import challengeHandler from '../../netlify/functions/challenge.mts';
import tipsHandler from '../../netlify/functions/tips.mts';
import limitedHandler from '../../netlify/functions/tips-limited.mts';
import { buildEnvelope, encryptTip, newSubmissionId } from '../../src/lib/tips/envelope';
import { POW_DIFFICULTY, POW_TTL_SECONDS, solveTipChallenge, type IssuedChallenge } from '../../src/lib/tips/pow';
import type { TipErrorBody } from '../../src/lib/tips/errors';
import { count, developmentRecipients, post, sampleTip, useTipLine } from './support/tip-line';

const blobs = useTipLine();

describe('GET /api/tips/challenge', () => {
  it('issues a signed, short-lived challenge at production difficulty, and its solution is accepted once', async () => {
    const res = await challengeHandler(new Request('http://localhost/api/tips/challenge'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    const issued = (await res.json()) as IssuedChallenge;
    const { parameters } = issued.challenge;
    expect(parameters.algorithm).toBe('PBKDF2/SHA-256');
    expect(parameters.cost).toBe(POW_DIFFICULTY.cost);
    expect(parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.maxCounter).toBe(POW_DIFFICULTY.maxCounter);
    const ttl = parameters.expiresAt! - Date.now() / 1000;
    expect(ttl).toBeGreaterThan(POW_TTL_SECONDS - 30);
    expect(ttl).toBeLessThanOrEqual(POW_TTL_SECONDS);

    let progress = 0;
    const solution = await solveTipChallenge(issued.challenge, { onProgress: (n) => (progress = n) });
    expect(solution!.counter).toBeGreaterThanOrEqual(POW_DIFFICULTY.minCounter);
    expect(solution!.counter).toBeLessThanOrEqual(POW_DIFFICULTY.maxCounter);
    expect(progress).toBeGreaterThan(0);

    const envelope = buildEnvelope({
      submissionId: newSubmissionId(),
      ciphertext: await encryptTip(sampleTip(), await developmentRecipients()),
      challenge: issued.challenge,
      solution: solution!,
    });
    const before = await count(blobs.tips);
    expect((await tipsHandler(post(envelope))).status).toBe(201);
    const replay = { ...envelope, submissionId: newSubmissionId() };
    const refused = await tipsHandler(post(replay));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as TipErrorBody).code).toBe('challenge_used');
    expect(await count(blobs.tips)).toBe(before + 1);
  });

  it('every challenge is different', async () => {
    const get = async () =>
      (await (await challengeHandler(new Request('http://localhost/api/tips/challenge'))).json()) as IssuedChallenge;
    const [a, b] = await Promise.all([get(), get()]);
    expect(a.challenge.parameters.nonce).not.toBe(b.challenge.parameters.nonce);
    expect(a.challenge.signature).not.toBe(b.challenge.signature);
  });

  it('other methods → 405', async () => {
    const res = await challengeHandler(new Request('http://localhost/api/tips/challenge', { method: 'POST' }));
    expect(res.status).toBe(405);
    expect(((await res.json()) as TipErrorBody).code).toBe('method_not_allowed');
  });
});

describe('rate limit rewrite target', () => {
  it('answers 429 with a code and a Chinese message', async () => {
    const res = limitedHandler();
    expect(res.status).toBe(429);
    const body = (await res.json()) as TipErrorBody;
    expect(body.code).toBe('rate_limited');
    expect(body.message).toMatch(/频繁/);
  });
});
