import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  appendHazard,
  hazardFromTip,
  hazardIdsIn,
  hazardsFromTip,
  nextHazardId,
} from '../../../src/lib/office/promote';
import { placeholderIssues } from '../../../src/lib/office/month-check';
import { Tip } from '../../../src/schemas/tip';
import { JUNE } from './fixtures';

describe('nextHazardId', () => {
  it('is one past the highest number of the year, closed ones included', () => {
    expect(nextHazardId(['NZ-2023-0001', 'NZ-2023-0012', 'NZ-2023-0003'], '2023-12')).toBe('NZ-2023-0013');
  });
  it('starts a new year at 0001 and keeps the township prefix', () => {
    expect(nextHazardId(['NZ-2023-0052'], '2024-01')).toBe('NZ-2024-0001');
    expect(nextHazardId([], '2023-06')).toBe('NZ-2023-0001');
  });
});

const TIP_KEY = 'c'.repeat(64);
const tip = Tip.parse({
  version: 1,
  receipt: '0'.repeat(28),
  what: '某厂仓库夜间偷偷灌装液化气，我是那里的工人。',
  village: '南庄村',
  unit: '南庄示例气站',
});

describe('hazardFromTip', () => {
  const hazard = hazardFromTip({
    id: 'NZ-2023-0004',
    tip,
    tipKey: TIP_KEY,
    received: '2023-06-20',
    villages: ['南庄村'],
  });

  it('fills what the tip gives and marks the rest for the clerk', () => {
    expect(hazard).toMatchObject({
      id: 'NZ-2023-0004',
      unit: '南庄示例气站',
      village: '南庄村',
      source: '群众举报',
      found: '2023-06-20',
      status: '整改中',
      tipKey: TIP_KEY,
    });
    expect(placeholderIssues('f', { hazards: [hazard] }).map((i) => i.field)).toEqual([
      '隐患名称',
      '行业领域',
      '隐患描述',
      '整改方式',
      '交办对象类别',
      '交办对象',
    ]);
  });

  it('never copies the informant’s words into the content file', () => {
    expect(JSON.stringify(hazard)).not.toContain('工人');
  });

  it('marks a village that is not on the site’s list', () => {
    const elsewhere = hazardFromTip({
      id: 'X',
      tip: { ...tip, village: '不清楚' },
      tipKey: TIP_KEY,
      received: '2023-06-20',
      villages: ['南庄村'],
    });
    expect(String(elsewhere.village)).toMatch(/^【待填写】所在村/);
  });
});

describe('appendHazard', () => {
  it('adds the hazard at the end, keeping the file’s comments and the other hazards', () => {
    const hazard = hazardFromTip({
      id: 'NZ-2023-0004',
      tip,
      tipKey: TIP_KEY,
      received: '2023-06-20',
      villages: ['南庄村'],
    });
    const text = appendHazard(JUNE, hazard);
    expect(text.startsWith(JUNE.split('\n')[0]!)).toBe(true);
    expect(text).toContain('# 加油站，限期整改');
    expect(hazardIdsIn(text)).toEqual(['NZ-2023-0001', 'NZ-2023-0002', 'NZ-2023-0003', 'NZ-2023-0004']);
    expect(hazardsFromTip(text, TIP_KEY)).toEqual(['NZ-2023-0004']);
    expect(parseDocument(text).errors).toEqual([]);
  });
});
