import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, required } from './args';
import { existsSync } from './files';
import { printer, today, type OfficeIo } from './io';
import { fetchTip, outsideRepo, tipIds, withQueue } from './tip-queue';

/** `tips export --out DIR`: every queued tip's ciphertext, as the standard age command opens it. */
export async function tipsExport(args: string[], io: OfficeIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const dir = outsideRepo(io, required(values.out, '--out', '/media/U盘/举报备份'), '举报备份');
  const { log, warn } = printer(io);
  await withQueue(io, async (queue) => {
    const lines = ['编号\t收到日期\t字节\tsha256'];
    let written = 0;
    for (const id of (await tipIds(queue)).sort()) {
      const stored = await fetchTip(queue, id);
      const sha256 = createHash('sha256').update(stored.bytes).digest('hex');
      if (stored.metadata && stored.metadata.sha256 !== sha256) {
        warn(`  ! 举报 ${id} 的内容摘要与收到时记录的不一致，请保留并报告技术人员。`);
      }
      lines.push([id, stored.metadata?.received ?? '', stored.bytes.length, sha256].join('\t'));
      let path = join(dir, `${id}.age`);
      if (existsSync(path)) {
        if (createHash('sha256').update(readFileSync(path)).digest('hex') === sha256) continue;
        // Never overwrite a backup: keep both, the queue's copy named by its digest.
        path = join(dir, `${id}.${sha256.slice(0, 12)}.age`);
      }
      writeFileSync(path, stored.bytes, { mode: 0o600 });
      written++;
    }
    const index = join(dir, `清单-${today(io)}.tsv`);
    writeFileSync(index, `${lines.join('\n')}\n`, { mode: 0o600 });
    log(
      `✓ 队列共 ${lines.length - 1} 条举报，本次新写入 ${written} 个密文文件到 ${dir}（已有且相同的不重复写入），清单见 ${index}`,
    );
    log('  每个 .age 文件都可以用标准 age 工具解密：age -d -i 私钥文件 编号.age');
  });
  return 0;
}
