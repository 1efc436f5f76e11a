/**
 * `tips sweep`: the spent-challenge clean-up for hosts without Netlify's scheduler, run as the
 * office (or cron) runs it, against a real Blobs folder written by the real tip function.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStore } from '@netlify/blobs';
import tipsHandler from '../../netlify/functions/tips.mts';
import { CHALLENGES_STORE } from '../../src/lib/tips/spent-challenges';
import { makeEnvelope, post } from '../functions/support/tip-line';
import { office, startOfficeQueue, workspace, type OfficeQueue, type Workspace } from './support/office';

let ws: Workspace;
let queue: OfficeQueue;
let blobs: string;

beforeAll(async () => {
  ws = workspace();
  queue = await startOfficeQueue(ws, 'sweep');
  blobs = queue.blobs;
});

afterAll(async () => {
  await queue.stop();
  ws.remove();
});

describe('npm run office -- tips sweep', () => {
  it('deletes expired spent-challenge records and keeps the ones still guarding a valid challenge', async () => {
    const challenges = getStore({ name: CHALLENGES_STORE, consistency: 'strong' });
    const envelope = await makeEnvelope();
    expect((await tipsHandler(post(envelope))).status).toBe(201);
    const fresh = `c-${envelope.pow.challenge.signature}`;
    const old = 'c-00000000000000000000';
    await challenges.set(old, 'x', { metadata: { v: 2, day: '2025-01-01' } });

    const run = await office(['tips', 'sweep'], { ...ws.env, OFFICE_BLOBS_DIR: blobs });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('已删除 1 条过期的防滥用校验记录，保留 1 条未过期的');
    const keys = (await challenges.list()).blobs.map((b) => b.key);
    expect(keys).toEqual([fresh]);
  });

  it('refuses arguments it does not know', async () => {
    const run = await office(['tips', 'sweep', '--all'], { ...ws.env, OFFICE_BLOBS_DIR: blobs });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不认识的选项 --all');
  });
});
