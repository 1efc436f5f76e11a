import type { ContentIssue } from '../content/issues';
import type { ReceiptEntry, ReceiptStatus } from '../../schemas/receipt';
import type { ReceiptsFileWithRevisions } from '../../schemas/receipt-revision';

/**
 * What became of a tip, as the informant reads it on /receipt/, is a state machine:
 *
 *   已收到 ─→ 核查中 ─→ 已列入隐患清单
 *     │                 ├→ 经核查不属实 ─┐
 *     │                 └→ 已移交 ───────┤ (re-opened: back to 核查中)
 *     └──→ (any outcome directly)
 *
 * A tip enters content/receipts.yaml at any status (the office may decide before it first
 * publishes). From there it may only move along this table; setting the same status again
 * (a new note, a new date) is always allowed. 已列入隐患清单 is final: the hazard is in the
 * ledger for good and its own page carries the story on, so neither the status nor the
 * hazard number changes. An outcome other than that can be re-opened (核查中), for instance
 * when the county hands a transferred tip back; it can never go back to 已收到.
 *
 * `tips triage` and `tips promote` refuse any other change; `npm run check` checks every change
 * across the receipts file's git history (checkReceiptHistory). A correction against the table
 * is made by hand and explained in the file's 修订记录 (revisions) on the day of the change.
 */
export const RECEIPT_TRANSITIONS = {
  已收到: ['核查中', '已列入隐患清单', '经核查不属实', '已移交'],
  核查中: ['已列入隐患清单', '经核查不属实', '已移交'],
  已列入隐患清单: [],
  经核查不属实: ['核查中'],
  已移交: ['核查中'],
} as const satisfies Record<ReceiptStatus, readonly ReceiptStatus[]>;

/** What the table says of a receipt's status and hazard number before and after a change. */
type Receipt = Pick<ReceiptEntry, 'status' | 'hazard'>;

/**
 * Why a receipt may not change from `before` (undefined: a new receipt) to `after`, in
 * Chinese; undefined when the change is allowed.
 */
export function receiptChangeProblem(before: Receipt | undefined, after: Receipt): string | undefined {
  if (!before) return undefined;
  if (before.status === after.status) {
    return before.hazard === after.hazard
      ? undefined
      : `已列入隐患清单 ${before.hazard} 的举报不能改为隐患 ${after.hazard ?? '（无）'}`;
  }
  const next: readonly ReceiptStatus[] = RECEIPT_TRANSITIONS[before.status];
  if (next.includes(after.status)) return undefined;
  const allowed = next.length ? `只能改为${next.map((s) => `「${s}」`).join('、')}` : '不能再改动';
  return `回执状态不能从「${before.status}」改为「${after.status}」（「${before.status}」${allowed}）`;
}

/** One version of the receipts file, validated, with where it comes from. */
export interface ReceiptsVersion {
  /** The commit that made this version; undefined for the file as it is now, not yet committed. */
  commit: string | undefined;
  /** The day of that commit. */
  date: string | undefined;
  receipts: ReceiptsFileWithRevisions;
}

const where = (version: ReceiptsVersion) =>
  version.commit ? `提交 ${version.commit.slice(0, 8)}（${version.date}）` : '尚未提交的修改';

/**
 * Every change of status between consecutive versions of the receipts file must be one the
 * table allows — unless a 修订记录 names the receipt's key with the day of the change (the
 * entry's 更新日期) and says why, in that version or in the file as it is now (so a change
 * committed by mistake can still be explained afterwards). Versions oldest first.
 */
export function checkReceiptHistory(file: string, versions: readonly ReceiptsVersion[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const latest = versions.at(-1)?.receipts.revisions ?? [];
  for (let i = 1; i < versions.length; i++) {
    const before = new Map(versions[i - 1]!.receipts.receipts.map((entry) => [entry.key, entry]));
    const version = versions[i]!;
    for (const entry of version.receipts.receipts) {
      const problem = receiptChangeProblem(before.get(entry.key), entry);
      if (!problem) continue;
      const revised = [...version.receipts.revisions, ...latest].some(
        (revision) => revision.date === entry.updated && revision.receipts.includes(entry.key),
      );
      if (revised) continue;
      issues.push({
        file,
        ref: `查询码 ${entry.key.slice(0, 12)}…`,
        field: '状态',
        message:
          `${where(version)}：${problem}；` + `如确属更正，须在修订记录中写明日期（${entry.updated}）、原因和查询码`,
        severity: 'error',
      });
    }
  }
  return issues;
}
