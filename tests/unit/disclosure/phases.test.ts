import { describe, expect, it } from 'vitest';
import { campaignPhases } from '../../../src/lib/disclosure/phases';

const phases = [
  { name: '部门精准执法', start: '2023-08-01', end: '2023-11-30', description: 'c' },
  { name: '动员部署', start: '2023-04-25', end: '2023-05-15', description: 'a' },
  { name: '企业自查自改和部门帮扶', start: '2023-05-16', end: '2023-07-31', description: 'b' },
];

const states = (asOf: string) => campaignPhases(phases, asOf).map((p) => `${p.phase.name}:${p.state}`);

describe('campaignPhases', () => {
  it('orders phases by start and places the cutoff in one of them', () => {
    expect(states('2023-07-25')).toEqual(['动员部署:已完成', '企业自查自改和部门帮扶:进行中', '部门精准执法:未开始']);
  });

  it('counts both ends of a phase as inside it', () => {
    expect(states('2023-07-31')[1]).toBe('企业自查自改和部门帮扶:进行中');
    expect(states('2023-08-01')).toEqual(['动员部署:已完成', '企业自查自改和部门帮扶:已完成', '部门精准执法:进行中']);
  });

  it('marks everything done after the campaign and nothing started before it', () => {
    expect(states('2024-01-25').every((s) => s.endsWith('已完成'))).toBe(true);
    expect(states('2023-04-01').every((s) => s.endsWith('未开始'))).toBe(true);
  });
});
