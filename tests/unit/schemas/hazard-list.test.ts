import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { HazardList } from '../../../src/schemas/hazard-list';
import { FIXTURE_DIR } from '../../fixtures/ledger';

type Raw = Record<string, unknown> & { hazards: Record<string, unknown>[] };
/** The July fixture as the clerk wrote it: A open (限期整改), B closed, C open, D rectified, E open. */
const july = (): Raw => parse(readFileSync(join(FIXTURE_DIR, 'hazard-lists/2023-07.yaml'), 'utf8')) as Raw;

function issues(value: unknown): string[] {
  const result = HazardList.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('HazardList', () => {
  it('accepts the fixture and fills defaults', () => {
    expect(issues(july())).toEqual([]);
    expect(HazardList.parse(july()).revisions).toEqual([]);
  });

  it('keeps the cutoff inside the month and publication after it', () => {
    expect(issues({ ...july(), cutoff: '2023-08-25' })).toContain('cutoff: 截至日期应在 2023-07 月内');
    expect(issues({ ...july(), published: '2023-07-24' })).toEqual(['published: 公开日期不能早于截至日期']);
    expect(issues({ ...july(), published: '2023-07-25' })).toEqual([]);
  });

  it('keeps found, rectified and closure dates on or before the cutoff', () => {
    const list = july();
    list.hazards[0]!.found = '2023-07-26';
    list.hazards[3]!.rectified = '2023-07-26';
    (list.hazards[1]!.closure as Record<string, unknown>).date = '2023-07-26';
    expect(issues(list)).toEqual([
      'hazards.0.found: 发现日期不能晚于截至日期',
      'hazards.1.closure.date: 销号日期不能晚于截至日期',
      'hazards.3.rectified: 整改完成日期不能晚于截至日期',
    ]);
    const onTheDay = july();
    onTheDay.hazards[0]!.found = '2023-07-25';
    expect(issues(onTheDay)).toEqual([]);
  });

  it('rejects a number used twice in one month', () => {
    const list = july();
    list.hazards[4]!.id = 'NZ-2023-0004';
    expect(issues(list)).toEqual(['hazards.4.id: 编号 NZ-2023-0004 在本月清单中重复']);
  });

  it('reports every broken hazard at once, field errors and date rules together', () => {
    const list = july();
    delete (list.hazards[0]!.plan as Record<string, unknown>).deadline;
    list.hazards[2]!.status = '完成';
    list.hazards[4]!.found = '2023-07-30';
    expect(issues(list)).toEqual([
      'hazards.0.plan.deadline: 限期整改必须填写整改期限',
      'hazards.2.status: 应为以下状态之一：整改中、已整改、已销号',
      'hazards.4.found: 发现日期不能晚于截至日期',
    ]);
  });

  it('rejects unknown keys at the top, in revisions and in hazards', () => {
    expect(issues({ ...july(), summery: 'x' })).toEqual([': 未知字段：「summery」，请检查字段名拼写（区分大小写）']);
    expect(
      issues({ ...july(), revisions: [{ date: '2023-07-27', reason: '更正', hazard: ['NZ-2023-0001'] }] }),
    ).toEqual(['revisions.0: 未知字段：「hazard」，请检查字段名拼写（区分大小写）']);
  });

  it('survives a hazard that is not an object at all', () => {
    const list = july();
    (list.hazards as unknown[]).push('NZ-2023-0009');
    expect(issues(list)).toEqual([expect.stringMatching(/^hazards\.5: /)]);
  });
});
