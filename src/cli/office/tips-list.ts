import { INBOX_STATES, isWaiting, type InboxState } from '../../lib/tip-handling/inbox';
import { isUnhandled, triageLabel } from '../../lib/tip-handling/triage';
import { parseTipMetadata } from '../../lib/tips/queue';
import { parse } from './args';
import { inboxLabel, readInbox } from './inbox';
import { printer, type OfficeIo } from './io';
import { kb, LIST_HEADER, readIdentities, tipIds, triageOf, withQueue } from './tip-queue';

/**
 * `tips list [--identity FILE]`: every queued item with the office's decision (处理状态). With the
 * key, follow-ups under their tip and the inbox (lib/tip-handling/inbox.ts): each tip's 办理状态,
 * the ones waiting for the office first, with the days they have waited.
 */
export async function tipsList(args: string[], io: OfficeIo): Promise<number> {
  const { values } = parse(args, { identity: { type: 'string' } });
  const { log } = printer(io);
  await withQueue(io, async (queue) => {
    const rows = await Promise.all(
      (await tipIds(queue)).map(async (id) => {
        const meta = parseTipMetadata((await queue.tips.getMetadata(id, { consistency: 'strong' }))?.metadata);
        return { id, meta, triage: await triageOf(queue, id) };
      }),
    );
    rows.sort((a, b) => (a.meta?.received ?? '').localeCompare(b.meta?.received ?? '') || a.id.localeCompare(b.id));
    if (!rows.length) {
      log('队列中没有举报。');
      return;
    }
    const base = (row: (typeof rows)[number], indent = '') =>
      `${indent}${row.id}  ${row.meta?.received ?? '（未知）   '}  ${(row.meta ? kb(row.meta.size) : '?').padEnd(9)}`;
    const line = (row: (typeof rows)[number], indent = '') => `${base(row, indent)}  ${triageLabel(row.triage)}`;
    if (!values.identity) {
      log(LIST_HEADER);
      for (const row of rows) log(line(row));
      const open = rows.filter((r) => isUnhandled(r.triage)).length;
      log(`共 ${rows.length} 条，其中未处理 ${open} 条。查看：npm run office -- tips show 编号 --identity 私钥文件`);
      log('（举报人从查询页发来的补充材料在队列中与新举报无法区分：加 --identity 私钥文件，解密后按举报归类显示。）');
      log('（加 --identity 还显示每条举报的办理状态：新举报、有新补充、已回复、已结束，及等待的天数。）');
      return;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const { rows: inbox, threading } = await readInbox(io, queue, readIdentities(io, values.identity));
    const { orphans, others } = threading;
    const followUpLine = (id: string, recorded: boolean) =>
      `${base(byId.get(id)!, '  └ 补充材料 ')}  ${recorded ? '已记入对话' : '未回复'}`;
    log(`${LIST_HEADER}  办理状态`);
    // A rule between the tips waiting for the office and the rest, when there are both.
    let previousWaiting = false;
    for (const { thread, inbox: state, recorded } of inbox) {
      if (previousWaiting && !isWaiting(state.state)) log('──');
      previousWaiting = isWaiting(state.state);
      log(`${line(byId.get(thread.tip.id)!)}  ${inboxLabel(state)}`);
      for (const f of thread.followUps) log(followUpLine(f.id, recorded.has(f.id)));
    }
    if (orphans.length) {
      log('对应的举报不在队列中的补充材料：');
      for (const f of orphans) log(line(byId.get(f.id)!, '  '));
    }
    if (others.length) {
      log('无法用这把私钥解密或未通过格式校验的：');
      for (const item of others) log(line(byId.get(item.id)!, '  '));
    }
    const followUps = inbox.reduce((n, r) => n + r.thread.followUps.length, orphans.length);
    const open = inbox.filter((r) => isUnhandled(r.triage)).length;
    const count = (state: InboxState) => inbox.filter((r) => r.inbox.state === state).length;
    const states = INBOX_STATES.filter((state) => count(state) > 0).map((state) => `${state} ${count(state)}`);
    log(
      `共 ${inbox.length} 条举报（其中未处理 ${open} 条）、${followUps} 条补充材料` +
        (others.length ? `、${others.length} 条无法归类` : '') +
        '。',
    );
    if (states.length) log(`办理状态：${states.join('，')}。等待办公室的（新举报、有新补充）排在前面。`);
  });
  return 0;
}
