import { Decrypter } from 'age-encryption';
import type { z } from 'zod';
import { ReceiptNumber } from '../../schemas/receipt';
import { FollowUp, Tip, tipForVillages } from '../../schemas/tip';

/**
 * The office side: decrypt a queued item and check it against its schema — a tip, or a
 * follow-up to one (`kind: 'follow-up'`). An item that fails validation is still returned,
 * raw, with the problems — a tip is never dropped.
 */
export type OpenedTip =
  | { ok: true; kind: 'tip'; tip: Tip; text: string }
  | { ok: true; kind: 'follow-up'; followUp: FollowUp; text: string }
  | { ok: false; text: string; problems: string[] }
  | { ok: false; text: undefined; problems: string[] };

export interface OpenOptions {
  /** Village names of content/site.yaml; when given, the village must be one of them. */
  villages?: readonly string[];
}

/** `identities`: AGE-SECRET-KEY-1… strings (comment lines in identity files are skipped). */
export async function openTip(
  ciphertext: Uint8Array,
  identities: readonly string[],
  options: OpenOptions = {},
): Promise<OpenedTip> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  let text: string;
  try {
    text = await decrypter.decrypt(ciphertext, 'text');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, text: undefined, problems: [`无法解密（密钥不对或文件损坏）：${reason}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, text, problems: ['解密后的内容不是 JSON'] };
  }
  const problems = (issues: z.core.$ZodIssue[]) =>
    issues.map((issue) => `${issue.path.join('.') || '（整体）'}：${issue.message}`);
  if ((json as { kind?: unknown } | null)?.kind === 'follow-up') {
    const followUp = FollowUp.safeParse(json);
    if (followUp.success) return { ok: true, kind: 'follow-up', followUp: followUp.data, text };
    return { ok: false, text, problems: problems(followUp.error.issues) };
  }
  const schema: z.ZodType<Tip> = options.villages ? tipForVillages(options.villages) : Tip;
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, kind: 'tip', tip: result.data, text };
  return {
    ok: false,
    text,
    problems: problems(result.error.issues),
  };
}

/** The AGE-SECRET-KEY lines of an identity file's text. */
export function identitiesFromFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('AGE-SECRET-KEY-'));
}

/**
 * The receipt number inside an opened tip — also from a tip that failed validation, when its
 * receipt itself is sound. Undefined when there is none to trust.
 */
export function receiptIn(opened: OpenedTip): string | undefined {
  if (opened.ok) return opened.kind === 'tip' ? opened.tip.receipt : opened.followUp.receipt;
  let receipt: unknown;
  try {
    receipt = (JSON.parse(opened.text ?? '') as { receipt?: unknown }).receipt;
  } catch {
    return undefined;
  }
  const parsed = ReceiptNumber.safeParse(receipt);
  return parsed.success ? parsed.data : undefined;
}
