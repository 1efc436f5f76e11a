import { z } from 'zod';
import { IsoDate, IsoMonth, RequiredText } from './common';
import { Hazard, HazardId } from './hazard';

/** 修订记录: every change after publication, with its reason. */
export const Revision = z.object({
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
  .superRefine((list, ctx) => {
    if (!list.cutoff.startsWith(list.month)) {
      ctx.addIssue({ code: 'custom', path: ['cutoff'], message: `截至日期应在 ${list.month} 月内` });
    }
    if (list.published < list.cutoff) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: '公开日期不能早于截至日期' });
    }
    const seen = new Set<string>();
    list.hazards.forEach((hazard, index) => {
      if (seen.has(hazard.id)) {
        ctx.addIssue({ code: 'custom', path: ['hazards', index, 'id'], message: `编号 ${hazard.id} 在本月清单中重复` });
      }
      seen.add(hazard.id);
      const dated: [string, string | undefined, string][] = [
        ['found', hazard.found, '发现日期不能晚于截至日期'],
        ['rectified', hazard.rectified, '整改完成日期不能晚于截至日期'],
      ];
      for (const [field, value, message] of dated) {
        if (value && value > list.cutoff) ctx.addIssue({ code: 'custom', path: ['hazards', index, field], message });
      }
      if (hazard.closure && hazard.closure.date > list.cutoff) {
        ctx.addIssue({
          code: 'custom',
          path: ['hazards', index, 'closure', 'date'],
          message: '销号日期不能晚于截至日期',
        });
      }
    });
  });
export type HazardList = z.output<typeof HazardList>;
