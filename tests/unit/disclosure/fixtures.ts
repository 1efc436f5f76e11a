import { Hazard } from '../../../src/schemas/hazard';
import { HazardList } from '../../../src/schemas/hazard-list';
import type { z } from 'zod';
import { Directory } from '../../../src/lib/disclosure/directory';
import { Ledger } from '../../../src/lib/ledger/ledger';

/** A small valid hazard; override what the test is about. */
export function hazard(overrides: Partial<z.input<typeof Hazard>> & { id: string }): Hazard {
  return Hazard.parse({
    title: '测试隐患',
    unit: '测试企业',
    village: '甲村',
    sector: '燃气',
    source: '企业自查',
    found: '2023-06-01',
    description: '描述',
    mode: '立即整改',
    assignedTo: { kind: '包村干部', name: '张三' },
    status: '整改中',
    ...overrides,
  });
}

export const deadlinePlan = (deadline: string) => ({
  responsible: '李四',
  measures: '更换管道',
  funds: '2万元',
  deadline,
  emergencyPlan: '停用并疏散',
});

export const fixed = (rectified: string) => ({ status: '已整改' as const, result: '已更换', rectified });
export const closed = (rectified: string, date: string) => ({
  status: '已销号' as const,
  result: '已更换',
  rectified,
  closure: { reviewer: '王县长', date },
});

export function list(month: string, hazards: Hazard[], extra: Partial<z.input<typeof HazardList>> = {}): HazardList {
  return HazardList.parse({
    month,
    cutoff: `${month}-25`,
    published: `${month}-28`,
    summary: `${month} 概述`,
    hazards,
    ...extra,
  });
}

export const directory = new Directory({
  villages: [
    { slug: 'jia', name: '甲村' },
    { slug: 'yi', name: '乙村' },
    { slug: 'bing', name: '丙村' },
  ],
  sectors: [
    { slug: 'gas', name: '燃气' },
    { slug: 'fire', name: '消防' },
  ],
});

/**
 * Three months, hand-checked:
 * 06: A (甲, 限期 to 07-10, open), B (乙, 立即, fixed 06-20), C (甲, 消防, 执法检查, open, supervised)
 * 07: A open → overdue (deadline 07-10 < cutoff 07-25); B closed 07-20; C fixed 07-15; D new (乙, 群众举报, open)
 * 08: A fixed 08-20; B dropped (closed in 07); C closed 08-22; D open; E new (丙) fixed at once 08-10
 */
export function threeMonths(): Ledger {
  const A = { id: 'NZ-2023-0001', mode: '限期整改' as const, plan: deadlinePlan('2023-07-10') };
  const B = { id: 'NZ-2023-0002', village: '乙村' };
  const C = {
    id: 'NZ-2023-0003',
    sector: '消防' as const,
    source: '执法检查' as const,
    supervision: { by: '县应急管理局', since: '2023-06-10' },
  };
  const D = { id: 'NZ-2023-0004', village: '乙村', source: '群众举报' as const, found: '2023-07-03' };
  const E = { id: 'NZ-2023-0005', village: '丙村', source: '上级交办' as const, found: '2023-08-02' };
  return new Ledger([
    list('2023-06', [hazard(A), hazard({ ...B, ...fixed('2023-06-20') }), hazard(C)]),
    list(
      '2023-07',
      [
        hazard({ ...A, progress: [{ date: '2023-07-13', text: '管道已采购' }] }),
        hazard({ ...B, ...closed('2023-06-20', '2023-07-20') }),
        hazard({ ...C, ...fixed('2023-07-15') }),
        hazard(D),
      ],
      { revisions: [{ date: '2023-07-26', reason: '更正 NZ-2023-0003 的单位名称', hazards: ['NZ-2023-0003'] }] },
    ),
    list('2023-08', [
      hazard({ ...A, ...fixed('2023-08-20') }),
      hazard({ ...C, ...closed('2023-07-15', '2023-08-22') }),
      hazard(D),
      hazard({ ...E, ...fixed('2023-08-10') }),
    ]),
  ]);
}
