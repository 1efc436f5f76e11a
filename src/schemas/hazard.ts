import { z } from 'zod';
import { EVEN_IF_INVALID, IsoDate, RequiredText, missingOr, validDate } from './common';
import { Sector } from './sector';
import { LngLat } from './village-map';

/** 逐项编号: the number a hazard keeps for life, e.g. NZ-2023-0001. */
export const HazardId = z
  .string({ error: missingOr('应为隐患编号') })
  .regex(/^[A-Z]{2,6}-\d{4}-\d{4,6}$/, { error: '隐患编号格式应为 NZ-2023-0001' });
export type HazardId = z.output<typeof HazardId>;

/** 来源: where a hazard came from (the four rows of section 1 of the progress table). */
export const SOURCES = ['企业自查', '执法检查', '群众举报', '上级交办'] as const;
export const HazardSource = z.enum(SOURCES, { error: `应为以下来源之一：${SOURCES.join('、')}` });
export type HazardSource = z.output<typeof HazardSource>;

/** 整改方式: fixed at once, or by a deadline with the "five" posted publicly. */
export const RECTIFICATION_MODES = ['立即整改', '限期整改'] as const;
export const RectificationMode = z.enum(RECTIFICATION_MODES, { error: '应为 立即整改 或 限期整改' });
export type RectificationMode = z.output<typeof RectificationMode>;

/** Status, in the only order it may move (see lib/ledger/status.ts). */
export const STATUSES = ['整改中', '已整改', '已销号'] as const;
export const HazardStatus = z.enum(STATUSES, { error: `应为以下状态之一：${STATUSES.join('、')}` });
export type HazardStatus = z.output<typeof HazardStatus>;

export const ASSIGNEE_KINDS = ['包村干部', '分管同志', '站所'] as const;

/** 挂牌督办: listed for supervision by a government department. */
export const Supervision = z.strictObject({
  by: RequiredText,
  since: IsoDate,
});

/** The "five" (五落实) of a deadline fix. All required for 限期整改. */
export const RectificationPlan = z.strictObject({
  responsible: RequiredText.optional(),
  measures: RequiredText.optional(),
  funds: RequiredText.optional(),
  deadline: IsoDate.optional(),
  emergencyPlan: RequiredText.optional(),
});
export type RectificationPlan = z.output<typeof RectificationPlan>;

/** 交办: who the hazard was handed to. */
export const Assignee = z.strictObject({
  kind: z.enum(ASSIGNEE_KINDS, { error: `应为以下之一：${ASSIGNEE_KINDS.join('、')}` }),
  name: RequiredText,
});

/**
 * 整改推进情况: one written feedback (the notice asks for one every Thursday), or any other
 * dated step of the month — a site check, an interview, the sign-off.
 */
export const ProgressEntry = z.strictObject({
  date: IsoDate,
  /** Markdown. */
  text: RequiredText,
});
export type ProgressEntry = z.output<typeof ProgressEntry>;

/** 办结销号: review and signature by the county leader in charge. */
export const ClosureSignOff = z.strictObject({
  reviewer: RequiredText,
  date: IsoDate,
});

const PLAN_FIELDS = ['responsible', 'measures', 'funds', 'deadline', 'emergencyPlan'] as const;
const PLAN_MESSAGES: Record<(typeof PLAN_FIELDS)[number], string> = {
  responsible: '限期整改必须填写责任人',
  measures: '限期整改必须填写整改措施',
  funds: '限期整改必须填写整改资金',
  deadline: '限期整改必须填写整改期限',
  emergencyPlan: '限期整改必须填写应急预案',
};

/** One major accident hazard as it stands in one month's list. */
export const Hazard = z
  .strictObject({
    id: HazardId,
    title: RequiredText,
    /** The enterprise, unit or place where the hazard is. */
    unit: RequiredText,
    /** Village name, as listed in content/site.yaml. */
    village: RequiredText,
    /** 位置: [longitude, latitude], inside the village's boundary in content/map/villages.geojson. */
    location: LngLat.optional(),
    sector: Sector,
    source: HazardSource,
    supervision: Supervision.optional(),
    found: IsoDate,
    /** Markdown. */
    description: RequiredText,
    mode: RectificationMode,
    plan: RectificationPlan.default({}),
    assignedTo: Assignee,
    status: HazardStatus,
    /** 本月推进情况: this month's progress, one dated entry per weekly feedback, oldest first. */
    progress: z.array(ProgressEntry).default([]),
    /** 整改结果, required once rectified. */
    result: z.string().trim().optional(),
    rectified: IsoDate.optional(),
    closure: ClosureSignOff.optional(),
    /** Lookup key of the tip this hazard came from, when it came from the tip line. */
    tipKey: z
      .string()
      .regex(/^[0-9a-f]{32,128}$/, { error: '应为举报回执查询码（小写十六进制）' })
      .optional(),
  })
  // Runs even when a field failed (see EVEN_IF_INVALID), so fields are read defensively.
  .superRefine((hazard, ctx) => {
    const plan: Partial<Record<string, unknown>> = typeof hazard.plan === 'object' && hazard.plan ? hazard.plan : {};
    if (hazard.mode === '限期整改') {
      for (const field of PLAN_FIELDS) {
        if (plan[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['plan', field], message: PLAN_MESSAGES[field] });
        }
      }
    }
    const found = validDate(hazard.found);
    const rectified = validDate(hazard.rectified);
    const closed = validDate(hazard.closure?.date);
    const open = hazard.status === '整改中';
    if (!open && HazardStatus.safeParse(hazard.status).success) {
      if (!hazard.result) {
        ctx.addIssue({ code: 'custom', path: ['result'], message: '已整改的隐患必须填写整改结果' });
      }
      if (hazard.rectified === undefined) {
        ctx.addIssue({ code: 'custom', path: ['rectified'], message: '已整改的隐患必须填写整改完成日期' });
      }
    }
    // A date or sign-off on an open hazard means the status was not updated, or the date is wrong.
    if (open && hazard.rectified !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rectified'],
        message: '状态为整改中，不应填写整改完成日期；如已整改请修改状态',
      });
    }
    if (hazard.status === '已销号' && hazard.closure === undefined) {
      ctx.addIssue({ code: 'custom', path: ['closure'], message: '已销号的隐患必须填写审核人和销号日期' });
    }
    if (hazard.closure !== undefined && hazard.status !== '已销号' && HazardStatus.safeParse(hazard.status).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['closure'],
        message: '只有已销号的隐患才填写办结销号；如已销号请修改状态',
      });
    }
    if (rectified && found && rectified < found) {
      ctx.addIssue({ code: 'custom', path: ['rectified'], message: '整改完成日期不能早于发现日期' });
    }
    const entries: unknown[] = Array.isArray(hazard.progress) ? hazard.progress : [];
    entries.forEach((entry, index) => {
      const date = validDate((entry as { date?: unknown } | null)?.date);
      if (date && found && date < found) {
        ctx.addIssue({ code: 'custom', path: ['progress', index, 'date'], message: '推进情况日期不能早于发现日期' });
      }
    });
    if (closed && rectified && closed < rectified) {
      ctx.addIssue({ code: 'custom', path: ['closure', 'date'], message: '销号日期不能早于整改完成日期' });
    }
  }, EVEN_IF_INVALID);
export type Hazard = z.output<typeof Hazard>;
