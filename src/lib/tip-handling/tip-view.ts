import type { ReadMessage } from '../tips/message-crypto';
import type { FollowUp, Tip } from '../../schemas/tip';

/** A decrypted tip as the office reads it in the terminal, field by field, in Chinese. */
export function describeTip(tip: Tip): string[] {
  const line = (label: string, value: string | undefined) => (value ? [`${label}：${value}`] : []);
  return [
    ...line('所在村', tip.village),
    ...line('具体位置', tip.place),
    ...line('行业领域', tip.sector),
    ...line('单位/企业', tip.unit),
    ...line('发现日期', tip.seen),
    '隐患情况：',
    ...tip.what.split('\n').map((l) => `  ${l}`),
    `照片：${tip.photos.length} 张`,
    ...(tip.contact ? [`联系方式（举报人自愿留下，严格保密，不得外传或写入任何公开文件）：${tip.contact}`] : []),
  ];
}

/** A decrypted follow-up, as the office reads it. */
export function describeFollowUp(followUp: FollowUp): string[] {
  return ['补充情况：', ...followUp.text.split('\n').map((l) => `  ${l}`), `照片：${followUp.photos.length} 张`];
}

/** The conversation published with a receipt, as the office reads it back with its own key. */
export function describeMessages(messages: readonly ReadMessage[], closed: string | undefined): string[] {
  const lines = messages.flatMap((m) => {
    const who = m.from === 'office' ? '办公室' : '举报人';
    const answered = m.answered ? `（已标记为已答复，${m.answered}）` : '';
    const head = `${m.date} ${who}${answered}：`;
    if (!m.body) return [`${head}（这把私钥无法解密）`];
    const photos = m.body.photos ? [`  （附照片 ${m.body.photos} 张）`] : [];
    return [head, ...m.body.text.split('\n').map((l) => `  ${l}`), ...photos];
  });
  return [...lines, ...(closed ? [`对话已于 ${closed} 结束。`] : [])];
}

/**
 * The decrypted text of a tip that failed validation, for display: as it came, except
 * that long base64 runs (photos) are shortened so the text stays readable.
 */
export function rawForDisplay(text: string): string {
  return text.replace(
    /[A-Za-z0-9+/=]{400,}/g,
    (run) => `${run.slice(0, 40)}…（共 ${run.length} 字符的 base64 数据，已省略）`,
  );
}
