import { z } from 'zod';
import { chinaDay, IsoDate } from './common';
import { ReceiptNumber } from './receipt';
import { SECTORS } from './sector';
import { ENVELOPE_VERSION, MAX_ENVELOPE_BYTES, TIP_LIMITS, VILLAGE_UNKNOWN } from './tip-limits';

/**
 * The anonymous tip, as the informant fills it in. The browser validates it with this
 * schema, encrypts the JSON of it to the office's age recipients, and only the office
 * ever sees it again (lib/tips/open.ts decrypts and validates it with the same schema).
 *
 * Versions: the form fills in version 1 (the fields below); sealing it (lib/tips/envelope.ts)
 * adds the informant's reply key (`replyTo`, derived from the receipt) and makes it version 2,
 * which is what the queue holds since the conversation exists. Version 1 tips queued before
 * are still read: the office cannot reply to those until the informant sends a follow-up.
 */

export { TIP_LIMITS, VILLAGE_UNKNOWN, ENVELOPE_VERSION, MAX_ENVELOPE_BYTES } from './tip-limits';

// C0/C1 controls (tab and newline allowed), and bidi overrides that could make a text read differently from what it is.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const noControlChars = (value: string) => !FORBIDDEN_CHARS.test(value);
const CONTROL_MESSAGE = '含有不能使用的控制字符，请删除后重试';

function requiredText(max: number, emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, { error: emptyMessage })
    .max(max, { error: `不能超过 ${max} 字` })
    .refine(noControlChars, { error: CONTROL_MESSAGE });
}

/** An optional field whose blank value (an empty form control) counts as not given. */
function blankAsMissing<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** Optional free text: blank counts as not given. */
function optionalText(max: number) {
  return z
    .string({ error: '应为文字' })
    .trim()
    .max(max, { error: `不能超过 ${max} 字` })
    .refine(noControlChars, { error: CONTROL_MESSAGE })
    .transform((value) => (value ? value : undefined))
    .optional();
}

/** A photo after the browser re-encoded it: JPEG only, metadata gone, base64. */
export const TipPhoto = z.strictObject({
  type: z.literal('image/jpeg', { error: '照片应为 JPEG' }),
  width: z.int().min(1).max(TIP_LIMITS.photoSide),
  height: z.int().min(1).max(TIP_LIMITS.photoSide),
  data: z
    .string()
    .max(Math.ceil(TIP_LIMITS.photoBytes / 3) * 4, { error: '照片太大' })
    .regex(/^\/9j\/[A-Za-z0-9+/]*={0,2}$/, { error: '照片应为 JPEG（base64）' }),
});
export type TipPhoto = z.output<typeof TipPhoto>;

/** An age X25519 recipient (public key), `age1…`. */
export const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, { error: '应为 age 公钥（age1 开头）' });

const tipFields = {
  /** Generated in the browser; travels only inside the ciphertext. */
  receipt: ReceiptNumber,
  /** 隐患情况: what the hazard is. */
  what: requiredText(TIP_LIMITS.what, '请写明发现了什么隐患'),
  /** 所在村: a village name from content/site.yaml, or VILLAGE_UNKNOWN. */
  village: requiredText(50, '请选择隐患所在的村'),
  /** 具体位置: street, landmark… */
  place: optionalText(TIP_LIMITS.place),
  sector: blankAsMissing(z.enum(SECTORS, { error: '请从列表中选择行业领域' })),
  /** 单位/企业名称 */
  unit: optionalText(TIP_LIMITS.unit),
  /** 发现日期 */
  seen: blankAsMissing(
    IsoDate.refine((day) => day >= '2000-01-01', { error: '请填写正确的日期' }).refine((day) => day <= chinaDay(), {
      error: '发现日期不能晚于今天',
    }),
  ),
  photos: z
    .array(TipPhoto)
    .max(TIP_LIMITS.photos, { error: `最多 ${TIP_LIMITS.photos} 张照片` })
    .default([]),
  /** 联系方式: optional, and it weakens anonymity — the form says so. */
  contact: optionalText(TIP_LIMITS.contact),
};

export const Tip = z.discriminatedUnion('version', [
  z.strictObject({ version: z.literal(1), ...tipFields }),
  z.strictObject({
    version: z.literal(2),
    ...tipFields,
    /** The informant's reply key (lib/tips/reply-key.ts), added when the tip is sealed. */
    replyTo: AgeRecipient,
  }),
]);
/** A tip as validated (blank optional fields removed). */
export type Tip = z.output<typeof Tip>;

/**
 * A follow-up (补充材料) the informant sends from the receipt page: more text and photos about a
 * tip already sent. It goes to the queue as a new, unrelated item; only the receipt inside the
 * ciphertext links it to its tip, so only the office can thread it.
 */
export const FollowUp = z.strictObject({
  version: z.literal(2),
  kind: z.literal('follow-up'),
  receipt: ReceiptNumber,
  text: requiredText(TIP_LIMITS.what, '请写明要补充的情况'),
  photos: tipFields.photos,
  replyTo: AgeRecipient,
});
export type FollowUp = z.output<typeof FollowUp>;

/** What the browser seals (lib/tips/envelope.ts): a tip, or a follow-up to one. */
export type Sealable = Tip | Omit<FollowUp, 'replyTo'>;

/** The tip checked against the site file: the village must be one of its villages (or 不清楚). */
export function tipForVillages(villages: readonly string[]) {
  const allowed = new Set([...villages, VILLAGE_UNKNOWN]);
  return Tip.superRefine((tip, ctx) => {
    if (!allowed.has(tip.village)) {
      ctx.addIssue({ code: 'custom', path: ['village'], message: '请从列表中选择所在的村' });
    }
  });
}

/*
 * The envelope: what the browser POSTs to /api/tips. Everything the informant wrote is
 * inside `ciphertext`; the rest is what the function needs to accept it once.
 */

const Hex = z.string().regex(/^(?:[0-9a-f]{2})+$/, { error: '应为十六进制' });

/** An ALTCHA v2 challenge as the server signed it (only the fields it signs). */
export const PowChallenge = z.strictObject({
  parameters: z.strictObject({
    algorithm: z.string().max(32),
    nonce: Hex.max(128),
    salt: Hex.max(128),
    cost: z.int().positive(),
    keyLength: z.int().positive().max(64),
    keyPrefix: z.string().regex(/^[0-9a-f]{1,128}$/),
    keySignature: Hex.max(256).optional(),
    memoryCost: z.int().positive().optional(),
    parallelism: z.int().positive().optional(),
    expiresAt: z.int().positive().optional(),
    data: z.record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean(), z.null()])).optional(),
  }),
  signature: Hex.max(256),
});
export type PowChallenge = z.output<typeof PowChallenge>;

export const PowSolution = z.strictObject({
  counter: z.int().min(0).max(0xffffffff),
  derivedKey: Hex.max(256),
  time: z.number().nonnegative().optional(),
});
export type PowSolution = z.output<typeof PowSolution>;

export const TipEnvelope = z.strictObject({
  version: z.literal(ENVELOPE_VERSION, { error: '版本不受支持，请刷新页面后重试' }),
  /** Chosen by the browser once per submission; a retry of the same submission reuses it. */
  submissionId: z.uuid({ error: '提交编号格式不正确' }),
  /** The age-encrypted tip: ASCII-armored, or the binary file in base64. */
  ciphertext: z.string().min(1).max(MAX_ENVELOPE_BYTES),
  pow: z.strictObject({ challenge: PowChallenge, solution: PowSolution }),
});
export type TipEnvelope = z.output<typeof TipEnvelope>;
