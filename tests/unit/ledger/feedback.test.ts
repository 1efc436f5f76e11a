import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  feedbackWarnings,
  hasFeedbackFor,
  missingFeedback,
  shortDate,
  thursdayOnOrAfter,
  thursdayOnOrBefore,
} from '../../../src/lib/ledger/feedback';
import { HazardList } from '../../../src/schemas/hazard-list';
import { deadlinePlan, fixed, hazard, list } from '../disclosure/fixtures';

const open = (progress: { date: string; text: string }[], found = '2023-11-20') =>
  hazard({ id: 'NZ-2023-0001', found, mode: '限期整改', plan: deadlinePlan('2024-01-31'), progress });

describe('calendar helpers', () => {
  it('finds Thursdays either side of a day (2023-12-14 is a Thursday)', () => {
    expect(thursdayOnOrBefore('2023-12-14')).toBe('2023-12-14');
    expect(thursdayOnOrBefore('2023-12-13')).toBe('2023-12-07');
    expect(thursdayOnOrBefore('2023-12-25')).toBe('2023-12-21');
    expect(thursdayOnOrAfter('2023-12-15')).toBe('2023-12-21');
    expect(thursdayOnOrAfter('2023-12-01')).toBe('2023-12-07');
  });
  it('counts days across month and year ends', () => {
    expect(addDays('2023-12-28', 7)).toBe('2024-01-04');
    expect(daysBetween('2023-11-30', '2023-12-25')).toBe(25);
    expect(daysBetween('2023-12-25', '2023-12-20')).toBe(-5);
    expect(shortDate('2023-12-07')).toBe('12月7日');
  });
});

describe('weekly feedback', () => {
  it('accepts an entry from the Friday before to the Thursday itself', () => {
    expect(hasFeedbackFor(open([{ date: '2023-12-08', text: '周报' }]), '2023-12-14')).toBe(true);
    expect(hasFeedbackFor(open([{ date: '2023-12-14', text: '周报' }]), '2023-12-14')).toBe(true);
    expect(hasFeedbackFor(open([{ date: '2023-12-07', text: '周报' }]), '2023-12-14')).toBe(false);
    expect(hasFeedbackFor(open([{ date: '2023-12-15', text: '周报' }]), '2023-12-14')).toBe(false);
  });

  it('lists the Thursdays a week after assignment that have no entry', () => {
    const h = open([{ date: '2023-12-14', text: '周报' }]);
    expect(missingFeedback(h, '2023-12-01', '2023-12-25')).toEqual(['2023-12-07', '2023-12-21']);
  });

  it('waits a full week after the hazard was found', () => {
    const h = open([], '2023-12-08');
    expect(missingFeedback(h, '2023-12-01', '2023-12-25')).toEqual(['2023-12-21']);
  });

  it('asks nothing of immediate fixes or of fixed hazards', () => {
    const immediate = hazard({ id: 'NZ-2023-0002', found: '2023-11-01' });
    const done = hazard({
      id: 'NZ-2023-0003',
      found: '2023-11-01',
      mode: '限期整改',
      plan: deadlinePlan('2024-01-31'),
      ...fixed('2023-12-20'),
    });
    expect(missingFeedback(immediate, '2023-12-01', '2023-12-25')).toEqual([]);
    expect(missingFeedback(done, '2023-12-01', '2023-12-25')).toEqual([]);
  });

  it('warns, naming the hazard and the missing Thursdays, from the 1st of the month to the cutoff', () => {
    const month = list('2023-12', [open([{ date: '2023-12-21', text: '周报' }]), hazard({ id: 'NZ-2023-0002' })]);
    const warnings = feedbackWarnings('content/hazard-lists/2023-12.yaml', month);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ ref: 'NZ-2023-0001', field: '推进情况', severity: 'warning' });
    expect(warnings[0]!.message).toContain('缺少 12月7日、12月14日（周四）的书面反馈');
  });
});

describe('progress entries in the schema', () => {
  const base = {
    month: '2023-12',
    cutoff: '2023-12-25',
    published: '2023-12-28',
    summary: '概述',
  };
  const raw = (progress: unknown) => ({
    ...base,
    hazards: [
      {
        id: 'NZ-2023-0001',
        title: '隐患',
        unit: '企业',
        village: '甲村',
        sector: '燃气',
        source: '企业自查',
        found: '2023-12-05',
        description: '描述',
        mode: '立即整改',
        assignedTo: { kind: '站所', name: '派出所' },
        status: '整改中',
        progress,
      },
    ],
  });
  const messages = (progress: unknown) => {
    const result = HazardList.safeParse(raw(progress));
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes dated entries', () => {
    expect(messages([{ date: '2023-12-07', text: '已动工' }])).toEqual([]);
    expect(messages(undefined)).toEqual([]);
  });
  it('rejects entries before the hazard was found or after the cutoff', () => {
    expect(messages([{ date: '2023-12-01', text: '早' }])).toEqual([
      'hazards.0.progress.0.date: 推进情况日期不能早于发现日期',
    ]);
    expect(messages([{ date: '2023-12-26', text: '晚' }])).toEqual([
      'hazards.0.progress.0.date: 推进情况日期不能晚于截至日期',
    ]);
  });
  it('rejects the old free text and entries without a date or text', () => {
    expect(messages('12月7日周报：已动工')).toHaveLength(1);
    expect(messages([{ text: '没有日期' }])[0]).toMatch(/progress\.0\.date/);
    expect(messages([{ date: '2023-12-07', text: ' ' }])[0]).toMatch(/progress\.0\.text/);
  });
});
