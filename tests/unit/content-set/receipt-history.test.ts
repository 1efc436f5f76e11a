import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import { receiptHistoryIssues } from '../../../src/lib/content-set/receipt-history';
import { FIXTURE_DIR } from '../../fixtures/ledger';
import { git } from '../../support/git';

const KEY = 'e'.repeat(64);
const receipts = (status: string, updated: string, hazard?: string) =>
  `receipts:\n  - key: ${KEY}\n    status: ${status}\n    received: 2023-08-01\n    updated: ${updated}\n` +
  (hazard ? `    hazard: ${hazard}\n` : '');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The fixture's content in a fresh git repository, the receipts file committed once per version. */
function repository(...versions: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'receipts-history-'));
  const content = join(dir, 'content');
  cpSync(FIXTURE_DIR, content, { recursive: true });
  git(dir, 'init', '-q');
  for (const [index, text] of versions.entries()) {
    writeFileSync(join(content, 'receipts.yaml'), text);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', `receipts ${index + 1}`);
  }
  return content;
}

describe('receiptHistoryIssues', () => {
  it('passes a history that follows the status table', () => {
    const content = repository(receipts('已收到', '2023-08-01'), receipts('核查中', '2023-08-03'));
    writeFileSync(join(content, 'receipts.yaml'), receipts('已移交', '2023-08-09'));
    expect(receiptHistoryIssues(content)).toEqual([]);
  });

  it('finds a committed change against the table, until a revision explains it', () => {
    const content = repository(
      receipts('已移交', '2023-08-02'),
      'receipts: [这一版写坏了\n',
      receipts('已列入隐患清单', '2023-08-05', 'NZ-2023-0001'),
    );
    // The broken version in between is skipped: 已移交 is compared with 已列入隐患清单.
    expect(receiptHistoryIssues(content).map(formatIssue)).toEqual([
      expect.stringMatching(
        /receipts\.yaml · 查询码 eeeeeeeeeeee… · 状态: 提交 [0-9a-f]{8}（\d{4}-\d{2}-\d{2}）：回执状态不能从「已移交」改为「已列入隐患清单」/,
      ),
    ]);
    const file = join(content, 'receipts.yaml');
    const revised = `${receipts('已列入隐患清单', '2023-08-05', 'NZ-2023-0001')}revisions:\n  - date: 2023-08-05\n    reason: 移交后县局退回，经核查列入清单，漏记了核查中。\n    receipts: [${KEY}]\n`;
    writeFileSync(file, revised);
    expect(receiptHistoryIssues(content)).toEqual([]);
  });

  it('checks nothing outside a git repository', () => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-history-'));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'receipts.yaml'), receipts('已收到', '2023-08-01'));
    expect(receiptHistoryIssues(dir)).toEqual([]);
  });
});
