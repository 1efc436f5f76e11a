import { sweepSpentChallenges } from '../../lib/tips/spent-challenges';
import { parse } from './args';
import { printer, type OfficeIo } from './io';
import { withQueue } from './tip-queue';

/** `tips sweep`: the hourly job of the Netlify scheduled function, for hosts without one (run it from cron). */
export async function tipsSweep(args: string[], io: OfficeIo): Promise<number> {
  parse(args, {});
  await withQueue(io, async (queue) => {
    const { deleted, kept } = await sweepSpentChallenges(queue.challenges, io.now());
    printer(io).log(`✓ 已删除 ${deleted} 条过期的防滥用校验记录，保留 ${kept} 条未过期的。`);
  });
  return 0;
}
