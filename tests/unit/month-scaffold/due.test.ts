import { describe, expect, it } from 'vitest';
import { dueReport, formatDueReport } from '../../../src/lib/month-scaffold/due';
import { deadlinePlan, fixed, hazard, list } from '../disclosure/fixtures';

const deadlineFix = (id: string, deadline: string, name: string, progress: { date: string; text: string }[] = []) =>
  hazard({
    id,
    title: `隐患${id.slice(-1)}`,
    found: '2023-11-01',
    mode: '限期整改',
    plan: deadlinePlan(deadline),
    assignedTo: { kind: '分管同志', name },
    progress,
  });

const month = list('2023-12', [
  // Overdue, with this week's feedback.
  deadlineFix('NZ-2023-0001', '2023-12-10', '聂某某', [{ date: '2023-12-21', text: '周报' }]),
  // Due in 5 days and missing the 12-21 feedback.
  deadlineFix('NZ-2023-0002', '2023-12-30', '邢某某', [{ date: '2023-12-14', text: '周报' }]),
  // Far off and reported: not listed.
  deadlineFix('NZ-2023-0003', '2024-03-31', '聂某某', [{ date: '2023-12-20', text: '周报' }]),
  // Due today, same assignee as the first.
  deadlineFix('NZ-2023-0004', '2023-12-25', '聂某某', [{ date: '2023-12-21', text: '周报' }]),
  // Fixed: never listed, even though its deadline passed.
  hazard({
    id: 'NZ-2023-0005',
    found: '2023-11-01',
    mode: '限期整改',
    plan: deadlinePlan('2023-12-01'),
    ...fixed('2023-12-05'),
  }),
  // An immediate fix: not the meeting's business.
  hazard({ id: 'NZ-2023-0006', found: '2023-11-01' }),
]);

describe('dueReport', () => {
  const report = dueReport(month, '2023-12-25');

  it('takes the latest Thursday on or before the day', () => {
    expect(report.thursday).toBe('2023-12-21');
  });

  it('groups overdue, due-soon and unreported deadline fixes by assignee', () => {
    expect(report.groups.map((g) => [g.assignee, g.items.map((i) => i.hazard.id)])).toEqual([
      ['分管同志 聂某某', ['NZ-2023-0001', 'NZ-2023-0004']],
      ['分管同志 邢某某', ['NZ-2023-0002']],
    ]);
    const [first, today] = report.groups[0]!.items;
    expect(first).toMatchObject({ overdueDays: 15, missingFeedback: false });
    expect(today).toMatchObject({ dueInDays: 0 });
    expect(report.groups[1]!.items[0]).toMatchObject({ dueInDays: 5, missingFeedback: true });
  });

  it('prints a plain-text table in Chinese with the counts first', () => {
    const text = formatDueReport(report);
    expect(text).toContain('2023年12月清单，截至 2023年12月25日');
    expect(text).toContain('已逾期 1 项；7 天内到期 2 项；缺少 12月21日（周四）书面反馈 1 项。');
    expect(text).toContain('交办对象：分管同志 聂某某（2 项）');
    expect(text).toMatch(/NZ-2023-0001 {2}隐患1 +甲村 +2023-12-10 {2}已逾期 15 天/);
    expect(text).toContain('今天到期');
    expect(text).toContain('5 天后到期；缺 12月21日 反馈');
  });

  it('shortens long titles so the table stays printable', () => {
    const long = list('2023-12', [
      hazard({ ...deadlineFix('NZ-2023-0009', '2023-12-01', '聂某某'), title: '很长的隐患名称'.repeat(6) }),
    ]);
    const row = formatDueReport(dueReport(long, '2023-12-25'))
      .split('\n')
      .find((l) => l.includes('NZ-2023-0009'))!;
    expect(row).toContain('…');
  });

  it('says so when nothing needs chasing', () => {
    const text = formatDueReport(dueReport(list('2023-12', [hazard({ id: 'NZ-2023-0006' })]), '2023-12-25'));
    expect(text).toContain('没有逾期、即将到期或缺少周四反馈的限期整改隐患。');
  });
});
