/**
 * A real local Netlify Blobs server for the tip function tests, plus helpers that build
 * envelopes with the same library code the browser uses.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { parse } from 'yaml';
import type { PowDifficulty } from '../../../src/lib/tips/pow';
import { issueChallenge } from '../../../src/lib/tips/pow';
import { sealTip } from '../../../src/lib/tips/envelope';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import { TIPS_STORE } from '../../../src/lib/tips/queue';
import { CHALLENGES_STORE } from '../../../src/lib/tips/spent-challenges';
import type { Tip, TipEnvelope } from '../../../src/schemas/tip';

export const TEST_HMAC_KEY = 'test-only-hmac-key-for-the-tip-function-0123456789';
/** Cheap but real: the function verifies any challenge signed with its key. */
export const CHEAP: PowDifficulty = { cost: 1, minCounter: 0, maxCounter: 3 };

export interface BlobsFixture {
  directory: string;
  tips: ReturnType<typeof getStore>;
  challenges: ReturnType<typeof getStore>;
  stop(): Promise<void>;
}

export async function startBlobs(): Promise<BlobsFixture> {
  const directory = await mkdtemp(join(tmpdir(), 'tips-blobs-'));
  const server = new BlobsServer({ directory, token: 'test-token' });
  const { port } = await server.start();
  const url = `http://localhost:${port}`;
  setEnvironmentContext({ siteID: 'test-site', token: 'test-token', edgeURL: url, uncachedEdgeURL: url });
  return {
    directory,
    tips: getStore({ name: TIPS_STORE, consistency: 'strong' }),
    challenges: getStore({ name: CHALLENGES_STORE, consistency: 'strong' }),
    async stop() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export async function count(store: ReturnType<typeof getStore>): Promise<number> {
  return (await store.list()).blobs.length;
}

/** The development recipient of content/site.yaml (its private half is in tests/fixtures/). */
export async function developmentRecipients(): Promise<string[]> {
  const site = parse(await readFile('content/site.yaml', 'utf8')) as { tipRecipients: { recipient: string }[] };
  return site.tipRecipients.map((r) => r.recipient);
}

export async function developmentIdentity(): Promise<string> {
  const text = await readFile('tests/fixtures/development-identity.txt', 'utf8');
  return text.split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-'))!;
}

export function sampleTip(what = '南庄村加油站卸油口旁堆放液化气钢瓶，夜里有人在附近吸烟。'): Tip {
  return { version: 1, receipt: generateReceipt(), what, village: '南庄村', photos: [] };
}

export async function makeEnvelope(
  options: { tip?: Tip; submissionId?: string; difficulty?: PowDifficulty; expiresAt?: Date } = {},
): Promise<TipEnvelope> {
  const { challenge } = await issueChallenge(TEST_HMAC_KEY, {
    difficulty: options.difficulty ?? CHEAP,
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  });
  return sealTip({
    tip: options.tip ?? sampleTip(),
    recipients: await developmentRecipients(),
    challenge,
    ...(options.submissionId ? { submissionId: options.submissionId } : {}),
  });
}

export function post(body: string | object, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/tips', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * For a test file of the tip functions: a real Blobs server and the test PoW key for the whole
 * file. The returned fixture is filled in before the first test runs.
 */
export function useTipLine(): BlobsFixture {
  const fixture = {} as BlobsFixture;
  beforeAll(async () => {
    process.env.TIP_POW_HMAC_KEY = TEST_HMAC_KEY;
    Object.assign(fixture, await startBlobs());
  });
  afterAll(async () => {
    delete process.env.TIP_POW_HMAC_KEY;
    await fixture.stop();
  });
  return fixture;
}
