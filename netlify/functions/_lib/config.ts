import type { Context } from '@netlify/functions';

/**
 * The proof-of-work HMAC key: environment variable TIP_POW_HMAC_KEY (at least 32
 * characters; e.g. `openssl rand -hex 32`). Deployed sites refuse tips without it.
 * Local runs (`npm start`, tests) fall back to a public development key, loudly.
 */
export const HMAC_KEY_VARIABLE = 'TIP_POW_HMAC_KEY';
const DEVELOPMENT_KEY = 'development-only-tip-pow-key-do-not-deploy-0000000000';
const MIN_LENGTH = 32;

// Once per process, however often the runtime re-imports the function module.
const WARNED = Symbol.for('nanzhuang.tips.devKeyWarned');

/** The key, or undefined when a deployed site is missing it. */
export function powHmacKey(context: Context | undefined): string | undefined {
  const configured = process.env[HMAC_KEY_VARIABLE];
  if (configured && configured.length >= MIN_LENGTH) return configured;
  const deployContext = context?.deploy?.context;
  // Netlify sets production / deploy-preview / branch-deploy; NetlifyDev leaves it empty (or 'dev').
  const deployed = Boolean(deployContext) && deployContext !== 'dev';
  if (deployed) {
    console.error(`举报系统未配置：请在 Netlify 环境变量中设置 ${HMAC_KEY_VARIABLE}（至少 ${MIN_LENGTH} 个字符）。`);
    return undefined;
  }
  const flags = globalThis as { [WARNED]?: boolean };
  if (!flags[WARNED]) {
    flags[WARNED] = true;
    console.warn(
      `\n!!! ${HMAC_KEY_VARIABLE} 未设置：防滥用校验正在使用公开的开发用密钥，只能用于本地运行和测试。\n` +
        `!!! ${HMAC_KEY_VARIABLE} is not set: proof-of-work challenges are signed with a PUBLIC development key.\n`,
    );
  }
  return DEVELOPMENT_KEY;
}
