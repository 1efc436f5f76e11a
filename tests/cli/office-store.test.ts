/**
 * The office command line on a self-hosted queue: the same `TIP_STORE` the tip function uses
 * (a folder, an S3 bucket), tips written by the real function, read by the office commands with
 * the test's environment — list, show, triage, export, sweep.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import { receiptLookupKey } from '../../src/lib/tips/lookup-key';
import { TIPS_STORE } from '../../src/lib/tips/queue';
import { CHALLENGES_STORE } from '../../src/lib/tips/spent-challenges';
import { TRIAGE_STORE } from '../../src/lib/tip-handling/triage';
import { closeTipStores, openTipStore } from '../../src/server/stores/select';
import { makeEnvelope, post, sampleTip, TEST_HMAC_KEY } from '../functions/support/tip-line';
import { startS3, type S3Fixture } from '../stores/support/s3-server';
import { office, workspace, type Workspace } from './support/office';

const IDENTITY = 'tests/fixtures/development-identity.txt';

interface Setup {
  label: string;
  env: (ws: Workspace) => Promise<Record<string, string>>;
  stop?: () => Promise<void>;
}

let s3: S3Fixture | undefined;
const setups: Setup[] = [
  { label: 'file store', env: (ws) => Promise.resolve({ TIP_STORE: `file:${join(ws.dir, 'queue')}` }) },
  {
    label: 'S3 store',
    env: async () => {
      s3 = await startS3({ enforceConditionalCreate: true });
      return { ...s3.env, TIP_STORE: `s3://${s3.bucket}/office-test` };
    },
    stop: async () => s3?.stop(),
  },
];

for (const setup of setups) {
  describe(`npm run office -- tips … with TIP_STORE on a ${setup.label}`, () => {
    let ws: Workspace;
    let env: Record<string, string>;
    const saved: Record<string, string | undefined> = {};
    const tip = sampleTip('河湾村砖厂粉尘很大，除尘设备长期不开。');
    let id = '';

    beforeAll(async () => {
      ws = workspace();
      const storeEnv = await setup.env(ws);
      env = { ...ws.env, ...storeEnv };
      for (const [key, value] of Object.entries({ ...storeEnv, TIP_POW_HMAC_KEY: TEST_HMAC_KEY })) {
        saved[key] = process.env[key];
        process.env[key] = value;
      }
      const envelope = await makeEnvelope({ tip });
      expect((await tipsHandler(post(envelope))).status).toBe(201);
      id = envelope.submissionId;
      const challenges = await openTipStore(CHALLENGES_STORE);
      await challenges.set('c-00000000000000000000', 'x', { metadata: { v: 2, day: '2025-01-01' } });
    }, 120_000);

    afterAll(async () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await closeTipStores();
      await setup.stop?.();
      ws.remove();
    });

    it('lists the queued tip and names the store it reads', async () => {
      const run = await office(['tips', 'list'], env);
      expect(run.status, run.output).toBe(0);
      expect(run.stdout).toContain('自建服务器的举报队列');
      expect(run.stdout).toMatch(new RegExp(`${id}  \\d{4}-\\d{2}-\\d{2}  [\\d.]+ KB\\s+未处理`));
    });

    it('decrypts it, records a triage next to the queue, and backs it up as an age file', async () => {
      const show = await office(['tips', 'show', id.slice(0, 8), '--identity', IDENTITY], env);
      expect(show.status, show.output).toBe(0);
      expect(show.stdout).toContain('除尘设备长期不开');

      const triage = await office(['tips', 'triage', id, '--identity', IDENTITY, '--status', '核查中'], env);
      expect(triage.status, triage.output).toBe(0);
      expect(readFileSync(join(ws.content, 'receipts.yaml'), 'utf8')).toContain(await receiptLookupKey(tip.receipt));
      expect(await (await openTipStore(TRIAGE_STORE)).get(id, { type: 'json' })).toMatchObject({ status: '核查中' });
      expect((await office(['tips', 'list'], env)).stdout).toContain('核查中');

      const out = join(ws.dir, 'backup');
      const backup = await office(['tips', 'export', '--out', out], env);
      expect(backup.status, backup.output).toBe(0);
      const age = spawnSync('age', ['-d', '-i', IDENTITY, join(out, `${id}.age`)], { encoding: 'utf8' });
      expect(age.status).toBe(0);
      expect(age.stdout).toContain('除尘设备长期不开');
      expect((await (await openTipStore(TIPS_STORE)).list()).blobs.map((b) => b.key)).toEqual([id]);
    });

    it('sweeps expired spent challenges from the same store', async () => {
      const run = await office(['tips', 'sweep'], env);
      expect(run.status, run.output).toBe(0);
      expect(run.stdout).toContain('已删除 1 条过期的防滥用校验记录，保留 1 条未过期的');
      expect(await (await openTipStore(CHALLENGES_STORE)).getMetadata('c-00000000000000000000')).toBeNull();
    });
  });
}

describe('a TIP_STORE the CLI cannot read', () => {
  it('is refused with a message in Chinese naming the variable', async () => {
    const ws = workspace();
    try {
      const run = await office(['tips', 'list'], { ...ws.env, TIP_STORE: 'ftp://somewhere' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('环境变量 TIP_STORE 设置有误');
      expect(existsSync(join(ws.dir, 'queue'))).toBe(false);
    } finally {
      ws.remove();
    }
  });
});
