import { z } from 'zod';
import { EVEN_IF_INVALID, IsoDate, IsoMonth, RequiredText, validDate } from './common';
import { Hazard, HazardId } from './hazard';

/** 修订记录: every change after publication, with its reason. */
export const Revision = z.strictObject({
  date: IsoDate,
  reason: RequiredText,
  /** The hazards the revision touches; a revision without hazards is about the whole list. */
  hazards: z.array(HazardId).default([]),
});
export type Revision = z.output<typeof Revision>;

/** One month's hazard list (重大事故隐患清单): the complete ledger as of the cutoff. */
export const HazardList = z
  .strictObject({
    month: IsoMonth,
    /** 截至日期: the 25th of the month. */
    cutoff: IsoDate,
    published: IsoDate,
    /** Markdown. */
    summary: RequiredText,
    revisions: z.array(Revision).default([]),
    hazards: z.array(Hazard),
  })
  // Runs even when a field failed (see EVEN_IF_INVALID), so fields are read defensively.
  .superRefine((list, ctx) => {
    const cutoff = validDate(list.cutoff);
    const published = validDate(list.published);
    if (cutoff && typeof list.month === 'string' && !cutoff.startsWith(list.month)) {
      ctx.addIssue({ code: 'custom', path: ['cutoff'], message: `截至日期应在 ${list.month} 月内` });
    }
    if (cutoff && published && published < cutoff) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: '公开日期不能早于截至日期' });
    }
    const hazards: unknown[] = Array.isArray(list.hazards) ? list.hazards : [];
    const seen = new Set<string>();
    hazards.forEach((item, index) => {
      if (typeof item !== 'object' || item === null) return;
      const hazard = item as Partial<Record<string, unknown>> & { closure?: { date?: unknown } };
      if (typeof hazard.id === 'string') {
        if (seen.has(hazard.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['hazards', index, 'id'],
            message: `编号 ${hazard.id} 在本月清单中重复`,
          });
        }
        seen.add(hazard.id);
      }
      if (!cutoff) return;
      const dated: [(string | number)[], unknown, string][] = [
        [['found'], hazard.found, '发现日期不能晚于截至日期'],
        [['rectified'], hazard.rectified, '整改完成日期不能晚于截至日期'],
        [['closure', 'date'], hazard.closure?.date, '销号日期不能晚于截至日期'],
      ];
      for (const [path, value, message] of dated) {
        const date = validDate(value);
        if (date && date > cutoff) ctx.addIssue({ code: 'custom', path: ['hazards', index, ...path], message });
      }
    });
  }, EVEN_IF_INVALID);
export type HazardList = z.output<typeof HazardList>;
