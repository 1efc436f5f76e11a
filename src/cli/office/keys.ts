import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { formatIdentityFile, isInside } from '../../lib/tip-handling/keys';
import { OfficeError, parse, required } from './args';
import { projectRoot, shown } from './files';

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
export async function keysNew(args: string[]): Promise<void> {
  const { values } = parse(args, { out: { type: 'string' }, label: { type: 'string' } });
  const out = resolve(required(values.out, '--out', '/media/U盘/张三-identity.txt'));
  const where = existingAncestor(dirname(out));
  if (isInside(where, realpathSync(projectRoot)) || insideGitWorkTree(where)) {
    throw new OfficeError(
      `不能把私钥保存在项目或其他 git 仓库的文件夹内（${shown(out)}）：一旦提交就会泄露。` +
        '请保存到仓库以外的位置，例如加密U盘或个人主目录下的 office-keys 文件夹。',
    );
  }
  if (existsSync(out)) throw new OfficeError(`文件 ${out} 已存在，不会覆盖（覆盖会丢失原有私钥）。`);

  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  // wx: never replace a file that appeared meanwhile; 0600: readable by its owner only.
  writeFileSync(out, formatIdentityFile(identity, recipient, new Date()), { flag: 'wx', mode: 0o600 });

  const label = values.label ?? '办公室成员姓名（请修改）';
  console.log(`✓ 已生成举报解密私钥：${out}`);
  console.log('');
  console.log('公钥（可以公开）：');
  console.log(`  ${recipient}`);
  console.log('');
  console.log('请把下面两行加到 content/site.yaml 的 tipRecipients 下，提交并发布后，新举报就能用这把私钥解密：');
  console.log(`  - label: ${label}`);
  console.log(`    recipient: ${recipient}`);
  console.log('');
  console.log('重要提醒：');
  console.log('  1. 立即备份私钥文件（例如另存一份到加密U盘并锁进保密柜）。私钥丢失后，发给这把公钥的举报将无法解密。');
  console.log('  2. 私钥只能由本人保管，不要提交到仓库、不要通过微信或邮件发送。');
  console.log('  3. 如私钥泄露或人员调离：从 site.yaml 删除对应公钥并重新发布。');
  console.log('  4. 正式上线前，删除 site.yaml 中标有 development: true 的开发用公钥。');
}
