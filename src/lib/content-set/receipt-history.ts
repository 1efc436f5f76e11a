import { contentDir, contentFileName, contentPaths, receiptsVersions } from '../content/folder';
import type { ContentIssue } from '../content/issues';
import { parseContent } from '../content/parse';
import { checkReceiptHistory, type ReceiptsVersion } from '../tips/receipt-status';
import { ReceiptsFileWithRevisions } from '../../schemas/receipt-revision';

/**
 * The receipts file's status changes across its git history, against the allowed transitions
 * (lib/tips/receipt-status.ts): part of `npm run check` and `month check`, not of the build.
 *
 * Limits: only the history git has here is checked. Outside a git repository (a copied folder)
 * nothing is; a shallow clone checks from its oldest commit on; a version that does not parse is
 * skipped (the file as it is now is validated by loadContent), so a change across it is compared
 * with the last version that did.
 */
export function receiptHistoryIssues(dir: string = contentDir()): ContentIssue[] {
  const versions = receiptsVersions(dir);
  if (!versions) return [];
  const file = contentFileName(contentPaths(dir).receipts);
  const valid = versions.flatMap(({ commit, date, text }): ReceiptsVersion[] => {
    const parsed = parseContent(file, text, ReceiptsFileWithRevisions);
    return parsed.ok ? [{ commit, date, receipts: parsed.value }] : [];
  });
  return checkReceiptHistory(file, valid);
}
