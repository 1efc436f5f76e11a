/**
 * `tips digest`: the daily digest for hosts without scheduled functions, run as the office (or a
 * systemd timer) runs it, on a real Blobs folder written by the real tip function, posting to a
 * real local HTTP server standing in for the robots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import { makeEnvelope, post } from '../functions/support/tip-line';
import { DINGTALK_SECRET, startWebhookServer, type WebhookServer } from '../support/webhook-server';
import { office, startOfficeQueue, workspace, type OfficeQueue, type Workspace } from './support/office';

let ws: Workspace;
let queue: OfficeQueue;
let robots: WebhookServer;
let env: Record<string, string>;

beforeAll(async () => {
  ws = workspace();
  queue = await startOfficeQueue(ws, 'digest');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-14T05:47:29Z'));
  for (let i = 0; i < 2; i++) expect((await tipsHandler(post(await makeEnvelope()))).status).toBe(201);
  vi.useRealTimers();
  // The tips came on 2026-03-14 and the clock is today's: a ceiling far off keeps the retention
  // warning out of these messages (its own test below brings it back).
  setCeiling(3650);
  robots = await startWebhookServer();
  env = {
    ...queue.env,
    TIP_DIGEST_WEBHOOKS: `wecom=${robots.url}/wecom?key=k dingtalk:DT_SECRET=${robots.url}/dingtalk-signed?access_token=t`,
    DT_SECRET: DINGTALK_SECRET,
  };
});

afterAll(async () => {
  await robots.close();
  await queue.stop();
  ws.remove();
});

beforeEach(() => robots.requests.splice(0));

/** content/site.yaml's tipRetention.unarchivedMaxDays in the test's workspace. */
function setCeiling(days: number) {
  const path = join(ws.content, 'site.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/unarchivedMaxDays: \d+/, `unarchivedMaxDays: ${days}`));
}

const MESSAGE =
  '2026年3月14日收到 2 条举报，队列中未处理的共 2 条（含补充材料），请用办公室工具查看。' +
  '办法见：项目文件 docs/publishing-a-month.md 第 3 节（Tips）';

describe('npm run office -- tips digest', () => {
  it('without --send prints the message and posts nothing', async () => {
    const run = await office(['tips', 'digest', '--day', '2026-03-14'], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('将发送给 2 个机器人的消息（加 --send 才发送）');
    expect(run.stdout).toContain(MESSAGE);
    expect(robots.requests).toEqual([]);
  });

  it('fails (exit 1) when a robot refuses, naming it (and records nothing: a later run may send)', async () => {
    const run = await office(['tips', 'digest', '--day', '2026-03-14', '--send'], {
      ...env,
      TIP_DIGEST_WEBHOOKS: `wecom=${robots.url}/refuse?key=k`,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ 企业微信机器人 1（127.0.0.1:');
    expect(run.stdout).toContain('机器人拒收（errcode 93000');
  });

  it('with --send posts the count to every robot and says where it went (never the key)', async () => {
    const run = await office(['tips', 'digest', '--day', '2026-03-14', '--send'], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('✓ 已发送到企业微信机器人 1（127.0.0.1:');
    expect(run.stdout).toContain('✓ 已发送到钉钉机器人 2（127.0.0.1:');
    expect(run.output).not.toContain('key=k');
    expect(robots.requests.map((r) => r.path)).toEqual(['/wecom', '/dingtalk-signed']);
    for (const r of robots.requests)
      expect(JSON.parse(r.body)).toEqual({ msgtype: 'text', text: { content: MESSAGE } });
  });

  it('sends once a day: a second --send the same day posts nothing', async () => {
    const run = await office(['tips', 'digest', '--day', '2026-03-14', '--send'], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(/今天（\d{4}-\d{2}-\d{2}）已经发送过举报日报，不再重复发送。/);
    expect(robots.requests).toEqual([]);
  });

  it('sends nothing for a day without tips (the default day, yesterday, has none here)', async () => {
    const run = await office(['tips', 'digest', '--send'], env);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(/\d{4}-\d{2}-\d{2} 没有收到举报：不发送消息。/);
    expect(robots.requests).toEqual([]);
  });

  it('refuses a bad day, a bad setting and --send without robots, in Chinese', async () => {
    const badDay = await office(['tips', 'digest', '--day', '2026-02-30'], env);
    expect(badDay.status).toBe(2);
    expect(badDay.stderr).toContain('日期应写成 YYYY-MM-DD');
    const badSetting = await office(['tips', 'digest'], { ...env, TIP_DIGEST_WEBHOOKS: 'wecom:X=https://a.example/' });
    expect(badSetting.status).toBe(1);
    expect(badSetting.stderr).toContain('TIP_DIGEST_WEBHOOKS 第 1 项：只有钉钉机器人使用加签密钥');
    const none = await office(['tips', 'digest', '--send'], { ...env, TIP_DIGEST_WEBHOOKS: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('没有设置环境变量 TIP_DIGEST_WEBHOOKS');
    const extra = await office(['tips', 'digest', 'today'], env);
    expect(extra.status).toBe(2);
  });

  it('warns of tips waiting unarchived past the ceiling of site.yaml, also on a day without tips', async () => {
    setCeiling(90);
    try {
      // 2026-03-14 + 100 days: both tips have waited more than 90 days.
      const later = new Date('2026-06-22T02:00:00Z');
      const run = await office(['tips', 'digest'], env, { now: () => later });
      expect(run.status, run.output).toBe(0);
      expect(run.stdout).toContain('另有 2 条在网站上已超过 90 天仍未归档，请尽快归档（tips archive）。');
      const early = await office(['tips', 'digest'], env, { now: () => new Date('2026-06-01T02:00:00Z') });
      expect(early.stdout).toContain('没有收到举报：不发送消息。');
    } finally {
      setCeiling(3650);
    }
  });
});
