import { describe, expect, it } from 'vitest';
import { ContentError, formatIssue, formatIssues, hasErrors, type ContentIssue } from '../../../src/lib/content/issues';

const error: ContentIssue = {
  file: 'content/hazard-lists/2023-07.yaml',
  ref: 'NZ-2023-0004',
  field: '期限',
  message: '限期整改必须填写整改期限',
  severity: 'error',
};
const warning: ContentIssue = { file: 'content/progress-tables/2023-10.yaml', ref: '石门村', message: '本月调度表未填报该村', severity: 'warning' };

describe('formatIssue', () => {
  it('joins file · reference · field: message', () => {
    expect(formatIssue(error)).toBe('content/hazard-lists/2023-07.yaml · NZ-2023-0004 · 期限: 限期整改必须填写整改期限');
  });

  it('leaves out what is not known', () => {
    expect(formatIssue(warning)).toBe('content/progress-tables/2023-10.yaml · 石门村 · 本月调度表未填报该村');
    expect(formatIssue({ file: 'content/site.yaml', message: '找不到站点文件 site.yaml', severity: 'error' })).toBe(
      'content/site.yaml · 找不到站点文件 site.yaml',
    );
  });
});

describe('formatIssues', () => {
  it('lists errors first, then warnings, with counts', () => {
    expect(formatIssues([warning, error, error])).toBe(
      [
        '发现 2 处错误：',
        `  ✗ ${formatIssue(error)}`,
        `  ✗ ${formatIssue(error)}`,
        '1 处提醒：',
        `  ! ${formatIssue(warning)}`,
      ].join('\n'),
    );
    expect(formatIssues([])).toBe('');
  });

  it('tells errors from warnings', () => {
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
  });

  it('puts the whole report in the error that stops a build', () => {
    const thrown = new ContentError([error]);
    expect(thrown.message).toBe(`内容文件校验未通过，无法发布。\n发现 1 处错误：\n  ✗ ${formatIssue(error)}`);
    expect(thrown.issues).toEqual([error]);
  });
});
