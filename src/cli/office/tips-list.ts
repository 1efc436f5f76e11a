import { threadQueue } from '../../lib/tip-handling/informant-thread';
import { isUnhandled, triageLabel } from '../../lib/tip-handling/triage';
import { parseTipMetadata } from '../../lib/tips/queue';
import { parse } from './args';
import { loadSite } from './files';
import { contentDirOf, printer, type OfficeIo } from './io';
import { kb, LIST_HEADER, openAll, readIdentities, tipIds, triageOf, withQueue } from './tip-queue';

/** `tips list [--identity FILE]` */
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
    const line = (row: (typeof rows)[number], indent = '') =>
      `${indent}${row.id}  ${row.meta?.received ?? '（未知）   '}  ${(row.meta ? kb(row.meta.size) : '?').padEnd(9)}  ${triageLabel(row.triage)}`;
    if (!values.identity) {
      log(LIST_HEADER);
      for (const row of rows) log(line(row));
      const open = rows.filter((r) => isUnhandled(r.triage)).length;
      log(`共 ${rows.length} 条，其中未处理 ${open} 条。查看：npm run office -- tips show 编号 --identity 私钥文件`);
      log('（举报人从查询页发来的补充材料在队列中与新举报无法区分：加 --identity 私钥文件，解密后按举报归类显示。）');
      return;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const villages = loadSite(contentDirOf(io)).villages.map((v) => v.name);
    const { threads, orphans, others } = threadQueue(
      await openAll(queue, readIdentities(io, values.identity), villages),
    );
    log(LIST_HEADER);
    for (const thread of threads) {
      log(line(byId.get(thread.tip.id)!));
      for (const f of thread.followUps) log(`${line(byId.get(f.id)!, '  └ 补充材料 ')}`);
    }
    if (orphans.length) {
      log('对应的举报不在队列中的补充材料：');
      for (const f of orphans) log(line(byId.get(f.id)!, '  '));
    }
    if (others.length) {
      log('无法用这把私钥解密或未通过格式校验的：');
      for (const item of others) log(line(byId.get(item.id)!, '  '));
    }
    const followUps = threads.reduce((n, t) => n + t.followUps.length, orphans.length);
    const open = threads.filter((t) => isUnhandled(byId.get(t.tip.id)!.triage)).length;
    log(
      `共 ${threads.length} 条举报（其中未处理 ${open} 条）、${followUps} 条补充材料` +
        (others.length ? `、${others.length} 条无法归类` : '') +
        '。',
    );
  });
  return 0;
}
