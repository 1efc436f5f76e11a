import type { Site } from '../../schemas/site';

/** The age recipients the browser encrypts every tip to. */
export const tipRecipientKeys = (site: Site): string[] => site.tipRecipients.map((r) => r.recipient);

/**
 * A loud build warning while a development recipient (whose private key is public, in
 * tests/fixtures/) is listed: tips encrypted to it are readable by anyone.
 */
export function developmentRecipientWarning(site: Site): string | undefined {
  const development = site.tipRecipients.filter((r) => r.development);
  if (development.length === 0) return undefined;
  const bar = '!'.repeat(72);
  return [
    '',
    bar,
    `!!! 警告：content/site.yaml 的 tipRecipients 中有 ${development.length} 把开发用公钥（development: true）。`,
    '!!! 它的私钥是公开的，用它加密的举报任何人都能解密。正式上线前必须删除，换成办公室自己的公钥',
    '!!! （npm run office -- keys new）。',
    '!!! WARNING: a development tip recipient is listed; its private key is public. Replace it before going live.',
    bar,
    '',
  ].join('\n');
}
