/**
 * A problem found in a content file, addressed the way a clerk looks for it:
 * the file, the hazard number (or table row), the field, and what is wrong — in Chinese.
 */
export interface ContentIssue {
  file: string;
  /** Hazard number, village of a table row, or 第N项 when the item has no number yet. */
  ref?: string | undefined;
  /** Chinese label of the field. */
  field?: string | undefined;
  message: string;
  /** Errors stop the build; warnings are shown on the page (e.g. table ≠ ledger). */
  severity: 'error' | 'warning';
}

/** `content/hazard-lists/2023-07.yaml · NZ-2023-0004 · 期限: 限期整改必须填写整改期限` */
export function formatIssue(issue: ContentIssue): string {
  const what = issue.field ? `${issue.field}: ${issue.message}` : issue.message;
  return [issue.file, issue.ref, what].filter(Boolean).join(' · ');
}

export function formatIssues(issues: readonly ContentIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  if (errors.length) lines.push(`发现 ${errors.length} 处错误：`, ...errors.map((i) => `  ✗ ${formatIssue(i)}`));
  if (warnings.length) lines.push(`${warnings.length} 处提醒：`, ...warnings.map((i) => `  ! ${formatIssue(i)}`));
  return lines.join('\n');
}

export const hasErrors = (issues: readonly ContentIssue[]): boolean => issues.some((i) => i.severity === 'error');

/** Thrown when content cannot be published; its message is the full Chinese report. */
export class ContentError extends Error {
  constructor(readonly issues: readonly ContentIssue[]) {
    super(`内容文件校验未通过，无法发布。\n${formatIssues(issues)}`);
    this.name = 'ContentError';
  }
}
