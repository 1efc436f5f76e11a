import { sweepRetention } from '../../lib/tips/retention';
import type { TipRetention } from '../../schemas/site';
import { sweepSpentChallenges } from '../../lib/tips/spent-challenges';
import { OfficeError, parse } from './args';
import { loadSite } from './files';
import { contentDirOf, printer, type OfficeIo } from './io';
import { withQueue } from './tip-queue';

/**
 * `tipRetention` of content/site.yaml; undefined, with a warning, where it cannot be read (a
 * server without the content folder): the jobs then do what needs no setting.
 */
export function siteRetention(io: OfficeIo): TipRetention | undefined {
  try {
    return loadSite(contentDirOf(io)).tipRetention;
  } catch (error) {
    if (!(error instanceof OfficeError) && (error as { code?: string }).code !== 'ENOENT') throw error;
    printer(io).warn('注意：读不到 site.yaml 的 tipRetention 设置，未归档举报的保存期限按默认处理（只提醒，不删除）。');
    return undefined;
  }
}

/**
 * `tips sweep`: the hourly job of the Netlify scheduled function, for hosts without one (run it
 * from cron): spent challenges, and the retention of content/site.yaml `tipRetention`
 * (lib/tips/retention.ts). It reports counts only.
 */
export async function tipsSweep(args: string[], io: OfficeIo): Promise<number> {
  parse(args, {});
  const retention = siteRetention(io);
  await withQueue(io, async (queue) => {
    const { log, warn } = printer(io);
    const { deleted, kept } = await sweepSpentChallenges(queue.challenges, io.now());
    log(`✓ 已删除 ${deleted} 条过期的防滥用校验记录，保留 ${kept} 条未过期的。`);
    const swept = await sweepRetention(queue, retention, io.now());
    const maxDays = retention?.unarchivedMaxDays;
    log(`✓ 已删除 ${swept.deletedArchived} 条已归档且暂留期满的举报或补充材料。`);
    if (swept.deletedUnarchived)
      log(`✓ 按 site.yaml 的 tipRetention 设置，删除了 ${swept.deletedUnarchived} 条超过 ${maxDays} 天仍未归档的。`);
    if (swept.overdueUnarchived)
      warn(
        `  ! ${swept.overdueUnarchived} 条举报或补充材料在网站上已超过 ${maxDays} 天仍未归档，` +
          '请尽快运行 tips archive。',
      );
  });
  return 0;
}
