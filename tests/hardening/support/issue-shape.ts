/**
 * What every message a clerk sees must look like: Chinese, addressed to a file (and a
 * hazard number, row or position, and a field where there is one), and never a program's
 * internals — no stack frames, no `undefined`, no `[object Object]`, no English zod text.
 */
import { expect } from 'vitest';
import { formatIssue, type ContentIssue } from '../../../src/lib/content/issues';

const HAN = /\p{Script=Han}/u;
const INTERNALS =
  /\n\s+at |\bat .+:\d+:\d+|\bError\b|undefined|\[object |\bNaN\b|\bexpected\b|\binvalid\b|\bRequired\b/i;

export function expectWellFormed(issue: ContentIssue, files: readonly string[]): void {
  const line = formatIssue(issue);
  expect(files, line).toContain(issue.file);
  expect(issue.message, line).toMatch(HAN);
  expect(line, line).not.toMatch(INTERNALS);
  if (issue.field !== undefined) expect(issue.field, line).toMatch(HAN);
  if (issue.ref !== undefined) {
    // A hazard number, a line, a village row, or a position such as 隐患清单第3项.
    expect(issue.ref, line).toMatch(/^[A-Z]{2,6}-\d{4}-\d{4,6}$|^第\d+行$|第\d+[项行]$|\p{Script=Han}/u);
  }
}

export interface IssueMatch {
  file: string;
  ref?: string;
  field?: string;
  message?: RegExp;
  severity?: 'error' | 'warning';
}

const matches = (issue: ContentIssue, want: IssueMatch) =>
  issue.file === want.file &&
  (want.ref === undefined || issue.ref === want.ref) &&
  (want.field === undefined || issue.field === want.field) &&
  (want.message === undefined || want.message.test(issue.message)) &&
  issue.severity === (want.severity ?? 'error');

export function expectIssue(issues: readonly ContentIssue[], want: IssueMatch, label: string): void {
  const found = issues.some((issue) => matches(issue, want));
  expect(
    found,
    `${label}: expected ${JSON.stringify({ ...want, message: want.message?.source })} among\n${issues.map(formatIssue).join('\n')}`,
  ).toBe(true);
}
