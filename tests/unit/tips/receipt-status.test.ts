import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import {
  RECEIPT_TRANSITIONS,
  checkReceiptHistory,
  receiptChangeProblem,
  type ReceiptsVersion,
} from '../../../src/lib/tips/receipt-status';
import { RECEIPT_STATUSES, type ReceiptEntry, type ReceiptStatus } from '../../../src/schemas/receipt';

const KEY = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

describe('the receipt status table', () => {
  it('covers every status, and never leads back to 已收到', () => {
    expect(Object.keys(RECEIPT_TRANSITIONS).sort()).toEqual([...RECEIPT_STATUSES].sort());
    for (const next of Object.values(RECEIPT_TRANSITIONS)) expect(next).not.toContain('已收到');
  });

  const allowed = (from: ReceiptStatus, to: ReceiptStatus) =>
    receiptChangeProblem({ status: from }, { status: to, ...(to === '已列入隐患清单' ? { hazard: 'X' } : {}) });

  it('lets a tip move from 已收到 through 核查中 to an outcome, or straight to one', () => {
    expect(allowed('已收到', '核查中')).toBeUndefined();
    expect(allowed('已收到', '已移交')).toBeUndefined();
    expect(allowed('核查中', '经核查不属实')).toBeUndefined();
    expect(allowed('核查中', '已列入隐患清单')).toBeUndefined();
  });

  it('re-opens an outcome only through 核查中, and never a listed tip', () => {
    expect(allowed('经核查不属实', '核查中')).toBeUndefined();
    expect(allowed('已移交', '核查中')).toBeUndefined();
    expect(allowed('经核查不属实', '已列入隐患清单')).toBe(
      '回执状态不能从「经核查不属实」改为「已列入隐患清单」（「经核查不属实」只能改为「核查中」）',
    );
    expect(allowed('核查中', '已收到')).toBe(
      '回执状态不能从「核查中」改为「已收到」（「核查中」只能改为「已列入隐患清单」、「经核查不属实」、「已移交」）',
    );
    expect(allowed('已列入隐患清单', '核查中')).toBe(
      '回执状态不能从「已列入隐患清单」改为「核查中」（「已列入隐患清单」不能再改动）',
    );
  });

  it('allows a new receipt at any status, and the same status again, but not another hazard number', () => {
    for (const status of RECEIPT_STATUSES) expect(receiptChangeProblem(undefined, { status })).toBeUndefined();
    expect(allowed('核查中', '核查中')).toBeUndefined();
    const listed = { status: '已列入隐患清单', hazard: 'NZ-2023-0001' } as const;
    expect(receiptChangeProblem(listed, listed)).toBeUndefined();
    expect(receiptChangeProblem(listed, { ...listed, hazard: 'NZ-2023-0002' })).toBe(
      '已列入隐患清单 NZ-2023-0001 的举报不能改为隐患 NZ-2023-0002',
    );
  });
});

describe('checkReceiptHistory', () => {
  const entry = (key: string, status: ReceiptStatus, updated: string, hazard?: string): ReceiptEntry => ({
    key,
    status,
    received: '2023-12-01',
    updated,
    ...(hazard ? { hazard } : {}),
  });
  const version = (
    commit: string | undefined,
    receipts: ReceiptEntry[],
    revisions: ReceiptsVersion['receipts']['revisions'] = [],
  ): ReceiptsVersion => ({ commit, date: commit ? '2023-12-30' : undefined, receipts: { receipts, revisions } });

  const lines = (versions: ReceiptsVersion[]) =>
    checkReceiptHistory('content/receipts.yaml', versions).map(formatIssue);

  it('accepts a history that follows the table', () => {
    expect(
      lines([
        version('1111111111', [entry(KEY, '已收到', '2023-12-01')]),
        version('2222222222', [entry(KEY, '核查中', '2023-12-05'), entry(OTHER, '已移交', '2023-12-05')]),
        version(undefined, [
          entry(KEY, '已列入隐患清单', '2023-12-20', 'NZ-2023-0053'),
          entry(OTHER, '核查中', '2023-12-21'),
        ]),
      ]),
    ).toEqual([]);
  });

  it('names the commit (or the uncommitted change) that broke it, and the receipt', () => {
    const start = version('1111111111', [entry(KEY, '核查中', '2023-12-01')]);
    expect(lines([start, version('2222222222', [entry(KEY, '已收到', '2023-12-05')])])).toEqual([
      'content/receipts.yaml · 查询码 aaaaaaaaaaaa… · 状态: 提交 22222222（2023-12-30）：' +
        '回执状态不能从「核查中」改为「已收到」（「核查中」只能改为「已列入隐患清单」、「经核查不属实」、「已移交」）；' +
        '如确属更正，须在修订记录中写明日期（2023-12-05）、原因和查询码',
    ]);
    expect(lines([start, version(undefined, [entry(KEY, '已收到', '2023-12-05')])])[0]).toMatch(
      /· 状态: 尚未提交的修改：回执状态不能从「核查中」改为「已收到」/,
    );
  });

  it('accepts a correction explained in the revisions, then or later, for that day and key only', () => {
    const revision = { date: '2023-12-05', reason: '误将已移交记为核查中，予以更正。', receipts: [KEY] };
    const history = [
      version('1111111111', [entry(KEY, '已列入隐患清单', '2023-12-01', 'NZ-2023-0001')]),
      version('2222222222', [entry(KEY, '已移交', '2023-12-05')]),
    ];
    expect(lines(history)).toHaveLength(1);
    // Explained in the same commit.
    expect(
      lines([history[0]!, { ...history[1]!, receipts: { ...history[1]!.receipts, revisions: [revision] } }]),
    ).toEqual([]);
    // Explained afterwards, in the file as it is now.
    expect(lines([...history, version(undefined, history[1]!.receipts.receipts, [revision])])).toEqual([]);
    // A revision of another day or another key explains nothing.
    expect(
      lines([...history, version(undefined, history[1]!.receipts.receipts, [{ ...revision, date: '2023-12-06' }])]),
    ).toHaveLength(1);
    expect(
      lines([...history, version(undefined, history[1]!.receipts.receipts, [{ ...revision, receipts: [OTHER] }])]),
    ).toHaveLength(1);
  });
});
