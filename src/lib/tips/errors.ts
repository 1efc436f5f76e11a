import { MAX_ENVELOPE_BYTES } from '../../schemas/tip-limits';

/**
 * Every answer of the tip function other than success: HTTP status, a stable code the
 * form and tests rely on, and the Chinese message the form shows as is.
 */
export const TIP_ERRORS = {
  method_not_allowed: { status: 405, message: '请求方式不正确：举报只能通过本站表单提交。' },
  unsupported_media_type: { status: 415, message: '提交格式不正确：应为 JSON。请刷新页面后重试。' },
  too_large: {
    status: 413,
    message: `提交的内容太大（不能超过 ${Math.floor(MAX_ENVELOPE_BYTES / 1024 / 1024)} MB）。请减少照片后重试。`,
  },
  invalid_json: { status: 400, message: '提交的内容无法读取。请刷新页面后重试。' },
  invalid_envelope: { status: 400, message: '提交的内容不完整或格式有误。请刷新页面后重试。' },
  invalid_ciphertext: { status: 400, message: '举报内容没有按要求加密，未被接收。请刷新页面后重试。' },
  challenge_invalid: { status: 400, message: '防滥用校验未通过，举报未被接收。请重新提交。' },
  challenge_expired: { status: 400, message: '防滥用校验已过期，举报未被接收。请重新提交。' },
  challenge_used: { status: 400, message: '这次防滥用校验已经用过，举报未被接收。请重新提交。' },
  submission_conflict: {
    status: 409,
    message: '同一个提交编号已收到过不同的内容，这次未被接收。请刷新页面后重新填写。',
  },
  rate_limited: { status: 429, message: '提交太频繁，请过几分钟再试。情况紧急请直接拨打电话。' },
  not_configured: { status: 503, message: '举报系统暂未配置完成，请改用电话或邮箱举报。' },
  storage_failed: { status: 503, message: '暂时无法保存举报，请稍后重试，或改用电话、邮箱举报。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type TipErrorCode = keyof typeof TIP_ERRORS;

export interface TipErrorBody {
  code: TipErrorCode;
  message: string;
}

export function tipError(code: TipErrorCode): { status: number; body: TipErrorBody } {
  const { status, message } = TIP_ERRORS[code];
  return { status, body: { code, message } };
}

/** What the function answers when the tip is queued (also for an identical retry). */
export interface TipAccepted {
  ok: true;
  submissionId: string;
  /** Day received, China time — the only time the queue keeps. */
  received: string;
}
