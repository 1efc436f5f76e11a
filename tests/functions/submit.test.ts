/**
 * The tip form's submit protocol (src/lib/tips/submit.ts) driven against the real tip
 * function on a real local Blobs store, through an injected fetch that hands each request to
 * the handler. The challenge endpoint signs with the function's key at test difficulty (one
 * test uses the real challenge function at production difficulty). Fakes only where the
 * network itself fails: a request that never arrives, an answer that never comes back.
 */
import { Decrypter } from 'age-encryption';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import challengeHandler from '../../netlify/functions/challenge.mts';
import tipsHandler from '../../netlify/functions/tips.mts';
import limitedHandler from '../../netlify/functions/tips-limited.mts';
import { encryptTip } from '../../src/lib/tips/envelope';
import { receiptReplyKey } from '../../src/lib/tips/reply-key';
import { TIP_ERRORS } from '../../src/lib/tips/errors';
import { issueChallenge, solveTipChallenge, type PowDifficulty } from '../../src/lib/tips/pow';
import {
  CHALLENGE_PATH,
  TIPS_PATH,
  createTipSubmitter,
  type SubmitDeps,
  type SubmitStep,
  type Submission,
} from '../../src/lib/tips/submit';
import { Tip, TipEnvelope } from '../../src/schemas/tip';
import { t } from '../../src/i18n/zh-CN';
import {
  CHEAP,
  TEST_HMAC_KEY,
  count,
  developmentIdentity,
  developmentRecipients,
  sampleTip,
  useTipLine,
} from './support/tip-line';

const blobs = useTipLine();
let recipients: string[];
beforeAll(async () => {
  recipients = await developmentRecipients();
});

type Handler = (req: Request) => Promise<Response>;

/** Signed with the function's key, so the function verifies it as its own; cheap to solve. */
const challenge =
  (options: { key?: string; difficulty?: PowDifficulty; expiresAt?: () => Date } = {}): Handler =>
  async () =>
    Response.json(
      await issueChallenge(options.key ?? TEST_HMAC_KEY, {
        difficulty: options.difficulty ?? CHEAP,
        ...(options.expiresAt ? { expiresAt: options.expiresAt() } : {}),
      }),
    );

/** The request never reaches the site, or the site's answer never reaches the phone. */
type Fault = 'unreachable' | 'lost';

/** The site as the form sees it, with a log of what was asked and scripted faults. */
class Site {
  readonly requests: { path: string; body?: string }[] = [];
  routes: Record<string, Handler> = { [CHALLENGE_PATH]: challenge(), [TIPS_PATH]: (req) => tipsHandler(req) };
  /** Per path, consumed one per request; `undefined` lets a request through. */
  readonly faults: Record<string, (Fault | undefined)[]> = {};
  /** Per path, handlers for the next requests, before `routes`. */
  readonly once: Record<string, Handler[]> = {};

  readonly fetch = async (path: string, init: RequestInit): Promise<Response> => {
    const request = new Request(new URL(path, 'https://tips.example'), init);
    this.requests.push({ path, ...(typeof init.body === 'string' ? { body: init.body } : {}) });
    const fault = this.faults[path]?.shift();
    if (fault === 'unreachable') throw new TypeError('fetch failed');
    const handler = this.once[path]?.shift() ?? this.routes[path];
    if (!handler) return new Response('Not found', { status: 404 });
    const response = await handler(request);
    if (fault === 'lost') {
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return response;
  };

  posts(): string[] {
    return this.requests.filter((r) => r.path === TIPS_PATH).map((r) => r.body!);
  }
  challenges(): number {
    return this.requests.filter((r) => r.path === CHALLENGE_PATH).length;
  }
}

/** A submitter on `site` with the real encrypter and solver, counting their calls. */
function submitterFor(site: Site, deps: Partial<SubmitDeps> = {}) {
  const calls = { encrypt: 0, solve: 0 };
  const submitter = createTipSubmitter({
    fetch: site.fetch,
    encrypt: async (tip) => {
      calls.encrypt++;
      return encryptTip(tip, recipients);
    },
    solve: async (issued, onProgress) => {
      calls.solve++;
      return solveTipChallenge(issued.challenge, { onProgress: (n) => onProgress(n / issued.maxCounter) });
    },
    ...deps,
  });
  return { submitter, calls };
}

const tipOf = (submission: Submission, what?: string): Tip => ({ ...sampleTip(what), receipt: submission.receipt });

/**
 * The queued tip under this id, decrypted with the development identity, as the form filled it
 * in: sealing made it version 2 with the reply key of its receipt, checked here and taken off.
 */
async function queued(id: string): Promise<Tip | undefined> {
  const bytes = await blobs.tips.get(id, { type: 'arrayBuffer', consistency: 'strong' });
  if (!bytes) return undefined;
  const decrypter = new Decrypter();
  decrypter.addIdentity(await developmentIdentity());
  const sealed = Tip.parse(JSON.parse(await decrypter.decrypt(new Uint8Array(bytes), 'text')));
  if (sealed.version !== 2) throw new Error('not sealed with a reply key');
  const { replyTo, ...fields } = sealed;
  expect(replyTo).toBe((await receiptReplyKey(sealed.receipt)).recipient);
  return { ...fields, version: 1 };
}

const envelopeOf = (body: string) => TipEnvelope.parse(JSON.parse(body));

describe('success', () => {
  it('encrypts, fetches a challenge, solves, sends: the tip is queued under the submission id', async () => {
    const site = new Site();
    const { submitter, calls } = submitterFor(site);
    const steps: SubmitStep[] = [];
    const progress: number[] = [];
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `success-${Date.now()}`);
    const before = await count(blobs.tips);

    const outcome = await submitter.submit(submission, tip, {
      onStep: (step) => steps.push(step),
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(outcome).toEqual({
      ok: true,
      submissionId: submission.id,
      receipt: submission.receipt,
      received: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
    });
    expect(steps).toEqual(['encrypting', 'challenge', 'solving', 'sending']);
    expect(progress[0]).toBe(0);
    expect(calls).toEqual({ encrypt: 1, solve: 1 });
    expect(site.challenges()).toBe(1);
    expect(site.posts()).toHaveLength(1);
    expect(envelopeOf(site.posts()[0]!).submissionId).toBe(submission.id);
    expect(await count(blobs.tips)).toBe(before + 1);
    expect(await queued(submission.id)).toEqual(tip);
  });

  it('a submission is done once accepted: the same content again is a new submission', async () => {
    const site = new Site();
    const { submitter } = submitterFor(site);
    const first = submitter.prepare('form A');
    expect((await submitter.submit(first, tipOf(first))).ok).toBe(true);
    const second = submitter.prepare('form A');
    expect(second.id).not.toBe(first.id);
    expect(second.receipt).not.toBe(first.receipt);
    expect(second.ciphertext).toBeUndefined();
  });

  it('works with the real challenge function at production difficulty', { timeout: 120_000 }, async () => {
    const site = new Site();
    site.routes[CHALLENGE_PATH] = (req) => challengeHandler(req);
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `production-difficulty-${Date.now()}`);
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: true, submissionId: submission.id });
    expect(await queued(submission.id)).toEqual(tip);
  });
});

describe('prepare', () => {
  it('keeps one submission while the content is unchanged and starts a new one when it changes', () => {
    const { submitter } = submitterFor(new Site());
    const a = submitter.prepare('form A');
    expect(submitter.prepare('form A')).toBe(a);
    const b = submitter.prepare('form B');
    expect(b.id).not.toBe(a.id);
    expect(b.receipt).not.toBe(a.receipt);
    expect(submitter.prepare('form A')).not.toBe(a);
  });

  it('refuses a tip that does not carry the receipt of its submission', async () => {
    const site = new Site();
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    await expect(submitter.submit(submission, sampleTip())).rejects.toThrow(/receipt/);
    expect(site.requests).toEqual([]);
  });
});

describe('network errors, then a retry of the same submission', () => {
  it('answer lost after the tip was queued: the retry sends the identical bytes and gets the same success, one tip', async () => {
    const site = new Site();
    site.faults[TIPS_PATH] = ['lost'];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `lost-answer-${Date.now()}`);
    const before = await count(blobs.tips);

    const failed = await submitter.submit(submission, tip);
    expect(failed).toEqual({ ok: false, code: 'network', message: t('report.networkError') });
    expect(await count(blobs.tips)).toBe(before + 1);

    const steps: SubmitStep[] = [];
    const again = submitter.prepare('form A');
    expect(again).toBe(submission);
    const retried = await submitter.submit(again, tip, { onStep: (step) => steps.push(step) });
    expect(retried).toMatchObject({ ok: true, submissionId: submission.id, receipt: submission.receipt });
    // No new encryption, no new challenge: the very same request body.
    expect(steps).toEqual(['sending']);
    expect(calls).toEqual({ encrypt: 1, solve: 1 });
    const [first, second] = site.posts();
    expect(second).toBe(first);
    expect(await count(blobs.tips)).toBe(before + 1);
    expect(await queued(submission.id)).toEqual(tip);
  });

  it('request never arrived: the retry sends the same id and ciphertext, and the tip is queued once', async () => {
    const site = new Site();
    site.faults[TIPS_PATH] = ['unreachable'];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `unreachable-${Date.now()}`);
    const before = await count(blobs.tips);

    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: false, code: 'network' });
    expect(await count(blobs.tips)).toBe(before);
    expect(await submitter.submit(submitter.prepare('form A'), tip)).toMatchObject({ ok: true });
    expect(calls).toEqual({ encrypt: 1, solve: 1 });
    const [first, second] = site.posts().map(envelopeOf);
    expect(second!.submissionId).toBe(first!.submissionId);
    expect(second!.ciphertext).toBe(first!.ciphertext);
    expect(await count(blobs.tips)).toBe(before + 1);
  });

  it('challenge unreachable: fails as a network error; the retry keeps the ciphertext and fetches a challenge', async () => {
    const site = new Site();
    site.faults[CHALLENGE_PATH] = ['unreachable'];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission);

    expect(await submitter.submit(submission, tip)).toEqual({
      ok: false,
      code: 'network',
      message: t('report.networkError'),
    });
    expect(site.posts()).toEqual([]);
    const ciphertext = submission.ciphertext;
    expect(ciphertext).toBeDefined();

    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: true });
    expect(submission.ciphertext).toBe(ciphertext);
    expect(calls).toEqual({ encrypt: 1, solve: 1 });
    expect(site.challenges()).toBe(2);
  });

  it('an answer that is not a challenge counts as a network error', async () => {
    const site = new Site();
    site.once[CHALLENGE_PATH] = [() => Promise.resolve(new Response('<html>登录 Wi-Fi</html>', { status: 200 }))];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    expect(await submitter.submit(submission, tipOf(submission))).toMatchObject({ ok: false, code: 'network' });
    expect(calls.solve).toBe(0);
  });

  it('a 201 whose body does not arrive whole counts as a network error; the retry gets the success', async () => {
    const site = new Site();
    site.once[TIPS_PATH] = [
      async (req) => {
        const real = await tipsHandler(req);
        expect(real.status).toBe(201);
        return new Response('{"ok":tr', { status: 201 });
      },
    ];
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission);
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: false, code: 'network' });
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: true, submissionId: submission.id });
    expect(new Set(site.posts()).size).toBe(1);
  });
});

describe('409: a different tip under the same submission id', () => {
  it('is refused with its Chinese message, and the next attempt is a new submission that goes through', async () => {
    const site = new Site();
    const shared = crypto.randomUUID();
    // Two submitters that draw the same id: the second content collides with the first.
    const ids = (first: string) => {
      let used = false;
      return () => (used ? crypto.randomUUID() : ((used = true), first));
    };
    const earlier = submitterFor(site, { newId: ids(shared) }).submitter;
    const first = earlier.prepare('form A');
    expect(await earlier.submit(first, tipOf(first, '先前的举报'))).toMatchObject({ ok: true });

    const { submitter, calls } = submitterFor(site, { newId: ids(shared) });
    const colliding = submitter.prepare('form B');
    expect(colliding.id).toBe(shared);
    const conflict = await submitter.submit(colliding, tipOf(colliding, '另一条举报'));
    expect(conflict).toEqual({
      ok: false,
      code: 'submission_conflict',
      message: TIP_ERRORS.submission_conflict.message,
      status: 409,
    });

    // Reset: same content, new id, new receipt, new ciphertext.
    const fresh = submitter.prepare('form B');
    expect(fresh).not.toBe(colliding);
    expect(fresh.id).not.toBe(shared);
    expect(fresh.receipt).not.toBe(colliding.receipt);
    const tip = tipOf(fresh, '另一条举报');
    expect(await submitter.submit(fresh, tip)).toMatchObject({ ok: true, submissionId: fresh.id });
    expect(calls.encrypt).toBe(2);
    expect(await queued(fresh.id)).toEqual(tip);
    expect((await queued(shared))?.what).toBe('先前的举报');
  });
});

describe('challenges the function refuses: one fresh challenge, same submission', () => {
  const expired = challenge({ expiresAt: () => new Date(Date.now() - 60_000) });
  const foreign = challenge({ key: 'not-the-function-key-0123456789abcdef-0123456789' });

  it('expired: fetches a new challenge, solves it, and sends the same id and ciphertext', async () => {
    const site = new Site();
    site.once[CHALLENGE_PATH] = [expired];
    const { submitter, calls } = submitterFor(site);
    const steps: SubmitStep[] = [];
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `expired-${Date.now()}`);

    const outcome = await submitter.submit(submission, tip, { onStep: (step) => steps.push(step) });
    expect(outcome).toMatchObject({ ok: true, submissionId: submission.id });
    expect(steps).toEqual(['encrypting', 'challenge', 'solving', 'sending', 'challenge', 'solving', 'sending']);
    expect(calls).toEqual({ encrypt: 1, solve: 2 });
    const [first, second] = site.posts().map(envelopeOf);
    expect(second!.submissionId).toBe(first!.submissionId);
    expect(second!.ciphertext).toBe(first!.ciphertext);
    expect(second!.pow.challenge.signature).not.toBe(first!.pow.challenge.signature);
    expect(await queued(submission.id)).toEqual(tip);
  });

  it('expired twice: retries once only, then shows the Chinese reason and keeps the submission', async () => {
    const site = new Site();
    site.routes[CHALLENGE_PATH] = expired;
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const outcome = await submitter.submit(submission, tipOf(submission));
    expect(outcome).toEqual({
      ok: false,
      code: 'challenge_expired',
      message: TIP_ERRORS.challenge_expired.message,
      status: 400,
    });
    expect(site.challenges()).toBe(2);
    expect(site.posts()).toHaveLength(2);
    expect(calls.solve).toBe(2);
    expect(submitter.prepare('form A')).toBe(submission);
    expect(submission.pow).toBeUndefined();
  });

  it('invalid (not signed by the function): one fresh challenge, which goes through', async () => {
    const site = new Site();
    site.once[CHALLENGE_PATH] = [foreign];
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    expect(await submitter.submit(submission, tipOf(submission))).toMatchObject({ ok: true });
    expect(site.challenges()).toBe(2);
  });

  it('invalid twice: challenge_invalid with its Chinese message', async () => {
    const site = new Site();
    site.routes[CHALLENGE_PATH] = foreign;
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    expect(await submitter.submit(submission, tipOf(submission))).toEqual({
      ok: false,
      code: 'challenge_invalid',
      message: TIP_ERRORS.challenge_invalid.message,
      status: 400,
    });
    expect(site.challenges()).toBe(2);
  });

  it('already spent by another tip: one fresh challenge, which goes through', async () => {
    const site = new Site();
    const issued: unknown = await (await challenge()(new Request('https://tips.example/'))).json();
    const same: Handler = () => Promise.resolve(Response.json(issued));
    site.once[CHALLENGE_PATH] = [same, same];
    const { submitter } = submitterFor(site);
    const a = submitter.prepare('form A');
    expect(await submitter.submit(a, tipOf(a))).toMatchObject({ ok: true });
    const b = submitter.prepare('form B');
    expect(await submitter.submit(b, tipOf(b))).toMatchObject({ ok: true, submissionId: b.id });
    expect(site.challenges()).toBe(3);
    // B's first attempt carried A's challenge (refused as used), its second a fresh one.
    const [ofA, spent, fresh] = site.posts().map(envelopeOf);
    expect(spent!.pow.challenge.signature).toBe(ofA!.pow.challenge.signature);
    expect(fresh!.pow.challenge.signature).not.toBe(ofA!.pow.challenge.signature);
    expect(fresh!.ciphertext).toBe(spent!.ciphertext);
  });

  it('a kept challenge past its expiry by the clock is not sent again: a fresh one is fetched first', async () => {
    const site = new Site();
    site.faults[TIPS_PATH] = ['unreachable'];
    let now = Date.now();
    const { submitter, calls } = submitterFor(site, { now: () => now });
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission);
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: false, code: 'network' });

    // Twenty minutes later the informant retries: the 15-minute challenge is dropped before sending.
    now += 20 * 60_000;
    const steps: SubmitStep[] = [];
    expect(await submitter.submit(submission, tip, { onStep: (step) => steps.push(step) })).toMatchObject({
      ok: true,
    });
    expect(steps).toEqual(['challenge', 'solving', 'sending']);
    expect(calls).toEqual({ encrypt: 1, solve: 2 });
    expect(site.posts()).toHaveLength(2);
  });
});

describe('other refusals keep the submission and show a Chinese reason', () => {
  afterEach(() => {
    // Restores the Blobs context a test may have pointed elsewhere.
    if (savedBlobsContext !== undefined) process.env.NETLIFY_BLOBS_CONTEXT = savedBlobsContext;
    savedBlobsContext = undefined;
  });
  let savedBlobsContext: string | undefined;

  it('429 from the rate limiter on the challenge: its message; nothing solved or sent', async () => {
    const site = new Site();
    site.once[CHALLENGE_PATH] = [() => Promise.resolve(limitedHandler())];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    expect(await submitter.submit(submission, tipOf(submission))).toEqual({
      ok: false,
      code: 'rate_limited',
      message: TIP_ERRORS.rate_limited.message,
      status: 429,
    });
    expect(calls.solve).toBe(0);
    expect(site.posts()).toEqual([]);
  });

  it('429 from the rate limiter on the tip: the retry resends the same bytes and goes through', async () => {
    const site = new Site();
    site.once[TIPS_PATH] = [() => Promise.resolve(limitedHandler())];
    const { submitter, calls } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission);
    expect(await submitter.submit(submission, tip)).toMatchObject({
      ok: false,
      code: 'rate_limited',
      message: TIP_ERRORS.rate_limited.message,
    });
    expect(await submitter.submit(submitter.prepare('form A'), tip)).toMatchObject({ ok: true });
    expect(calls).toEqual({ encrypt: 1, solve: 1 });
    expect(new Set(site.posts()).size).toBe(1);
  });

  it('503 storage_failed from the function (its store unreachable): its message; the retry goes through', async () => {
    const site = new Site();
    const { submitter } = submitterFor(site);
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission, `storage-${Date.now()}`);
    savedBlobsContext = process.env.NETLIFY_BLOBS_CONTEXT;
    const context = JSON.parse(Buffer.from(savedBlobsContext!, 'base64').toString('utf8')) as Record<string, unknown>;
    const dead = { ...context, edgeURL: 'http://127.0.0.1:9', uncachedEdgeURL: 'http://127.0.0.1:9' };
    process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify(dead)).toString('base64');

    expect(await submitter.submit(submission, tip)).toEqual({
      ok: false,
      code: 'storage_failed',
      message: TIP_ERRORS.storage_failed.message,
      status: 503,
    });

    process.env.NETLIFY_BLOBS_CONTEXT = savedBlobsContext;
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: true, submissionId: submission.id });
    expect(await queued(submission.id)).toEqual(tip);
  });

  it('answers that are not the function’s own: platform 429 and 413, a proxy’s 502', async () => {
    const cases: [number, string, string][] = [
      [429, 'rate_limited', TIP_ERRORS.rate_limited.message],
      [413, 'too_large', TIP_ERRORS.too_large.message],
      [502, 'unknown', '服务器暂时无法处理（错误 502）。请稍后点“重新提交”，或改用电话、邮箱举报。'],
    ];
    for (const [status, code, message] of cases) {
      const site = new Site();
      site.once[TIPS_PATH] = [() => Promise.resolve(new Response('<html>Bad gateway</html>', { status }))];
      const { submitter } = submitterFor(site);
      const submission = submitter.prepare('form A');
      expect(await submitter.submit(submission, tipOf(submission))).toEqual({ ok: false, code, message, status });
      expect(submitter.prepare('form A')).toBe(submission);
    }
  });

  it('an envelope over the size limit is not sent', async () => {
    const site = new Site();
    const { submitter } = submitterFor(site, { encrypt: () => Promise.resolve(new Uint8Array(4 * 1024 * 1024)) });
    const submission = submitter.prepare('form A');
    expect(await submitter.submit(submission, tipOf(submission))).toEqual({
      ok: false,
      code: 'too_large',
      message: TIP_ERRORS.too_large.message,
    });
    expect(site.posts()).toEqual([]);
  });

  it('a proof of work not solved in time: nothing is sent; the retry fetches a new challenge', async () => {
    const site = new Site();
    let solves = 0;
    const { submitter } = submitterFor(site, {
      solve: async (issued) => (++solves === 1 ? null : solveTipChallenge(issued.challenge)),
    });
    const submission = submitter.prepare('form A');
    const tip = tipOf(submission);
    expect(await submitter.submit(submission, tip)).toEqual({
      ok: false,
      code: 'unsolved',
      message: t('report.networkError'),
    });
    expect(site.posts()).toEqual([]);
    expect(await submitter.submit(submission, tip)).toMatchObject({ ok: true });
    expect(site.challenges()).toBe(2);
  });
});
