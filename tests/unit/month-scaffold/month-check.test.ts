import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../../src/lib/content/issues';
import {
  combineIssues,
  emptyProgressWarnings,
  placeholderIssues,
  splitByMonth,
} from '../../../src/lib/month-scaffold/month-check';
import { placeholder } from '../../../src/lib/month-scaffold/placeholders';

const raw = {
  month: '2023-08',
  summary: placeholder('本月概述'),
  hazards: [
    { id: 'NZ-2023-0001', status: '整改中', progress: [{ date: '2023-08-03', text: '已动工' }] },
    {
      id: 'NZ-2023-0009',
      status: '整改中',
      progress: [],
      mode: placeholder('立即整改 或 限期整改'),
      assignedTo: { kind: placeholder('包村干部、分管同志 或 站所'), name: '李某' },
    },
  ],
};

describe('placeholderIssues', () => {
  it('names the hazard and the field of every placeholder left', () => {
    expect(placeholderIssues('f.yaml', raw).map((i) => [i.ref, i.field, i.severity])).toEqual([
      [undefined, '本月概述', 'error'],
      ['NZ-2023-0009', '整改方式', 'error'],
      ['NZ-2023-0009', '交办对象类别', 'error'],
    ]);
  });
});

describe('emptyProgressWarnings', () => {
  it('reminds about open hazards without this month’s progress', () => {
    expect(emptyProgressWarnings('f.yaml', raw).map((i) => [i.ref, i.field, i.severity])).toEqual([
      ['NZ-2023-0009', '推进情况', 'warning'],
    ]);
  });
});

describe('combineIssues', () => {
  it('keeps one message where a placeholder also fails the schema', () => {
    const schema: ContentIssue = {
      file: 'f.yaml',
      ref: 'NZ-2023-0009',
      field: '整改方式',
      message: '应为 立即整改 或 限期整改',
      severity: 'error',
    };
    const other: ContentIssue = { file: 'f.yaml', ref: 'NZ-2023-0001', field: '期限', message: 'x', severity: 'error' };
    const combined = combineIssues([schema, other], placeholderIssues('f.yaml', raw));
    expect(combined.map((i) => `${i.ref} ${i.field} ${i.message.slice(0, 4)}`)).toEqual([
      'NZ-2023-0001 期限 x',
      'undefined 本月概述 尚未填写',
      'NZ-2023-0009 整改方式 尚未填写',
      'NZ-2023-0009 交办对象类别 尚未填写',
    ]);
  });
});

describe('splitByMonth', () => {
  it('separates the month’s files from the rest', () => {
    const issue = (file: string): ContentIssue => ({ file, message: 'm', severity: 'error' });
    const split = splitByMonth([issue('content/hazard-lists/2023-08.yaml'), issue('content/site.yaml')], '2023-08');
    expect([split.month.length, split.other.length]).toEqual([1, 1]);
  });
});

describe('the build’s own validation', () => {
  it('refuses a hazard list that still holds a placeholder, naming hazard and field', async () => {
    const { readFileSync } = await import('node:fs');
    const { readContentSet } = await import('../../../src/lib/content-set/content-set');
    const { JUNE } = await import('../support/office-fixtures');
    const text = JUNE.replace('title: 仓库堵塞疏散通道', `title: ${placeholder('隐患名称')}`);
    const result = readContentSet({
      site: { path: 'content/site.yaml', text: readFileSync('content/site.yaml', 'utf8') },
      hazardLists: [{ path: 'content/hazard-lists/2023-06.yaml', text }],
      progressTables: [],
    });
    expect(!result.ok && result.issues.filter((i) => i.severity === 'error')).toEqual([
      {
        file: 'content/hazard-lists/2023-06.yaml',
        ref: 'NZ-2023-0003',
        field: '隐患名称',
        message: '尚未填写（【待填写】隐患名称）',
        severity: 'error',
      },
    ]);
  });
});
