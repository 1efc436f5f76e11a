import { isMap, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ContentIssue } from '../content/issues';
import { validate } from '../content/parse';
import { receiptChangeProblem } from '../tips/receipt-status';
import { RECEIPT_STATUSES, type ReceiptStatus } from '../../schemas/receipt';
import { ReceiptsFileWithRevisions } from '../../schemas/receipt-revision';

/**
 * The outcome of a tip, as the office records it (`tips triage`). The short words the
 * clerk types map to the statuses an informant reads on /receipt/; which changes are
 * allowed is lib/tips/receipt-status.ts's table.
 */
export const TRIAGE_STATUSES = {
  已收到: '已收到',
  核查中: '核查中',
  已列入: '已列入隐患清单',
  不属实: '经核查不属实',
  已移交: '已移交',
} as const satisfies Record<string, ReceiptStatus>;
export type TriageStatus = keyof typeof TRIAGE_STATUSES;

export const isTriageStatus = (value: string): value is TriageStatus => Object.hasOwn(TRIAGE_STATUSES, value);

/**
 * Store `tip-triage` (strong consistency), next to the queue: the office's own record of
 * what it did with each tip, so `tips list` shows it without decrypting anything.
 *   key    the tip's queue key (its submission id)
 *   value  JSON `TriageRecord`
 * It holds no content of the tip and not its receipt lookup key, so it links nothing
 * public to the queue. The tip itself is never changed or deleted by the tools.
 */
export const TRIAGE_STORE = 'tip-triage';

export interface TriageRecord {
  v: 1;
  status: TriageStatus;
  hazard?: string;
  /** Day of the decision, China time. */
  updated: string;
}

export function parseTriageRecord(value: unknown): TriageRecord | undefined {
  const r = value as Partial<TriageRecord> | null | undefined;
  if (r?.v !== 1 || typeof r.status !== 'string' || !isTriageStatus(r.status) || typeof r.updated !== 'string') {
    return undefined;
  }
  return { v: 1, status: r.status, updated: r.updated, ...(typeof r.hazard === 'string' ? { hazard: r.hazard } : {}) };
}

/** Not looked into yet: no record, or only marked received (已收到). `tips list` counts these as 未处理. */
export const isUnhandled = (record: TriageRecord | undefined): boolean => !record || record.status === '已收到';

export const triageLabel = (record: TriageRecord | undefined): string =>
  record ? `${record.status}${record.hazard ? ` ${record.hazard}` : ''}（${record.updated}）` : '未处理';

export interface ReceiptUpdate {
  key: string;
  received: string;
  status: ReceiptStatus;
  updated: string;
  note?: string | undefined;
  hazard?: string | undefined;
}

export type ReceiptsEdit = { ok: true; text: string; created: boolean } | { ok: false; issues: ContentIssue[] };

const RECEIPTS_HEADER = [
  ' 举报处理情况（公开）。由 npm run office -- tips triage / tips promote 维护。',
  ' key 是回执号的查询码（不可反推回执号）；不得写入举报内容或任何能识别举报人的信息。',
].join('\n');

/**
 * Sets one tip's public status in content/receipts.yaml (the file's text, or undefined
 * when it does not exist yet), keeping the rest of the file as it is. A note or hazard
 * number from an earlier status is removed unless given again: it described that status.
 */
export function upsertReceipt(file: string, text: string | undefined, update: ReceiptUpdate): ReceiptsEdit {
  const doc = parseDocument(text ?? 'receipts: []\n');
  if (doc.errors.length)
    return { ok: false, issues: [{ file, message: 'YAML 格式错误，请先修正该文件', severity: 'error' }] };
  if (text === undefined) doc.commentBefore = RECEIPTS_HEADER;
  const existing = doc.get('receipts', true);
  const seq = isSeq(existing) ? existing : (doc.createNode([]) as YAMLSeq);
  if (seq !== existing) doc.set('receipts', seq);
  if (seq.flow && seq.items.length === 0) seq.flow = false;

  let entry = seq.items.find((item): item is YAMLMap => isMap(item) && item.get('key') === update.key);
  const problem = entry && changeProblem(entry, update);
  if (problem) {
    const ref = `查询码 ${update.key.slice(0, 12)}…`;
    return { ok: false, issues: [{ file, ref, field: '状态', message: problem, severity: 'error' }] };
  }
  const created = entry === undefined;
  if (!entry) {
    entry = doc.createNode({ key: update.key, status: update.status, received: update.received });
    seq.items.push(entry);
  }
  entry.set('status', update.status);
  entry.set('updated', update.updated);
  for (const field of ['note', 'hazard'] as const) {
    const value = update[field];
    if (value === undefined) entry.delete(field);
    else entry.set(field, new Scalar(value));
  }

  const out = doc.toString({ lineWidth: 0 });
  const check = validate(file, parseDocument(out).toJS(), ReceiptsFileWithRevisions);
  return check.ok ? { ok: true, text: out, created } : { ok: false, issues: check.issues };
}

/** Why the entry may not take the update's status (see receipt-status.ts); undefined when it may. */
function changeProblem(entry: YAMLMap, update: ReceiptUpdate): string | undefined {
  const status: unknown = entry.get('status');
  const hazard: unknown = entry.get('hazard');
  // A status the schema does not know is reported by the validation below.
  if (!RECEIPT_STATUSES.some((s) => s === status)) return undefined;
  const before = { status: status as ReceiptStatus, hazard: typeof hazard === 'string' ? hazard : undefined };
  const problem = receiptChangeProblem(before, update);
  return (
    problem &&
    `${problem}。如确属更正，请直接修改该文件，并在修订记录（revisions）中写明日期、原因和查询码，再运行 npm run check`
  );
}
