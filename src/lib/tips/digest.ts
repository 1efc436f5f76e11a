/**
 * The daily tip digest: once a day, the number of tips received the previous day (China time),
 * posted to the office's 企业微信 and 钉钉 groups — and nothing else. No id, no receipt, no time of
 * day, no word of any tip: the queue's metadata holds only the day a tip came (queue.ts), and the
 * message holds only that day, the count, how many queued items still wait for the office (no
 * decision in the triage store: the same 未处理 `tips list` counts, follow-ups included, since
 * nothing undecrypted tells them apart) and where the office guide is. Nothing is sent on a day
 * without tips.
 *
 * Once a day at most: before posting, the run claims the key `digest-sent-YYYY-MM-DD` (the China
 * day of sending) in the store `tip-digest` with onlyIfNew — through the QueueStore interface, so
 * on Netlify Blobs, a folder or S3 alike. A second run the same day (a retried schedule, the
 * timer and a clerk by hand) finds the key and posts nothing. When every robot refused, the claim
 * is taken back so a later run can try again; when some took it, it stays (the others are named
 * in the log, and posting again would repeat the message in the groups that have it).
 *
 * Run by the scheduled function netlify/functions/tip-digest.mts and by
 * `npm run office -- tips digest` (hosts without scheduled functions, from a systemd timer).
 *
 * Settings (environment variables; the webhook addresses carry their robots' keys, so the whole
 * value is a secret):
 *   TIP_DIGEST_WEBHOOKS   entries separated by spaces or new lines:
 *                           wecom=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
 *                           dingtalk=https://oapi.dingtalk.com/robot/send?access_token=…
 *                           dingtalk:VARIABLE=https://oapi.dingtalk.com/robot/send?access_token=…
 *                         the last form signs each post (钉钉 加签) with the secret (SEC…) held in
 *                         the environment variable VARIABLE.
 *   TIP_DIGEST_GUIDE_URL  the office guide the message links to (optional).
 *
 * Message formats: both robots take `{"msgtype":"text","text":{"content":…}}` as a JSON POST and
 * answer `{"errcode":0,"errmsg":"ok"}`, with HTTP 200 even when they refuse (errcode ≠ 0). A
 * signed 钉钉 post adds `timestamp` (milliseconds, the time of sending) and `sign` =
 * urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))) to the address.
 */
import { chinaDay } from '../../schemas/common';
import { bytesToBase64 } from '../bytes';
import { parseTipMetadata, isTipKey, type QueueStore } from './queue';

export const DIGEST_WEBHOOKS_VARIABLE = 'TIP_DIGEST_WEBHOOKS';
export const DIGEST_GUIDE_VARIABLE = 'TIP_DIGEST_GUIDE_URL';

/** Where the guide is when TIP_DIGEST_GUIDE_URL is not set: the office's own copy of the project. */
export const DEFAULT_GUIDE = '项目文件 docs/publishing-a-month.md 第 3 节（Tips）';

export type WebhookKind = 'wecom' | 'dingtalk';

const KIND_NAMES: Record<WebhookKind, string> = { wecom: '企业微信', dingtalk: '钉钉' };

export interface DigestWebhook {
  kind: WebhookKind;
  url: string;
  /** 钉钉 加签 secret, read from the variable the entry names. */
  secret?: string;
  /** For logs and the office: the kind and the host, never the key in the address. */
  label: string;
}

/** A mistake in the settings: the message says which entry and what is wrong, without its key. */
export class DigestSettingError extends Error {}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads TIP_DIGEST_WEBHOOKS (and the secrets its entries name); an empty list when unset. */
export function parseDigestWebhooks(env: Record<string, string | undefined>): DigestWebhook[] {
  const entries = (env[DIGEST_WEBHOOKS_VARIABLE] ?? '').split(/\s+/).filter(Boolean);
  return entries.map((entry, index) => {
    const where = `${DIGEST_WEBHOOKS_VARIABLE} 第 ${index + 1} 项`;
    const match = /^(wecom|dingtalk)(?::([A-Za-z_][A-Za-z0-9_]*))?=(.+)$/.exec(entry);
    if (!match) {
      throw new DigestSettingError(`${where}：应写成 wecom=地址、dingtalk=地址 或 dingtalk:存放加签密钥的变量名=地址`);
    }
    const kind = match[1] as WebhookKind;
    const variable = match[2];
    let url: URL;
    try {
      url = new URL(match[3]!);
    } catch {
      throw new DigestSettingError(`${where}：机器人地址不是有效的网址`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new DigestSettingError(`${where}：机器人地址必须以 https:// 开头`);
    }
    if (variable !== undefined && kind !== 'dingtalk') {
      throw new DigestSettingError(`${where}：只有钉钉机器人使用加签密钥`);
    }
    const label = `${KIND_NAMES[kind]}机器人 ${index + 1}（${url.host}）`;
    if (variable === undefined) return { kind, url: url.href, label };
    const secret = env[variable]?.trim();
    if (!secret) throw new DigestSettingError(`${where}：环境变量 ${variable}（钉钉加签密钥）没有设置`);
    return { kind, url: url.href, secret, label };
  });
}

/** The China day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Store `tip-digest`: which days a digest went out. Key `digest-sent-YYYY-MM-DD` (China day of
 * sending), value the day reported and the count — nothing of any tip.
 */
export const DIGEST_STORE = 'tip-digest';

export const digestSentKey = (day: string): string => `digest-sent-${day}`;

/** The part of the digest store the once-a-day record uses. */
export type DigestSentStore = Pick<QueueStore, 'setJSON' | 'delete'>;

/** The day the digest reports by default: yesterday, China time. */
export const yesterdayInChina = (now: Date): string => dayBefore(chinaDay(now));

/** The part of the queue's store the count reads. */
export type CountableStore = Pick<QueueStore, 'list' | 'getMetadata'>;

/** Tips whose metadata says they were received on `day`; entries that are not tips are not counted. */
export async function countTipsReceived(store: CountableStore, day: string): Promise<number> {
  let count = 0;
  for (const { key } of (await store.list()).blobs) {
    if (!isTipKey(key)) continue;
    const entry = await store.getMetadata(key, { consistency: 'strong' });
    if (parseTipMetadata(entry?.metadata)?.received === day) count++;
  }
  return count;
}

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * The message: the day, the count, the number waiting (when known) and the guide, nothing else.
 * "昨日" when the day is yesterday (China time) as of `now`, otherwise the full date.
 */
export function digestText(
  day: string,
  count: number,
  now: Date,
  guide: string = DEFAULT_GUIDE,
  waiting?: number,
  unarchived?: Unarchived,
): string {
  const when = day === yesterdayInChina(now) ? `昨日（${monthDay(day)}）` : `${day.slice(0, 4)}年${monthDay(day)}`;
  const queue = waiting === undefined ? '' : `，队列中未处理的共 ${waiting} 条（含补充材料）`;
  const late = unarchived?.count
    ? `另有 ${unarchived.count} 条在网站上已超过 ${unarchived.maxDays} 天仍未归档，请尽快归档（tips archive）。`
    : '';
  return `${when}收到 ${count} 条举报${queue}，请用办公室工具查看。${late}办法见：${guide}`;
}

export interface WebhookRequest {
  url: string;
  body: string;
}

async function dingtalkSign(secret: string, timestamp: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}\n${secret}`));
  return bytesToBase64(new Uint8Array(mac));
}

/** The POST one robot takes: a text message; a signed 钉钉 robot also gets timestamp and sign. */
export async function webhookRequest(hook: DigestWebhook, text: string, now: Date): Promise<WebhookRequest> {
  const body = JSON.stringify({ msgtype: 'text', text: { content: text } });
  if (hook.kind === 'wecom' || hook.secret === undefined) return { url: hook.url, body };
  const url = new URL(hook.url);
  const timestamp = now.getTime();
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', await dingtalkSign(hook.secret, timestamp));
  return { url: url.href, body };
}

export interface DeliveryResult {
  label: string;
  ok: boolean;
  /** Why it failed, in Chinese: the HTTP status or the robot's own errcode and errmsg. */
  error?: string;
}

const TIMEOUT_MS = 15_000;

/** Posts to one robot; never throws (a failed group must not keep the others from hearing). */
export async function deliver(hook: DigestWebhook, text: string, now: Date): Promise<DeliveryResult> {
  const { label } = hook;
  try {
    const request = await webhookRequest(hook, text, now);
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = (await response.json().catch(() => undefined)) as
      { errcode?: unknown; errmsg?: unknown } | undefined;
    if (!response.ok) return { label, ok: false, error: `HTTP ${response.status}` };
    if (answer?.errcode !== 0) {
      const detail = answer
        ? `errcode ${String(answer.errcode)}：${typeof answer.errmsg === 'string' ? answer.errmsg : ''}`
        : '回复不是 JSON';
      return { label, ok: false, error: `机器人拒收（${detail}）` };
    }
    return { label, ok: true };
  } catch (error) {
    const name = (error as Error).name;
    return { label, ok: false, error: name === 'TimeoutError' ? '连接超时' : '无法连接' };
  }
}

export interface DigestOptions {
  day?: string;
  now?: Date;
  guide?: string;
  /** Queued items without a decision, counted by the caller (lib/tip-handling/inbox.ts countUndecided). */
  waiting?: number;
  /** Items never archived past the ceiling (lib/tips/retention.ts): the digest warns of them. */
  unarchived?: Unarchived;
}

/** How many items wait unarchived past the ceiling of `maxDays` days. */
export interface Unarchived {
  count: number;
  maxDays: number;
}

export interface Digest {
  day: string;
  count: number;
  waiting?: number;
  /** The message; undefined on a day without tips (nothing is sent). */
  text?: string;
}

/** The digest of `day` (default: yesterday in China) from the queue. */
export async function tipDigest(store: CountableStore, options: DigestOptions = {}): Promise<Digest> {
  const now = options.now ?? new Date();
  const day = options.day ?? yesterdayInChina(now);
  const count = await countTipsReceived(store, day);
  const waiting = options.waiting === undefined ? {} : { waiting: options.waiting };
  // A day without tips sends nothing — unless tips wait unarchived past the ceiling.
  return count === 0 && !options.unarchived?.count
    ? { day, count, ...waiting }
    : { day, count, ...waiting, text: digestText(day, count, now, options.guide, options.waiting, options.unarchived) };
}

export interface SentDigest extends Digest {
  results: DeliveryResult[];
  /** The day of sending (China), when a digest had already gone out that day: nothing was posted. */
  alreadySent?: string;
}

/**
 * Counts and posts to every robot, at most once a China day when `sent` is given (see the top of
 * this file); on a day without tips posts nothing.
 */
export async function sendTipDigest(
  store: CountableStore,
  hooks: readonly DigestWebhook[],
  options: DigestOptions & { sent?: DigestSentStore } = {},
): Promise<SentDigest> {
  const now = options.now ?? new Date();
  const digest = await tipDigest(store, { ...options, now });
  const text = digest.text;
  if (text === undefined) return { ...digest, results: [] };
  const sending = chinaDay(now);
  const key = digestSentKey(sending);
  if (options.sent) {
    const record = { day: digest.day, count: digest.count };
    const claim = await options.sent.setJSON(key, record, { onlyIfNew: true });
    if (!claim.modified) return { ...digest, results: [], alreadySent: sending };
  }
  const results = await Promise.all(hooks.map((hook) => deliver(hook, text, now)));
  if (options.sent && results.length && results.every((r) => !r.ok)) await options.sent.delete(key);
  return { ...digest, results };
}

/** The guide setting, or the default. */
export const digestGuide = (env: Record<string, string | undefined>): string =>
  env[DIGEST_GUIDE_VARIABLE]?.trim() || DEFAULT_GUIDE;
