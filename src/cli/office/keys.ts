import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { formatIdentityFile, isInside } from '../../lib/tip-handling/keys';
import { OfficeError, parse, required } from './args';
import { projectRoot } from './files';
import { pathArg, printer, shown, type OfficeIo } from './io';

/** The nearest existing folder at or above `path`, resolved through symlinks. */
function existingAncestor(path: string): string {
  let dir = path;
  while (!existsSync(dir)) dir = dirname(dir);
  return realpathSync(dir);
}

function insideGitWorkTree(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** `keys new --out FILE [--label 名称]` */
export async function keysNew(args: string[], io: OfficeIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, label: { type: 'string' } });
  const out = pathArg(io, required(values.out, '--out', '/media/U盘/张三-identity.txt'));
  const where = existingAncestor(dirname(out));
  if (isInside(where, realpathSync(projectRoot)) || insideGitWorkTree(where)) {
    throw new OfficeError(
      `不能把私钥保存在项目或其他 git 仓库的文件夹内（${shown(io, out)}）：一旦提交就会泄露。` +
        '请保存到仓库以外的位置，例如加密U盘或个人主目录下的 office-keys 文件夹。',
    );
  }
  if (existsSync(out)) throw new OfficeError(`文件 ${out} 已存在，不会覆盖（覆盖会丢失原有私钥）。`);

  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  // wx: never replace a file that appeared meanwhile; 0600: readable by its owner only.
  writeFileSync(out, formatIdentityFile(identity, recipient, io.now()), { flag: 'wx', mode: 0o600 });

  const { log } = printer(io);
  const label = values.label ?? '办公室成员姓名（请修改）';
  log(`✓ 已生成举报解密私钥：${out}`);
  log('');
  log('公钥（可以公开）：');
  log(`  ${recipient}`);
  log('');
  log('请把下面两行加到 content/site.yaml 的 tipRecipients 下，提交并发布后，新举报就能用这把私钥解密：');
  log(`  - label: ${label}`);
  log(`    recipient: ${recipient}`);
  log('');
  log('重要提醒：');
  log('  1. 立即备份私钥文件（例如另存一份到加密U盘并锁进保密柜）。私钥丢失后，发给这把公钥的举报将无法解密。');
  log('  2. 私钥只能由本人保管，不要提交到仓库、不要通过微信或邮件发送。');
  log('  3. 如私钥泄露或人员调离：从 site.yaml 删除对应公钥并重新发布。');
  log('  4. 正式上线前，删除 site.yaml 中标有 development: true 的开发用公钥。');
  return 0;
}
