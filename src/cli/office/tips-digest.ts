import { countUndecided } from '../../lib/tip-handling/inbox';
import {
  DigestSettingError,
  digestGuide,
  parseDigestWebhooks,
  sendTipDigest,
  tipDigest,
  type DigestWebhook,
} from '../../lib/tips/digest';
import { countUnarchivedPastCeiling, DEFAULT_UNARCHIVED_MAX_DAYS } from '../../lib/tips/retention';
import { dayArg, OfficeError, parse, UsageError } from './args';
import { printer, type OfficeIo } from './io';
import { withQueue } from './tip-queue';
import { siteRetention } from './tips-sweep';

function digestDay(value: string | undefined): string | undefined {
  return value === undefined ? undefined : dayArg(value, '日期应写成 YYYY-MM-DD（例如 --day 2023-12-01）');
}

function webhooks(io: OfficeIo): DigestWebhook[] {
  try {
    return parseDigestWebhooks(io.env);
  } catch (error) {
    if (error instanceof DigestSettingError) throw new OfficeError(error.message);
    throw error;
  }
}

/**
 * `tips digest [--day YYYY-MM-DD] [--send]`: the daily digest of the scheduled function, for hosts
 * without one (a systemd timer runs it with --send). Without --send it only prints the message.
 * With --send it posts at most once a China day, as the function does (lib/tips/digest.ts).
 */
export async function tipsDigest(args: string[], io: OfficeIo): Promise<number> {
  const { values, positionals } = parse(args, { day: { type: 'string' }, send: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
  const day = digestDay(values.day);
  const hooks = webhooks(io);
  if (values.send && hooks.length === 0) throw new OfficeError('没有设置环境变量 TIP_DIGEST_WEBHOOKS，无处发送');
  const guide = digestGuide(io.env);
  const now = io.now();
  const { log } = printer(io);
  return withQueue(io, async (queue) => {
    const waiting = await countUndecided(queue.tips, queue.triage);
    const maxDays = siteRetention(io)?.unarchivedMaxDays ?? DEFAULT_UNARCHIVED_MAX_DAYS;
    const unarchived = { count: await countUnarchivedPastCeiling(queue, maxDays, now), maxDays };
    if (!values.send) {
      const digest = await tipDigest(queue.tips, { ...(day && { day }), guide, now, waiting, unarchived });
      if (digest.text === undefined) {
        log(`${digest.day} 没有收到举报：不发送消息。`);
        return 0;
      }
      log(`将发送给 ${hooks.length} 个机器人的消息（加 --send 才发送）：\n\n${digest.text}`);
      return 0;
    }
    const result = await sendTipDigest(queue.tips, hooks, {
      ...(day && { day }),
      guide,
      now,
      waiting,
      unarchived,
      sent: queue.digest,
    });
    if (result.text === undefined) {
      log(`${result.day} 没有收到举报：不发送消息。`);
      return 0;
    }
    if (result.alreadySent) {
      log(`今天（${result.alreadySent}）已经发送过举报日报，不再重复发送。`);
      return 0;
    }
    log(result.text);
    for (const r of result.results) log(r.ok ? `✓ 已发送到${r.label}` : `✗ ${r.label}：${r.error}`);
    return result.results.every((r) => r.ok) ? 0 : 1;
  });
}
