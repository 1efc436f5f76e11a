import { z } from 'zod';
import { Count, EVEN_IF_INVALID, IsoDate, IsoMonth, RequiredText, missingOr, validDate } from './common';

/**
 * The attachment of the notice (进展情况调度表): 3 sections, 28 numbered items,
 * labels and units exactly as printed. Items 部门精准严格执法情况 3, 6 and 8 carry two figures.
 */
export interface ProgressFigure {
  key: string;
  unit: string;
  /** Sub-label shown only where an item has two figures. */
  part?: string;
  /** 万元 is money and may have decimals; everything else counts. */
  decimal?: boolean;
}
export interface ProgressItem {
  no: number;
  label: string;
  figures: readonly ProgressFigure[];
}
export interface ProgressSection {
  key: 'overall' | 'spotCheck' | 'enforcement';
  title: string;
  items: readonly ProgressItem[];
}

const one = <K extends string>(no: number, label: string, key: K, unit: string) =>
  ({ no, label, figures: [{ key, unit }] }) as const satisfies ProgressItem;

export const PROGRESS_SECTIONS = [
  {
    key: 'overall',
    title: '总体情况',
    items: [
      one(1, '企业自查发现的重大事故隐患', 'selfFound', '个'),
      one(2, '企业自查发现重大事故隐患中已完成整改的', 'selfRectified', '个'),
      one(3, '执法检查发现的重大事故隐患', 'inspectionFound', '个'),
      one(4, '执法检查发现重大事故隐患中已完成整改的', 'inspectionRectified', '个'),
      one(5, '群众举报的重大事故隐患', 'tipFound', '个'),
      one(6, '群众举报的重大事故隐患中已完成整改的', 'tipRectified', '个'),
      one(7, '上级交办的重大事故隐患', 'assignedFound', '个'),
      one(8, '上级交办的重大事故隐患中已完成整改的', 'assignedRectified', '个'),
      one(9, '政府部门挂牌督办的重大事故隐患', 'supervisedFound', '个'),
      one(10, '挂牌督办重大事故隐患中已完成整改的', 'supervisedRectified', '个'),
    ],
  },
  {
    key: 'spotCheck',
    title: '对企业自查自改进行抽查检查情况',
    items: [
      one(1, '抽查检查的企业总数', 'checked', '家'),
      one(2, '企业主要负责人未按要求亲自研究排查整治工作', 'headNotStudied', '家'),
      one(3, '企业主要负责人未带队检查', 'headNotLed', '家'),
      one(4, '企业未制定分管负责人职责清单', 'noDutyList', '家'),
      one(5, '企业未依法建立安全管理机构和配足安全管理人员', 'noSafetyOrg', '家'),
      one(6, '电焊等特种作业岗位人员无证上岗作业', 'unlicensedSpecialWork', '家'),
      one(7, '外包外租安全管理混乱', 'outsourcingChaos', '家'),
      one(8, '未按规定开展应急演练、员工不熟悉逃生出口', 'noDrills', '家'),
    ],
  },
  {
    key: 'enforcement',
    title: '部门精准严格执法情况',
    items: [
      one(1, '帮扶指导重点村', 'villagesGuided', '个次'),
      one(2, '帮扶指导重点企业', 'enterprisesGuided', '家次'),
      {
        no: 3,
        label: '行政处罚',
        figures: [
          { key: 'penalties', unit: '次' },
          { key: 'penaltyAmount', unit: '万元', decimal: true },
        ],
      },
      one(4, '企业和企业主要负责人“一案双罚”', 'dualPenalties', '次'),
      one(5, '移送司法机关', 'referredToJustice', '人'),
      {
        no: 6,
        label: '责令停产整顿/关闭取缔',
        figures: [
          { key: 'suspended', unit: '家', part: '停产' },
          { key: 'closedDown', unit: '家', part: '关闭' },
        ],
      },
      one(7, '曝光、约谈、联合惩戒企业', 'exposed', '家'),
      {
        no: 8,
        label: '公布典型案例',
        figures: [
          { key: 'typicalCases', unit: '个' },
          { key: 'dangerousWorkCases', unit: '个', part: '其中危险作业罪案例' },
        ],
      },
      one(9, '责任倒查追责问责', 'accountability', '人'),
      one(10, '约谈通报有关乡镇及部门', 'interviews', '次'),
    ],
  },
] as const satisfies readonly ProgressSection[];

const Amount = z
  .number({ error: missingOr('应为非负数') })
  .min(0, { error: '应为非负数' })
  // n * 10000 is inexact in binary (12.3456 * 10000 = 123455.99999999999): compare with a tolerance.
  .refine((n) => Math.abs(Math.round(n * 10000) - n * 10000) < 1e-6, { error: '最多保留四位小数' });

type FigureKey<S extends ProgressSection> = S['items'][number]['figures'][number]['key'];

function sectionSchema<S extends ProgressSection>(section: S) {
  const shape: Record<string, typeof Count> = {};
  for (const item of section.items) {
    for (const f of item.figures) shape[f.key] = f.decimal ? Amount : Count;
  }
  // The shape is built from the item list above, so its keys are exactly FigureKey<S>.
  // Only the section's own type error is replaced; a misspelt key keeps the general message.
  const error = (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' ? missingOr('应为调度表数字（键: 值）')(issue) : undefined;
  return z.strictObject(shape, { error }) as unknown as z.ZodType<Record<FigureKey<S>, number>>;
}

const [overall, spotCheck, enforcement] = PROGRESS_SECTIONS;

/** One village's column of the progress table, cumulative as of the 25th. */
export const ProgressRow = z.strictObject({
  village: RequiredText,
  overall: sectionSchema(overall),
  spotCheck: sectionSchema(spotCheck),
  enforcement: sectionSchema(enforcement),
});
export type ProgressRow = z.output<typeof ProgressRow>;
export type ProgressSectionKey = ProgressSection['key'];

/** One month's progress table (调度表), as reported by the villages. */
export const ProgressTable = z
  .strictObject({
    month: IsoMonth,
    /** 截至日期: the figures are cumulative as of this date, the 25th. */
    asOf: IsoDate,
    rows: z.array(ProgressRow),
  })
  // Runs even when a field failed (see EVEN_IF_INVALID), so fields are read defensively.
  .superRefine((table, ctx) => {
    const asOf = validDate(table.asOf);
    if (asOf && typeof table.month === 'string' && !asOf.startsWith(table.month)) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: `截至日期应在 ${table.month} 月内` });
    }
    const rows: unknown[] = Array.isArray(table.rows) ? table.rows : [];
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const village = typeof row === 'object' && row !== null ? (row as { village?: unknown }).village : undefined;
      if (typeof village !== 'string') return;
      if (seen.has(village)) {
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'village'], message: `${village} 重复填报` });
      }
      seen.add(village);
    });
  }, EVEN_IF_INVALID);
export type ProgressTable = z.output<typeof ProgressTable>;

/** Every figure key in table order; 28 items, 31 figures. */
export const PROGRESS_FIGURE_KEYS = PROGRESS_SECTIONS.flatMap((s) =>
  s.items.flatMap((i) => i.figures.map((f) => ({ section: s.key, key: f.key }))),
);
