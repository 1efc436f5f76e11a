/**
 * Tip intake under load: N concurrent submissions through the real tip function
 * (netlify/functions/tips.mts) into a real local Netlify Blobs server, each envelope built
 * by the same library code the browser uses (age encryption to the site's recipients, a
 * solved proof-of-work challenge). Then every one of them again, as a client retrying after
 * a lost response would. Nothing may be lost and nothing stored twice.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import handler from '../../netlify/functions/tips.mts';
import { readSite } from '../../src/lib/content/folder';
import { formatIssues } from '../../src/lib/content/issues';
import { sealTip } from '../../src/lib/tips/envelope';
import { POW_DIFFICULTY, issueChallenge } from '../../src/lib/tips/pow';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { generateReceipt } from '../../src/lib/tips/receipt';
import type { Tip, TipEnvelope } from '../../src/schemas/tip';
import { median } from './measure';
import { ROOT } from './projects';

export interface TipIntakeResult {
  submissions: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Submissions answered 201 on the first try. */
  accepted: number;
  /** Submissions missing from the queue afterwards. */
  lost: number;
  /** Queue entries beyond one per submission. */
  duplicated: number;
  /** Retries of every submission that did not get the same success back. */
  retryMismatches: number;
  envelopeBytes: number;
}

export const HMAC_KEY = 'bench-only-hmac-key-0123456789abcdef0123456789abcdef';

/** A tip as a phone sends it: some text and one re-encoded photo of about 150 kB. */
function tip(index: number): Tip {
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(150_000)]);
  return {
    version: 1,
    receipt: generateReceipt(),
    what: `第${index}号测试举报：加油站卸油口旁堆放液化气钢瓶，夜里有人在附近吸烟。`.repeat(3),
    village: '南庄村',
    photos: [{ type: 'image/jpeg', width: 1600, height: 1200, data: photo.toString('base64') }],
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function submit(envelope: TipEnvelope): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const response = await handler(
    new Request('http://localhost/api/tips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    }),
  );
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

/** `count` sealed envelopes, as phones send them, with challenges signed by the bench key. */
export async function prepareEnvelopes(count: number): Promise<TipEnvelope[]> {
  const site = readSite(join(ROOT, 'content'));
  if (!site.ok) throw new Error(formatIssues(site.issues));
  const recipients = site.value.tipRecipients.map((r) => r.recipient);
  // The production cost per attempt, with a counter drawn near zero so preparing the
  // envelopes here does not take minutes; the server's check costs the same either way.
  const difficulty = { ...POW_DIFFICULTY, minCounter: 0, maxCounter: 3 };
  const envelopes: TipEnvelope[] = [];
  for (let i = 0; i < count; i++) {
    const { challenge } = await issueChallenge(HMAC_KEY, { difficulty });
    envelopes.push(await sealTip({ tip: tip(i), recipients, challenge }));
  }
  return envelopes;
}

/** The figures of one run: first answers, retries of them, and the keys stored afterwards. */
export function tally(
  envelopes: readonly TipEnvelope[],
  first: readonly { status: number; body: string; ms: number }[],
  retries: readonly { status: number; body: string }[],
  keys: readonly string[],
): TipIntakeResult {
  const stored = new Set(keys);
  const latencies = first.map((r) => r.ms);
  return {
    submissions: envelopes.length,
    p50Ms: median(latencies),
    p95Ms: percentile(latencies, 95),
    maxMs: Math.max(...latencies),
    accepted: first.filter((r) => r.status === 201).length,
    lost: envelopes.filter((e) => !stored.has(e.submissionId)).length,
    // One key per submission id: any entry beyond those is a duplicate.
    duplicated: keys.length - envelopes.filter((e) => stored.has(e.submissionId)).length,
    retryMismatches: retries.filter((r, i) => r.status !== first[i]!.status || r.body !== first[i]!.body).length,
    envelopeBytes: median(envelopes.map((e) => JSON.stringify(e).length)),
  };
}

export async function measureTipIntake(submissions: number, ready?: TipEnvelope[]): Promise<TipIntakeResult> {
  const directory = await mkdtemp(join(tmpdir(), 'nz-bench-blobs-'));
  const server = new BlobsServer({ directory, token: 'bench-token' });
  const { port } = await server.start();
  const url = `http://localhost:${port}`;
  setEnvironmentContext({ siteID: 'bench-site', token: 'bench-token', edgeURL: url, uncachedEdgeURL: url });
  process.env.TIP_POW_HMAC_KEY = HMAC_KEY;
  try {
    const envelopes = ready ?? (await prepareEnvelopes(submissions));

    const first = await Promise.all(envelopes.map(submit));
    const retries = await Promise.all(envelopes.map(submit));

    const store = getStore({ name: TIPS_STORE, consistency: 'strong' });
    return tally(
      envelopes,
      first,
      retries,
      (await store.list()).blobs.map((b) => b.key),
    );
  } finally {
    delete process.env.TIP_POW_HMAC_KEY;
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  }
}
