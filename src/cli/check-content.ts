/**
 * `npm run check:content` — validates every content file, and the receipts file's status changes
 * across its git history, and prints all problems in Chinese. Exit code 1 when anything would stop
 * the build or a receipt changed status in a way the office tools refuse.
 */
import { formatIssues } from '../lib/content/issues';
import { loadContent } from '../lib/content-set/load';
import { receiptHistoryIssues } from '../lib/content-set/receipt-history';

const result = loadContent();
const history = receiptHistoryIssues();
if (!result.ok || history.length) {
  const issues = [...(result.ok ? [] : result.issues), ...history];
  console.error(`内容文件校验未通过，无法发布。\n${formatIssues(issues)}`);
  process.exit(1);
}
const { content } = result;
if (content.warnings.length) console.warn(formatIssues(content.warnings));
console.log(
  `✓ 内容校验通过：${content.lists.length} 期隐患清单，${content.ledger.ids().length} 项隐患，` +
    `${content.tables.length} 期调度表。`,
);
