import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../scripts/bench/synthetic/yaml-emit';

describe('toYaml', () => {
  it('writes block style that reads back to the same value', () => {
    const value = {
      month: '2023-06',
      count: 3,
      flag: false,
      empty: [],
      none: {},
      text: '第一段。\n\n- 列表项\n- **粗体**',
      tricky: ['true', 'null', '12', '1e3', '- dash', 'a: b', 'x #y', ' lead', 'trail ', '', '0x1F', '#hash', '*alias'],
      control: 'bell\u0007 and \u202e override',
      keep: 'ends with newline\n',
      keepTwo: 'two newlines\n\n',
      nested: [{ id: 'XS-2023-0001', plan: { deadline: '2023-07-01' }, tags: [] }, {}],
      'odd key': 1,
    };
    const text = toYaml(value, '示例');
    expect(text.startsWith('# 示例\n')).toBe(true);
    expect(text).toContain('text: |-\n  第一段。\n\n  - 列表项');
    expect(parse(text)).toEqual(value);
  });

  it('leaves out undefined fields, as a clerk would', () => {
    expect(toYaml({ a: 1, b: undefined })).toBe('a: 1\n');
  });
});
