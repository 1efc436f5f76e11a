import { describe, expect, it } from 'vitest';
import { hazardChanges, hazardRecord } from '../../../src/lib/disclosure/hazard-record';
import { directory, hazard, threeMonths } from './fixtures';

describe('hazardRecord', () => {
  const ledger = threeMonths();

  it('is undefined for a number never listed', () => {
    expect(hazardRecord(ledger, directory, 'NZ-2023-9999')).toBeUndefined();
  });

  it('follows a hazard month by month with what changed and the revisions naming it', () => {
    const record = hazardRecord(ledger, directory, 'NZ-2023-0003')!;
    expect(record.months).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(record.firstMonth).toBe('2023-06');
    expect(record.inLatestList).toBe(true);
    expect(record.village).toEqual({ slug: 'jia', name: '甲村' });
    expect(record.sector).toEqual({ slug: 'fire', name: '消防' });
    expect(record.current.hazard.status).toBe('已销号');
    const [june, july, august] = record.entries;
    expect(june!.changes).toEqual([]);
    expect(june!.supervised).toBe(true);
    expect(july!.changes).toEqual([
      { field: '状态', before: '整改中', after: '已整改' },
      { field: '整改完成日期', before: '（无）', after: '2023年7月15日' },
      { field: '整改结果', before: '（无）', after: '已更换' },
    ]);
    expect(july!.revisions.map((r) => r.reason)).toEqual(['更正 NZ-2023-0003 的单位名称']);
    expect(august!.changes).toEqual([
      { field: '状态', before: '已整改', after: '已销号' },
      { field: '办结销号', before: '（无）', after: '王县长（2023年8月22日）' },
    ]);
    expect(august!.revisions).toEqual([]);
  });

  it('marks overdue months and a closed hazard that left the list', () => {
    const a = hazardRecord(ledger, directory, 'NZ-2023-0001')!;
    expect(a.entries.map((e) => e.overdue)).toEqual([false, true, false]);
    const b = hazardRecord(ledger, directory, 'NZ-2023-0002')!;
    expect(b.months).toEqual(['2023-06', '2023-07']);
    expect(b.inLatestList).toBe(false);
  });
});

describe('hazardChanges', () => {
  it('names each changed field in Chinese, with the five and the description', () => {
    const before = hazard({
      id: 'NZ-2023-0001',
      mode: '限期整改',
      plan: { responsible: '甲', measures: 'm', funds: '1万元', deadline: '2023-07-01', emergencyPlan: 'e' },
    });
    const after = hazard({
      id: 'NZ-2023-0001',
      village: '乙村',
      description: '新的描述',
      mode: '限期整改',
      plan: { responsible: '乙', measures: 'm', funds: '1万元', deadline: '2023-08-01', emergencyPlan: 'e' },
    });
    expect(hazardChanges(before, after)).toEqual([
      { field: '所在村', before: '甲村', after: '乙村' },
      { field: '责任人', before: '甲', after: '乙' },
      { field: '期限', before: '2023年7月1日', after: '2023年8月1日' },
      { field: '隐患描述', before: '', after: '已更新' },
    ]);
  });

  it('ignores the weekly progress, which changes every month by design', () => {
    const a = hazard({ id: 'NZ-2023-0001', progress: [{ date: '2023-07-06', text: '一' }] });
    const b = hazard({ id: 'NZ-2023-0001', progress: [{ date: '2023-07-13', text: '二' }] });
    expect(hazardChanges(a, b)).toEqual([]);
  });
});
