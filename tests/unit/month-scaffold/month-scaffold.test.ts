import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { HazardList } from '../../../src/schemas/hazard-list';
import { ProgressTable } from '../../../src/schemas/progress-table';
import { scaffoldHazardList, scaffoldProgressTable } from '../../../src/lib/month-scaffold/month-scaffold';
import { findPlaceholders } from '../../../src/lib/month-scaffold/placeholders';
import { JUNE, SITE } from '../support/office-fixtures';

describe('scaffoldHazardList', () => {
  const result = scaffoldHazardList('2023-07', { month: '2023-06', text: JUNE });
  const data = parseDocument(result.listText).toJS() as {
    month: string;
    cutoff: string;
    published: string;
    revisions: unknown[];
    hazards: { plan: unknown; status: string; result?: string; progress: unknown[] }[];
  };

  it('carries every hazard not closed forward, with its five, status and result', () => {
    expect(result.carried).toEqual(['NZ-2023-0001', 'NZ-2023-0002']);
    expect(result.dropped).toEqual(['NZ-2023-0003']);
    const [open, fixed] = data.hazards as [(typeof data.hazards)[0], (typeof data.hazards)[0]];
    expect(open.plan).toEqual({
      responsible: '张某某',
      measures: '加装防溢装置',
      funds: '2万元',
      deadline: '2023-07-20',
      emergencyPlan: '现场配备灭火器材',
    });
    expect(open.status).toBe('整改中');
    expect(fixed.status).toBe('已整改');
    expect(fixed.result).toBe('已安装燃气泄漏报警装置。');
  });

  it('empties this month’s progress and starts the header afresh', () => {
    expect(data.hazards.map((h) => h.progress)).toEqual([[], []]);
    expect(data.month).toBe('2023-07');
    expect(data.cutoff).toBe('2023-07-25');
    expect(data.published).toBe('2023-07-28');
    expect(data.revisions).toEqual([]);
    expect(findPlaceholders(data)).toEqual([
      { path: ['summary'], text: expect.stringContaining('【待填写】') as string },
    ]);
  });

  it('keeps the clerk’s comments and layout, and keeps the sample label', () => {
    expect(result.listText).toContain('# 加油站，限期整改');
    expect(result.listText).toContain('assignedTo: { kind: 包村干部, name: 李某某 }');
    expect(result.listText.split('\n')[0]).toBe('# 示例数据：企业、人员均为虚构。');
    expect(result.listText).not.toContain('NZ-2023-0003');
  });

  it('validates against the hazard-list schema', () => {
    expect(HazardList.safeParse(data).success).toBe(true);
  });

  it('keeps the 政府信息公开 category and publisher, and asks for this month’s index number', () => {
    const withInfo = JUNE.replace(
      /^published: .*$/m,
      (line) =>
        `${line}\npublicInfo:\n  index: X/2023-00001\n  category: 安全生产\n  publisher: 南庄镇人民政府\n` +
        '  written: 2023-06-27\n  number: 南政办发〔2023〕1号',
    );
    const next = parseDocument(scaffoldHazardList('2023-07', { month: '2023-06', text: withInfo }).listText).toJS() as {
      publicInfo: unknown;
    };
    expect(next.publicInfo).toEqual({
      index: expect.stringContaining('【待填写】') as string,
      category: '安全生产',
      publisher: '南庄镇人民政府',
      written: '2023-07-28',
    });
    expect(Object.keys(next).slice(0, 5)).toEqual(['month', 'cutoff', 'published', 'publicInfo', 'summary']);
    expect(findPlaceholders(next).map((p) => p.path)).toEqual([['publicInfo', 'index'], ['summary']]);
  });

  it('starts an empty list when there is no previous month', () => {
    const first = scaffoldHazardList('2023-06', undefined);
    const parsed = HazardList.parse(parseDocument(first.listText).toJS());
    expect(parsed.hazards).toEqual([]);
  });
});

describe('scaffoldProgressTable', () => {
  it('lists every village with every figure zero, as of the 25th', () => {
    const table = ProgressTable.parse(parseDocument(scaffoldProgressTable('2023-07', SITE)).toJS());
    expect(table.asOf).toBe('2023-07-25');
    expect(table.rows.map((r) => r.village)).toEqual(['南庄村', '北庄村']);
    const figures = table.rows.flatMap((r) => [
      ...Object.values(r.overall),
      ...Object.values(r.spotCheck),
      ...Object.values(r.enforcement),
    ]);
    expect(figures).toHaveLength(62);
    expect(new Set(figures)).toEqual(new Set([0]));
  });
});
