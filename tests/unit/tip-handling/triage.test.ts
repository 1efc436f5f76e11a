import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isUnhandled, parseTriageRecord, triageLabel, upsertReceipt } from '../../../src/lib/tip-handling/triage';

const receiptsOf = (text: string) => (parseDocument(text).toJS() as { receipts: unknown[] }).receipts;

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const EXISTING = `# 举报回执状态
receipts:
  # 第一条
  - key: ${KEY_A}
    status: 核查中
    received: 2023-08-06
    updated: 2023-08-07
    note: 正在现场核实。
`;

describe('upsertReceipt', () => {
  it('updates an entry in place: new status and date, the old note dropped, comments kept', () => {
    const edit = upsertReceipt('r.yaml', EXISTING, {
      key: KEY_A,
      received: '2023-08-06',
      status: '已列入隐患清单',
      updated: '2023-08-10',
      hazard: 'NZ-2023-0023',
    });
    if (!edit.ok) throw new Error(JSON.stringify(edit.issues));
    expect(edit.created).toBe(false);
    expect(edit.text).toContain('# 第一条');
    expect(receiptsOf(edit.text)).toEqual([
      { key: KEY_A, status: '已列入隐患清单', received: '2023-08-06', updated: '2023-08-10', hazard: 'NZ-2023-0023' },
    ]);
  });

  it('appends a new entry, and creates the file when there is none', () => {
    const appended = upsertReceipt('r.yaml', EXISTING, {
      key: KEY_B,
      received: '2023-09-01',
      status: '经核查不属实',
      updated: '2023-09-03',
      note: '现场未发现所反映的问题。',
    });
    expect(appended.ok && receiptsOf(appended.text).length).toBe(2);
    const created = upsertReceipt('r.yaml', undefined, {
      key: KEY_B,
      received: '2023-09-01',
      status: '核查中',
      updated: '2023-09-01',
    });
    expect(created.ok && created.created).toBe(true);
    expect(created.ok && created.text).toMatch(/^# 举报处理情况（公开）/);
  });

  it('refuses what the receipts schema refuses (an update before the tip came)', () => {
    const edit = upsertReceipt('r.yaml', EXISTING, {
      key: KEY_A,
      received: '2023-08-06',
      status: '核查中',
      updated: '2023-08-01',
    });
    expect(!edit.ok && edit.issues.map((i) => i.message)).toEqual(['更新日期不能早于收到日期']);
  });

  it('refuses a change of status the receipt status table does not allow', () => {
    const edit = upsertReceipt('r.yaml', EXISTING, {
      key: KEY_A,
      received: '2023-08-06',
      status: '已收到',
      updated: '2023-08-10',
    });
    expect(!edit.ok && edit.issues).toEqual([
      expect.objectContaining({
        file: 'r.yaml',
        ref: `查询码 ${'a'.repeat(12)}…`,
        field: '状态',
        message: expect.stringMatching(/^回执状态不能从「核查中」改为「已收到」.*修订记录（revisions）/) as string,
      }),
    ]);
  });
});

describe('triage records', () => {
  it('read back what the tools write, and nothing else', () => {
    expect(parseTriageRecord({ v: 1, status: '已列入', hazard: 'NZ-2023-0053', updated: '2023-12-20' })).toEqual({
      v: 1,
      status: '已列入',
      hazard: 'NZ-2023-0053',
      updated: '2023-12-20',
    });
    expect(parseTriageRecord({ v: 1, status: '已删除', updated: '2023-12-20' })).toBeUndefined();
    expect(parseTriageRecord(null)).toBeUndefined();
    expect(triageLabel(undefined)).toBe('未处理');
  });
});

describe('isUnhandled', () => {
  it('counts a tip with no record, or only marked received, as not yet handled', () => {
    expect(isUnhandled(undefined)).toBe(true);
    expect(isUnhandled({ v: 1, status: '已收到', updated: '2023-08-01' })).toBe(true);
    expect(isUnhandled({ v: 1, status: '核查中', updated: '2023-08-01' })).toBe(false);
    expect(isUnhandled({ v: 1, status: '已列入', hazard: 'NZ-2023-0001', updated: '2023-08-01' })).toBe(false);
  });
});
