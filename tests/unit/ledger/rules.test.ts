import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import { checkLedgerRules, type ListFile } from '../../../src/lib/ledger/rules';
import type { Hazard } from '../../../src/schemas/hazard';
import { fixtureContent, hazardIn, listOf } from '../../fixtures/ledger';

/** Runs the rules over a fresh fixture after `change`, returning the formatted lines. */
function check(change: (lists: ListFile[]) => void): string[] {
  const { site, lists } = fixtureContent();
  change(lists);
  return checkLedgerRules(site, lists).map((i) => `${i.severity === 'error' ? '✗' : '!'} ${formatIssue(i)}`);
}

const revise = (lists: ListFile[], month: string, id: string) =>
  listOf(lists, month).revisions.push({ date: `${month}-28`, reason: '更正', hazards: [id] });

const reopen = (hazard: Hazard) => {
  hazard.status = '整改中';
  delete hazard.result;
  delete hazard.rectified;
  delete hazard.closure;
};

describe('checkLedgerRules', () => {
  it('accepts the fixture, including a closed hazard dropping out', () => {
    expect(check(() => {})).toEqual([]);
  });

  it('rejects a village not in the site file', () => {
    expect(
      check((lists) => {
        for (const month of ['2023-06', '2023-07', '2023-08'])
          hazardIn(lists, month, 'NZ-2023-0003').village = '西庄村';
      }),
    ).toEqual([
      '✗ content/hazard-lists/2023-06.yaml · NZ-2023-0003 · 所在村: 「西庄村」不在 content/site.yaml 的村名单中',
      '✗ content/hazard-lists/2023-07.yaml · NZ-2023-0003 · 所在村: 「西庄村」不在 content/site.yaml 的村名单中',
      '✗ content/hazard-lists/2023-08.yaml · NZ-2023-0003 · 所在村: 「西庄村」不在 content/site.yaml 的村名单中',
    ]);
  });

  it('never lets an open hazard vanish', () => {
    const remove = (lists: ListFile[]) => {
      const august = listOf(lists, '2023-08');
      august.hazards = august.hazards.filter((h) => h.id !== 'NZ-2023-0003');
    };
    expect(check(remove)).toEqual([
      '✗ content/hazard-lists/2023-08.yaml · NZ-2023-0003 · 隐患清单: 2023-07 清单中的该隐患（整改中）未出现在本月清单；' +
        '未销号的隐患不得删除，如确需删除须在修订记录中写明原因',
    ]);
    // 已整改 is not closed either.
    expect(
      check((lists) => {
        const august = listOf(lists, '2023-08');
        august.hazards = august.hazards.filter((h) => h.id !== 'NZ-2023-0004');
      }),
    ).toHaveLength(1);
    expect(
      check((lists) => {
        remove(lists);
        revise(lists, '2023-08', 'NZ-2023-0003');
      }),
    ).toEqual([]);
  });

  it('only lets status move forward, unless a revision names the hazard', () => {
    const back = (lists: ListFile[]) => reopen(hazardIn(lists, '2023-08', 'NZ-2023-0004'));
    expect(check(back)).toEqual([
      '✗ content/hazard-lists/2023-08.yaml · NZ-2023-0004 · 状态: 状态不能从「已整改」退回「整改中」，如确需更正须在修订记录中写明原因',
    ]);
    expect(
      check((lists) => {
        back(lists);
        revise(lists, '2023-08', 'NZ-2023-0004');
      }),
    ).toEqual([]);
    // A revision naming another hazard does not cover this one.
    expect(
      check((lists) => {
        back(lists);
        revise(lists, '2023-08', 'NZ-2023-0003');
      }),
    ).toHaveLength(1);
  });

  it.each([
    ['found', '发现日期', '2023-06-12', '2023-06-13'],
    ['source', '来源', '群众举报', '执法检查'],
    ['village', '所在村', '北庄村', '东堡村'],
    ['unit', '单位/场所', '丙超市', '丁超市'],
  ] as const)('keeps the identity field %s, unless revised', (field, label, before, after) => {
    const change = (lists: ListFile[]) => {
      (hazardIn(lists, '2023-08', 'NZ-2023-0003') as Record<string, unknown>)[field] = after;
    };
    expect(check(change)).toEqual([
      `✗ content/hazard-lists/2023-08.yaml · NZ-2023-0003 · ${label}: 与 2023-07 清单不一致（${before} → ${after}）；` +
        '编号不得改用于其他隐患，如为更正须在修订记录中写明原因',
    ]);
    expect(
      check((lists) => {
        change(lists);
        revise(lists, '2023-08', 'NZ-2023-0003');
      }),
    ).toEqual([]);
  });

  it('compares with the corrected identity after a revision', () => {
    expect(
      check((lists) => {
        hazardIn(lists, '2023-07', 'NZ-2023-0003').village = '东堡村';
        hazardIn(lists, '2023-08', 'NZ-2023-0003').village = '东堡村';
        revise(lists, '2023-07', 'NZ-2023-0003');
      }),
    ).toEqual([]);
  });

  it('never reuses the number of a closed hazard that dropped out', () => {
    const reuse = (lists: ListFile[]) => {
      // September carries August on; B (closed in July, gone in August) comes back as a new hazard.
      const september = structuredClone(listOf(lists, '2023-08'));
      Object.assign(september, { month: '2023-09', cutoff: '2023-09-25', published: '2023-09-27' });
      const b = structuredClone(hazardIn(lists, '2023-07', 'NZ-2023-0002'));
      Object.assign(b, { title: '另一项隐患', unit: '庚公司', found: '2023-09-02' });
      reopen(b);
      september.hazards.push(b);
      lists.push({ file: 'content/hazard-lists/2023-09.yaml', list: september });
    };
    expect(check(reuse)).toEqual([
      '✗ content/hazard-lists/2023-09.yaml · NZ-2023-0002 · 编号: 该编号已于 2023-07 销号，编号不得重复使用',
    ]);
  });

  it('lets a closed hazard stay listed as 已销号 for another month', () => {
    expect(
      check((lists) => {
        listOf(lists, '2023-08').hazards.push(structuredClone(hazardIn(lists, '2023-07', 'NZ-2023-0002')));
      }),
    ).toEqual([]);
  });

  it('warns when a month is missing between two lists', () => {
    expect(
      check((lists) => {
        lists.splice(
          lists.findIndex((l) => l.list.month === '2023-07'),
          1,
        );
        // B (已整改 in June) is carried into August so that only the gap itself is reported.
        const august = listOf(lists, '2023-08');
        august.hazards.push(structuredClone(hazardIn(lists, '2023-06', 'NZ-2023-0002')));
      }),
    ).toEqual(['! content/hazard-lists/2023-08.yaml · 月份: 上一期清单是 2023-06，中间缺少月份']);
  });
});
