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

/**
 * 政府信息公开: the metadata block a disclosure page on a government portal opens with. 发布日期 is
 * the list's `published`; 文号 only when the month's disclosure was issued as a numbered document.
 */
export const PublicInfo = z.strictObject({
  /** 索引号, e.g. 11141121MB1234567X/2023-00012. */
  index: RequiredText,
  /** 主题分类, e.g. 安全生产. */
  category: RequiredText,
  /** 发布机构. */
  publisher: RequiredText,
  /** 成文日期. */
  written: IsoDate,
  /** 文号, e.g. 南政发〔2023〕30号. */
  number: RequiredText.optional(),
});
export type PublicInfo = z.output<typeof PublicInfo>;

/** One month's hazard list (重大事故隐患清单): the complete ledger as of the cutoff. */
export const HazardList = z
  .strictObject({
    month: IsoMonth,
    /** 截至日期: the 25th of the month. */
    cutoff: IsoDate,
    published: IsoDate,
    publicInfo: PublicInfo.optional(),
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
    const written = validDate(list.publicInfo?.written);
    if (written && published && written > published) {
      ctx.addIssue({ code: 'custom', path: ['publicInfo', 'written'], message: '成文日期不能晚于公开日期' });
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
      const progress: unknown[] = Array.isArray(hazard.progress) ? hazard.progress : [];
      progress.forEach((entry, i) => {
        dated.push([
          ['progress', i, 'date'],
          (entry as { date?: unknown } | null)?.date,
          '推进情况日期不能晚于截至日期',
        ]);
      });
      for (const [path, value, message] of dated) {
        const date = validDate(value);
        if (date && date > cutoff) ctx.addIssue({ code: 'custom', path: ['hazards', index, ...path], message });
      }
    });
  }, EVEN_IF_INVALID);
export type HazardList = z.output<typeof HazardList>;
