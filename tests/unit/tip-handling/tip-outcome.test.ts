import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { hazardIdsIn } from '../../../src/lib/month-scaffold/promote';
import { promoteTip, recordOutcome, type TextFile } from '../../../src/lib/tip-handling/tip-outcome';
import { Tip } from '../../../src/schemas/tip';
import { JUNE } from '../support/office-fixtures';

const KEY = 'd'.repeat(64);

/** A file in memory, counting its writes. */
function file(name: string, text: string | undefined): TextFile & { text: string | undefined; writes: number } {
  const f = {
    name,
    text,
    writes: 0,
    read: () => f.text,
    write: (t: string) => {
      f.text = t;
      f.writes++;
    },
  };
  return f;
}

function triageStore() {
  const records = new Map<string, unknown>();
  return { records, setJSON: (key: string, value: unknown) => Promise.resolve(void records.set(key, value)) };
}

const receiptsOf = (text: string | undefined) =>
  (parseDocument(text ?? '').toJS() as { receipts: { key: string; status: string; hazard?: string }[] }).receipts;

const outcome = { tipId: 'tip-1', lookupKey: KEY, received: '2023-06-20', today: '2023-06-21' } as const;

describe('recordOutcome', () => {
  it('writes the public status and the office’s record: 已收到 first, then 核查中', async () => {
    const receipts = file('content/receipts.yaml', undefined);
    const triage = triageStore();
    expect(await recordOutcome(receipts, triage, { ...outcome, status: '已收到' })).toEqual({ ok: true });
    expect(receiptsOf(receipts.text)).toMatchObject([{ key: KEY, status: '已收到', received: '2023-06-20' }]);
    expect(await recordOutcome(receipts, triage, { ...outcome, status: '核查中', note: '已交站所核查。' })).toEqual({
      ok: true,
    });
    expect(receiptsOf(receipts.text)).toMatchObject([{ key: KEY, status: '核查中', note: '已交站所核查。' }]);
    expect(triage.records.get('tip-1')).toEqual({ v: 1, status: '核查中', updated: '2023-06-21' });
  });

  it('refuses a change the status table does not allow, and writes nothing anywhere', async () => {
    const receipts = file('content/receipts.yaml', undefined);
    const triage = triageStore();
    await recordOutcome(receipts, triage, { ...outcome, status: '不属实' });
    const before = receipts.text;
    triage.records.clear();
    const refused = await recordOutcome(receipts, triage, { ...outcome, status: '已收到' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('回执状态不能从「经核查不属实」改为「已收到」');
    expect(!refused.ok && refused.message).toMatch(/^未写入：/);
    expect(receipts.text).toBe(before);
    expect(triage.records.size).toBe(0);
  });
});

describe('promoteTip', () => {
  const tip = Tip.parse({ version: 1, receipt: '0'.repeat(28), what: '仓库堵塞消防通道。', village: '南庄村' });
  const request = {
    ...outcome,
    month: '2023-06',
    tip,
    tipKey: KEY,
    villages: ['南庄村'],
    listTexts: [JUNE],
  };

  it('adds the hazard to the list and marks the receipt 已列入隐患清单 with its number', async () => {
    const list = file('content/hazard-lists/2023-06.yaml', JUNE);
    const receipts = file('content/receipts.yaml', undefined);
    const triage = triageStore();
    const promoted = await promoteTip({ list, receipts }, triage, request);
    expect(promoted.ok && promoted.id).toBe('NZ-2023-0004');
    expect(hazardIdsIn(list.text!).at(-1)).toBe('NZ-2023-0004');
    expect(receiptsOf(receipts.text)).toMatchObject([{ status: '已列入隐患清单', hazard: 'NZ-2023-0004' }]);
    expect(triage.records.get('tip-1')).toMatchObject({ status: '已列入', hazard: 'NZ-2023-0004' });
  });

  it('leaves the list alone when the receipt may not become 已列入 (transferred: re-open it first)', async () => {
    const list = file('content/hazard-lists/2023-06.yaml', JUNE);
    const receipts = file('content/receipts.yaml', undefined);
    const triage = triageStore();
    await recordOutcome(receipts, triage, { ...outcome, status: '已移交' });
    const promoted = await promoteTip({ list, receipts }, triage, request);
    expect(!promoted.ok && promoted.message).toContain('回执状态不能从「已移交」改为「已列入隐患清单」');
    expect(list.writes).toBe(0);
    expect(receiptsOf(receipts.text)).toMatchObject([{ status: '已移交' }]);
  });

  it('says why a tip cannot be listed in that month', async () => {
    const list = file('content/hazard-lists/2023-06.yaml', JUNE);
    const receipts = file('content/receipts.yaml', undefined);
    const late = await promoteTip({ list, receipts }, triageStore(), { ...request, received: '2023-06-27' });
    expect(!late.ok && late.message).toContain('晚于 2023-06 的截至日期 2023-06-25');
    expect(list.writes + receipts.writes).toBe(0);
  });
});
