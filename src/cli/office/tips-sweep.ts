import { sweepSpentChallenges } from '../../lib/tips/spent-challenges';
import { parse } from './args';
import { openQueue } from './queue';

/** `tips sweep`: the hourly job of the Netlify scheduled function, for hosts without one (run it from cron). */
export async function tipsSweep(args: string[]): Promise<void> {
  parse(args, {});
  const queue = await openQueue();
  console.log(`举报队列：${queue.description}`);
  try {
    const { deleted, kept } = await sweepSpentChallenges(queue.challenges);
    console.log(`✓ 已删除 ${deleted} 条过期的防滥用校验记录，保留 ${kept} 条未过期的。`);
  } finally {
    await queue.close();
  }
}
