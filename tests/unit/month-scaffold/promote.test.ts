import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  appendHazard,
  hazardFromTip,
  hazardIdsIn,
  hazardsFromTip,
  isListed,
  nextHazardId,
  planPromotion,
} from '../../../src/lib/month-scaffold/promote';
import { placeholderIssues } from '../../../src/lib/month-scaffold/month-check';
import { Tip } from '../../../src/schemas/tip';
import { JUNE } from '../support/office-fixtures';

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

describe('planPromotion', () => {
  const request = { month: '2023-06', tip, tipKey: TIP_KEY, received: '2023-06-20', villages: ['南庄村'] };

  it('adds the tip as the next number of the year to the month’s list', () => {
    const july = 'hazards:\n  - id: NZ-2023-0007\n';
    const plan = planPromotion({ ...request, listTexts: [JUNE, july], monthText: JUNE });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.id).toBe('NZ-2023-0008');
    expect(hazardIdsIn(plan.listText).at(-1)).toBe('NZ-2023-0008');
    expect(hazardsFromTip(plan.listText, TIP_KEY)).toEqual(['NZ-2023-0008']);
    expect(isListed('NZ-2023-0007', [JUNE, july])).toBe(true);
    expect(isListed('NZ-2023-0008', [JUNE, july])).toBe(false);
  });

  it('refuses a tip seen after the month’s cutoff: it belongs to a later month', () => {
    const late = planPromotion({ ...request, tip: { ...tip, seen: '2023-06-26' }, listTexts: [JUNE], monthText: JUNE });
    expect(late).toEqual({
      ok: false,
      problem: '该举报的发现日期 2023-06-26 晚于 2023-06 的截至日期 2023-06-25，请列入下一个月的清单。',
    });
    // Without a date from the informant, the day it was received counts.
    const received = planPromotion({ ...request, received: '2023-06-27', listTexts: [JUNE], monthText: JUNE });
    expect(received.ok).toBe(false);
  });

  it('refuses a tip some list already has a hazard from', () => {
    const listed = appendHazard(JUNE, hazardFromTip({ ...request, id: 'NZ-2023-0004' }));
    expect(planPromotion({ ...request, listTexts: [listed], monthText: listed })).toEqual({
      ok: false,
      problem: '这条举报已列入隐患清单：NZ-2023-0004',
    });
  });
});
