/** `tips archive --out DIR --identity FILE [--keep-days N]`: the command around archive.ts. */
import { realpathSync } from 'node:fs';
import { isInside } from '../../lib/tip-handling/keys';
import type { RetentionStores } from '../../lib/tips/retention';
import { OfficeError, parse, required, UsageError } from './args';
import { archiveQueue, type ArchiveKind } from './archive';
import type { ArchiveFiles } from './archive-disk';
import { loadSite, projectRoot } from './files';
import { contentDirOf, pathArg, printer, shown, today, type OfficeCommand, type OfficeIo } from './io';
import { readIdentities, withQueue } from './tip-queue';

function keepDaysArg(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError('--keep-days 应为天数（0 或正整数，例如 --keep-days 7）');
  return Number(value);
}

/** The command, with the disk it writes to (tests pass a failing one) and a way to wrap the queue. */
export function tipsArchiveWith(
  deps: { files?: ArchiveFiles; wrap?: (stores: RetentionStores) => RetentionStores } = {},
): OfficeCommand {
  return async (args: string[], io: OfficeIo): Promise<number> => {
    const { values } = parse(args, {
      out: { type: 'string' },
      identity: { type: 'string' },
      'keep-days': { type: 'string' },
    });
    const dir = pathArg(io, required(values.out, '--out', '/media/U盘/举报归档'));
    const keepDays = keepDaysArg(values['keep-days']);
    const identities = readIdentities(io, values.identity);
    const villages = loadSite(contentDirOf(io)).villages.map((v) => v.name);
    const inRepo = (() => {
      try {
        return isInside(realpathSync(dir), realpathSync(projectRoot));
      } catch {
        return isInside(dir, projectRoot);
      }
    })();
    if (inRepo)
      throw new OfficeError(
        `不能把举报归档保存在项目文件夹内（${shown(io, dir)}）：一旦提交就会泄露。请换一个仓库以外的文件夹。`,
      );
    const { log, warn } = printer(io);
    const result = await withQueue(io, (queue) =>
      archiveQueue(deps.wrap ? deps.wrap(queue) : queue, {
        dir,
        identities,
        villages,
        keepDays,
        today: today(io),
        ...(deps.files ? { files: deps.files } : {}),
      }),
    );
    if (!result.folder) {
      log('✓ 队列中没有尚未归档的举报或补充材料，没有写入任何文件。');
      return 0;
    }
    const count = (kind: ArchiveKind) => result.manifest.items.filter((i) => i.kind === kind).length;
    log(
      `✓ 已归档 ${count('tip')} 条举报、${count('follow-up')} 条补充材料到 ${result.folder}（清单：清单.json），` +
        '每个文件都已从磁盘读回核对。',
    );
    log(
      `  已从网站删除 ${result.deleted} 条` +
        (result.kept ? `；近 ${keepDays} 天收到的 ${result.kept} 条暂留网站，到期由每小时的清理任务删除。` : '。'),
    );
    log('  每个 .age 文件都可以用标准 age 工具解密：age -d -i 私钥文件 编号.age');
    if (result.notVerified.length) {
      warn(
        `  ! ${result.notVerified.length} 条无法用这把私钥解密或摘要不符，已写入归档但仍留在网站上：${result.notVerified.join('、')}`,
      );
      return 1;
    }
    return 0;
  };
}

export const tipsArchive = tipsArchiveWith();
