/**
 * The daily digest function end to end: tips submitted through the real tip function into a real
 * local Blobs server, then the scheduled function posting to a real local HTTP server standing in
 * for a 企业微信 robot, a 钉钉 robot and a signed 钉钉 robot. The recorded posts carry the count and
 * the guide — no submission id, receipt, time of day or word of any tip.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import tipsHandler from '../../netlify/functions/tips.mts';
import digestHandler, { config } from '../../netlify/functions/tip-digest.mts';
import { makeEnvelope, post, sampleTip, useTipLine } from './support/tip-line';
import { findTimeOfDay, windowAround } from './support/time-of-day';
import { formatReceipt } from '../../src/lib/tips/receipt';
import { DINGTALK_SECRET, startWebhookServer, type WebhookServer } from '../support/webhook-server';

useTipLine();
let robots: WebhookServer;

/** 13:47:29 in China on 14 March: the time of day no post may give away. */
const SUBMITTED = new Date('2026-03-14T05:47:29.613Z');
/** The next morning, 09:00 in China: when the schedule runs. */
const MORNING = new Date('2026-03-15T01:00:00.000Z');
const GUIDE = 'https://www.example-county.gov.cn/nanzhuang/office-guide';
/** 16 March, 09:00 in China: the digest of the 15th. */
const NEXT_MORNING = new Date('2026-03-16T01:00:00.000Z');

beforeAll(async () => {
  robots = await startWebhookServer();
  process.env.TIP_DIGEST_WEBHOOKS = [
    `wecom=${robots.url}/wecom?key=wecom-robot-key`,
    `dingtalk=${robots.url}/dingtalk?access_token=plain`,
    `dingtalk:DIGEST_DINGTALK_SECRET=${robots.url}/dingtalk-signed?access_token=signed`,
  ].join('\n');
  process.env.DIGEST_DINGTALK_SECRET = DINGTALK_SECRET;
  process.env.TIP_DIGEST_GUIDE_URL = GUIDE;
});
afterAll(async () => {
  delete process.env.TIP_DIGEST_WEBHOOKS;
  delete process.env.DIGEST_DINGTALK_SECRET;
  delete process.env.TIP_DIGEST_GUIDE_URL;
  await robots.close();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  robots.requests.splice(0);
});
afterEach(() => vi.useRealTimers());

describe('the daily tip digest (scheduled function)', () => {
  it('runs daily at 09:00 China time', () => {
    expect(config.schedule).toBe('0 1 * * *');
  });

  it('posts yesterday’s count to every robot, and nothing that identifies a tip', async () => {
    vi.setSystemTime(SUBMITTED);
    const secret = '南庄村加油站卸油口旁堆放液化气钢瓶，夜里有人在附近吸烟';
    const tips = [sampleTip(secret), sampleTip(), sampleTip()];
    const envelopes = await Promise.all(tips.map((tip) => makeEnvelope({ tip })));
    for (const envelope of envelopes) expect((await tipsHandler(post(envelope))).status).toBe(201);
    vi.setSystemTime(new Date('2026-03-15T00:30:00Z')); // a tip the next day is not yesterday's
    expect((await tipsHandler(post(await makeEnvelope()))).status).toBe(201);

    vi.setSystemTime(MORNING);
    expect((await digestHandler()).status).toBe(204);

    expect(robots.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /wecom',
      'POST /dingtalk',
      'POST /dingtalk-signed',
    ]);
    // Four queued, none decided yet: the day after's tip waits too.
    const content = `昨日（3月14日）收到 3 条举报，队列中未处理的共 4 条（含补充材料），请用办公室工具查看。办法见：${GUIDE}`;
    for (const request of robots.requests) {
      expect(JSON.parse(request.body)).toEqual({ msgtype: 'text', text: { content } });
    }
    // The signed robot checked the signature: a timestamp of sending, not of any tip.
    const signed = robots.requests[2]!;
    expect(signed.query.get('timestamp')).toBe(String(MORNING.getTime()));

    const window = windowAround(SUBMITTED, 15 * 60, 15 * 60);
    for (const request of robots.requests) {
      const wire = `${request.path}?${request.query.toString()}\n${request.body}`;
      for (const envelope of envelopes) {
        expect(wire).not.toContain(envelope.submissionId);
        expect(wire).not.toContain(envelope.submissionId.slice(0, 6));
      }
      for (const tip of tips) {
        expect(wire).not.toContain(tip.receipt);
        // A four-digit group in the body only: the signed URL's timestamp and signature may hold any four
        // digits by chance.
        expect(request.body).not.toContain(formatReceipt(tip.receipt).split(' ')[0]);
      }
      expect(request.body).not.toMatch(/\d{5,}/); // no number longer than a count or a date part
      expect(wire).not.toContain('南庄村');
      expect(wire).not.toContain('液化气');
      expect(findTimeOfDay(Buffer.from(wire), window, request.path)).toEqual([]);
    }
  });

  it('the leak scan would see a time of day in a post', () => {
    const window = windowAround(SUBMITTED, 60, 60);
    expect(findTimeOfDay(Buffer.from('收到时间 13:47'), window, 'x')).not.toEqual([]);
  });

  it('sends nothing on a day without tips', async () => {
    vi.setSystemTime(new Date('2026-03-20T01:00:00Z'));
    expect((await digestHandler()).status).toBe(204);
    expect(robots.requests).toEqual([]);
  });

  it('says so when a robot refuses, and still posts to the others', async () => {
    const saved = process.env.TIP_DIGEST_WEBHOOKS;
    process.env.TIP_DIGEST_WEBHOOKS = `wecom=${robots.url}/refuse?key=x dingtalk=${robots.url}/dingtalk?access_token=y`;
    try {
      vi.setSystemTime(NEXT_MORNING);
      expect((await digestHandler()).status).toBe(502);
      expect(robots.requests.map((r) => r.path)).toEqual(['/refuse', '/dingtalk']);
    } finally {
      process.env.TIP_DIGEST_WEBHOOKS = saved;
    }
  });

  it('posts once a day: run twice on a morning, one post to each robot', async () => {
    vi.setSystemTime(new Date('2026-03-17T03:00:00Z'));
    expect((await tipsHandler(post(await makeEnvelope()))).status).toBe(201);
    vi.setSystemTime(new Date('2026-03-18T01:00:00Z'));
    const saved = process.env.TIP_DIGEST_WEBHOOKS;
    process.env.TIP_DIGEST_WEBHOOKS = `wecom=${robots.url}/refuse?key=x`;
    try {
      // Every robot refused: the day is not recorded as sent, so a later run tries again.
      expect((await digestHandler()).status).toBe(502);
    } finally {
      process.env.TIP_DIGEST_WEBHOOKS = saved;
    }
    robots.requests.splice(0);
    expect((await digestHandler()).status).toBe(204);
    expect(robots.requests.map((r) => r.path)).toEqual(['/wecom', '/dingtalk', '/dingtalk-signed']);
    vi.setSystemTime(new Date('2026-03-18T15:59:00Z')); // 23:59 the same day in China
    expect((await digestHandler()).status).toBe(204);
    expect(robots.requests).toHaveLength(3);
  });

  it('a second run the morning after a partly refused digest posts nothing again', async () => {
    vi.setSystemTime(NEXT_MORNING); // one robot took the 16th's digest in the test before
    expect((await digestHandler()).status).toBe(204);
    expect(robots.requests).toEqual([]);
  });

  it('does nothing when no robot is configured', async () => {
    const saved = process.env.TIP_DIGEST_WEBHOOKS;
    delete process.env.TIP_DIGEST_WEBHOOKS;
    try {
      vi.setSystemTime(MORNING);
      expect((await digestHandler()).status).toBe(204);
      expect(robots.requests).toEqual([]);
    } finally {
      process.env.TIP_DIGEST_WEBHOOKS = saved;
    }
  });
});
