/**
 * The daily tip digest: its settings, the day it reports, the count, the message, and the posts
 * themselves against a real local HTTP server standing in for the 企业微信 and 钉钉 robots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countUndecided } from '../../../src/lib/tip-handling/inbox';
import { FileStore } from '../../../src/server/stores/file';
import {
  countTipsReceived,
  dayBefore,
  DIGEST_STORE,
  digestSentKey,
  DEFAULT_GUIDE,
  deliver,
  digestGuide,
  digestText,
  parseDigestWebhooks,
  sendTipDigest,
  tipDigest,
  webhookRequest,
  yesterdayInChina,
  type CountableStore,
  type DigestWebhook,
} from '../../../src/lib/tips/digest';
import { DINGTALK_SECRET, startWebhookServer, type WebhookServer } from '../../support/webhook-server';

const KEY_A = '3f0c2a5e-8d7b-4c1e-9a4f-2b6d8e1c0a97';
const KEY_B = '9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';
const KEY_C = '00000000-1111-4222-8333-444444444444';
const meta = (received: string) => ({ v: 1, received, size: 10, sha256: 'a'.repeat(64) });

/** The part of a queue store the count reads, over a plain map of key → metadata. */
function storeOf(entries: Record<string, Record<string, unknown>>): CountableStore {
  return {
    list: () => Promise.resolve({ blobs: Object.keys(entries).map((key) => ({ key })) }),
    getMetadata: (key: string) => Promise.resolve(entries[key] ? { metadata: entries[key] } : null),
  };
}

const QUEUE = storeOf({
  [KEY_A]: meta('2026-11-30'),
  [KEY_B]: meta('2026-11-30'),
  [KEY_C]: meta('2026-11-29'),
  'c-0123456789abcdef': { v: 2, day: '2026-11-30' }, // not a tip
  'ffffffff-ffff-4fff-8fff-ffffffffffff': { received: '2026-11-30' }, // not metadata the function writes
});
/** 10:17:43 China time on 1 December. */
const NOW = new Date('2026-12-01T02:17:43.250Z');

describe('TIP_DIGEST_WEBHOOKS', () => {
  it('is empty when unset or blank', () => {
    expect(parseDigestWebhooks({})).toEqual([]);
    expect(parseDigestWebhooks({ TIP_DIGEST_WEBHOOKS: ' \n ' })).toEqual([]);
  });

  it('reads 企业微信, 钉钉 and signed 钉钉 entries separated by spaces or lines, labelled without their keys', () => {
    const hooks = parseDigestWebhooks({
      TIP_DIGEST_WEBHOOKS: [
        'wecom=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-secret-key',
        'dingtalk=https://oapi.dingtalk.com/robot/send?access_token=plain-token',
        '  dingtalk:OFFICE_DINGTALK_SECRET=https://oapi.dingtalk.com/robot/send?access_token=signed-token',
      ].join('\n'),
      OFFICE_DINGTALK_SECRET: ' SECabc ',
    });
    expect(hooks.map((h) => [h.kind, h.secret])).toEqual([
      ['wecom', undefined],
      ['dingtalk', undefined],
      ['dingtalk', 'SECabc'],
    ]);
    expect(hooks[0]!.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-secret-key');
    expect(hooks.map((h) => h.label)).toEqual([
      '企业微信机器人 1（qyapi.weixin.qq.com）',
      '钉钉机器人 2（oapi.dingtalk.com）',
      '钉钉机器人 3（oapi.dingtalk.com）',
    ]);
  });

  it.each([
    ['slack=https://example.org/hook', '第 1 项：应写成 wecom=地址'],
    ['=https://qyapi.weixin.qq.com/x', '第 1 项：应写成'],
    ['wecom=notaurl', '第 1 项：机器人地址不是有效的网址'],
    ['wecom=http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', '第 1 项：机器人地址必须以 https:// 开头'],
    ['wecom:SECRET=https://qyapi.weixin.qq.com/x', '第 1 项：只有钉钉机器人使用加签密钥'],
    ['dingtalk:MISSING_SECRET=https://oapi.dingtalk.com/robot/send', '环境变量 MISSING_SECRET（钉钉加签密钥）没有设置'],
  ])('refuses %s in Chinese, naming the entry but not its key', (value, message) => {
    expect(() => parseDigestWebhooks({ TIP_DIGEST_WEBHOOKS: value })).toThrow(message);
    try {
      parseDigestWebhooks({ TIP_DIGEST_WEBHOOKS: value });
    } catch (error) {
      expect((error as Error).message).not.toContain('key=k');
    }
  });

  it('accepts plain http only on this machine (the tests’ stand-in robots)', () => {
    for (const host of ['127.0.0.1:8080', 'localhost', '[::1]:9']) {
      expect(parseDigestWebhooks({ TIP_DIGEST_WEBHOOKS: `wecom=http://${host}/hook` })).toHaveLength(1);
    }
  });

  it('the guide is the setting, or the project’s own document', () => {
    expect(digestGuide({ TIP_DIGEST_GUIDE_URL: ' https://example.gov.cn/guide ' })).toBe(
      'https://example.gov.cn/guide',
    );
    expect(digestGuide({ TIP_DIGEST_GUIDE_URL: '' })).toBe(DEFAULT_GUIDE);
    expect(digestGuide({})).toBe(DEFAULT_GUIDE);
  });
});

describe('the day and the count', () => {
  it('yesterday is the China day before today in China', () => {
    expect(yesterdayInChina(new Date('2026-12-01T15:59:59Z'))).toBe('2026-11-30');
    expect(yesterdayInChina(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-01');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('counts tips whose metadata gives the day, and nothing that is not a tip', async () => {
    expect(await countTipsReceived(QUEUE, '2026-11-30')).toBe(2);
    expect(await countTipsReceived(QUEUE, '2026-11-29')).toBe(1);
    expect(await countTipsReceived(QUEUE, '2026-11-28')).toBe(0);
  });

  it('skips an entry deleted between the listing and its metadata', async () => {
    const store: CountableStore = {
      list: () => Promise.resolve({ blobs: [{ key: KEY_A }] }),
      getMetadata: () => Promise.resolve(null),
    };
    expect(await countTipsReceived(store, '2026-11-30')).toBe(0);
  });
});

describe('the message', () => {
  it('says yesterday, the count and where the guide is — nothing else', () => {
    expect(digestText('2026-11-30', 2, NOW, 'https://example.gov.cn/guide')).toBe(
      '昨日（11月30日）收到 2 条举报，请用办公室工具查看。办法见：https://example.gov.cn/guide',
    );
  });

  it('gives the full date for another day', () => {
    expect(digestText('2026-11-03', 1, NOW)).toBe(
      `2026年11月3日收到 1 条举报，请用办公室工具查看。办法见：${DEFAULT_GUIDE}`,
    );
  });

  it('is none on a day without tips', async () => {
    expect(await tipDigest(QUEUE, { day: '2026-11-28', now: NOW })).toEqual({ day: '2026-11-28', count: 0 });
    expect((await tipDigest(QUEUE, { now: NOW })).count).toBe(2);
  });
});

describe('the robots’ requests', () => {
  const text = digestText('2026-11-30', 2, NOW);
  const wecom: DigestWebhook = {
    kind: 'wecom',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    label: 'w',
  };

  it('企业微信 and unsigned 钉钉: a text message to the address as given', async () => {
    const expected = JSON.stringify({ msgtype: 'text', text: { content: text } });
    expect(await webhookRequest(wecom, text, NOW)).toEqual({ url: wecom.url, body: expected });
    const dingtalk: DigestWebhook = {
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      label: 'd',
    };
    expect(await webhookRequest(dingtalk, text, NOW)).toEqual({ url: dingtalk.url, body: expected });
  });

  it('signed 钉钉: timestamp and sign added to the address (the documented example’s algorithm)', async () => {
    const hook: DigestWebhook = {
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      secret: 'this is secret',
      label: 'd',
    };
    const url = new URL((await webhookRequest(hook, text, NOW)).url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW.getTime()));
    const { createHmac } = await import('node:crypto');
    const sign = createHmac('sha256', 'this is secret').update(`${NOW.getTime()}\nthis is secret`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
    expect(url.search).toContain(`sign=${encodeURIComponent(sign)}`);
  });
});

describe('posting to a real HTTP server standing in for the robots', () => {
  let server: WebhookServer;
  beforeAll(async () => (server = await startWebhookServer()));
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const hook = (path: string, kind: 'wecom' | 'dingtalk' = 'wecom', secret?: string): DigestWebhook => ({
    kind,
    url: `${server.url}${path}?key=robot-key`,
    label: `${kind} ${path}`,
    ...(secret && { secret }),
  });

  it('posts JSON to every robot, and the signed 钉钉 robot accepts the signature', async () => {
    const now = new Date();
    const result = await sendTipDigest(
      QUEUE,
      [hook('/wecom'), hook('/dingtalk', 'dingtalk'), hook('/dingtalk-signed', 'dingtalk', DINGTALK_SECRET)],
      { day: '2026-11-30', now, guide: 'https://example.gov.cn/guide' },
    );
    expect(result.results).toEqual([
      { label: 'wecom /wecom', ok: true },
      { label: 'dingtalk /dingtalk', ok: true },
      { label: 'dingtalk /dingtalk-signed', ok: true },
    ]);
    expect(server.requests.map((r) => [r.method, r.path, r.query.get('key')])).toEqual([
      ['POST', '/wecom', 'robot-key'],
      ['POST', '/dingtalk', 'robot-key'],
      ['POST', '/dingtalk-signed', 'robot-key'],
    ]);
    for (const request of server.requests) {
      expect(request.contentType).toBe('application/json; charset=utf-8');
      expect(JSON.parse(request.body)).toEqual({
        msgtype: 'text',
        text: { content: digestText('2026-11-30', 2, now, 'https://example.gov.cn/guide') },
      });
    }
  });

  it('a wrong 钉钉 signature is refused by the robot and reported', async () => {
    const result = await deliver(hook('/dingtalk-signed', 'dingtalk', 'SECwrong'), 'x', new Date());
    expect(result).toEqual({
      label: 'dingtalk /dingtalk-signed',
      ok: false,
      error: '机器人拒收（errcode 310000：sign not match）',
    });
  });

  it('reports a refusal, an HTTP error and an unreachable robot, each without throwing', async () => {
    expect((await deliver(hook('/refuse'), 'x', NOW)).error).toBe('机器人拒收（errcode 93000：invalid webhook url）');
    expect((await deliver(hook('/down'), 'x', NOW)).error).toBe('HTTP 503');
    const closed = await startWebhookServer();
    await closed.close();
    const gone: DigestWebhook = { kind: 'wecom', url: `${closed.url}/wecom`, label: 'gone' };
    expect(await deliver(gone, 'x', NOW)).toEqual({ label: 'gone', ok: false, error: '无法连接' });
  });

  it('sends nothing on a day without tips', async () => {
    const result = await sendTipDigest(QUEUE, [hook('/wecom')], { day: '2026-11-28', now: NOW });
    expect(result).toEqual({ day: '2026-11-28', count: 0, results: [] });
    expect(server.requests).toEqual([]);
  });

  describe('once a day, recorded in a real file store', () => {
    let dir: string;
    let sent: FileStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'digest-sent-'));
      sent = new FileStore(dir, DIGEST_STORE);
      return () => rmSync(dir, { recursive: true, force: true });
    });

    it('a second run the same China day posts nothing; the next day posts again', async () => {
      const first = await sendTipDigest(QUEUE, [hook('/wecom')], { now: NOW, waiting: 3, sent });
      expect(first.results).toEqual([{ label: 'wecom /wecom', ok: true }]);
      expect(await sent.get(digestSentKey('2026-12-01'), { type: 'json' })).toEqual({ day: '2026-11-30', count: 2 });
      const later = new Date('2026-12-01T15:59:00Z'); // 23:59 the same day in China
      const second = await sendTipDigest(QUEUE, [hook('/wecom')], { now: later, waiting: 3, sent });
      expect(second).toMatchObject({ day: '2026-11-30', count: 2, results: [], alreadySent: '2026-12-01' });
      expect(server.requests).toHaveLength(1);
      const nextDay = new Date('2026-12-01T16:00:00Z'); // 00:00 on 2 December in China
      const third = await sendTipDigest(QUEUE, [hook('/wecom')], { day: '2026-11-30', now: nextDay, sent });
      expect(third.results).toEqual([{ label: 'wecom /wecom', ok: true }]);
      expect(server.requests).toHaveLength(2);
    });

    it('when every robot refused, a later run the same day tries again', async () => {
      const refused = await sendTipDigest(QUEUE, [hook('/refuse')], { now: NOW, sent });
      expect(refused.results.map((r) => r.ok)).toEqual([false]);
      expect(await sent.get(digestSentKey('2026-12-01'), { type: 'json' })).toBeNull();
      const retried = await sendTipDigest(QUEUE, [hook('/wecom')], { now: NOW, sent });
      expect(retried.results).toEqual([{ label: 'wecom /wecom', ok: true }]);
    });

    it('when some robot took it, the day stays recorded', async () => {
      await sendTipDigest(QUEUE, [hook('/refuse'), hook('/wecom')], { now: NOW, sent });
      const again = await sendTipDigest(QUEUE, [hook('/refuse'), hook('/wecom')], { now: NOW, sent });
      expect(again.alreadySent).toBe('2026-12-01');
      expect(server.requests.map((r) => r.path)).toEqual(['/refuse', '/wecom']);
    });
  });
});

describe('the number waiting', () => {
  it('is in the message when known: only a count', () => {
    expect(digestText('2026-11-30', 2, NOW, 'https://example.gov.cn/guide', 5)).toBe(
      '昨日（11月30日）收到 2 条举报，队列中未处理的共 5 条（含补充材料），请用办公室工具查看。办法见：https://example.gov.cn/guide',
    );
  });

  it('counts queued items without a decision (none, or only 已收到)', async () => {
    const decisions: Record<string, unknown> = {
      [KEY_A]: { v: 1, status: '核查中', updated: '2026-12-01' },
      [KEY_B]: { v: 1, status: '已收到', updated: '2026-12-01' },
    };
    const triage = { get: (key: string) => Promise.resolve(decisions[key] ?? null) };
    // KEY_B (已收到), KEY_C (none) and the tip-shaped key without sound metadata; not the challenge key.
    expect(await countUndecided(QUEUE, triage as never)).toBe(3);
    expect((await tipDigest(QUEUE, { now: NOW, waiting: 3 })).text).toContain('队列中未处理的共 3 条');
  });
});
