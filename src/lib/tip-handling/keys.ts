import { isAbsolute, relative, sep } from 'node:path';

/**
 * An office member's age identity file, in the format `age-keygen` writes, so the
 * standard `age -d -i FILE` opens what the tools export.
 */
export function formatIdentityFile(identity: string, recipient: string, created: Date): string {
  return [
    `# created: ${created.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `# public key: ${recipient}`,
    '# 南庄镇举报解密私钥：请妥善备份（如存于加密U盘），切勿提交到仓库、发送或上传。',
    identity,
    '',
  ].join('\n');
}

/** Whether `path` is `root` itself or anywhere below it (both absolute, already resolved). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
