import { z } from 'zod';
import { IsoDate, RequiredText, Slug } from './common';
import { SECTORS } from './sector';

export const Village = z.strictObject({ slug: Slug, name: RequiredText });
export type Village = z.output<typeof Village>;

export const Station = z.strictObject({ slug: Slug, name: RequiredText });
export type Station = z.output<typeof Station>;

export const SectorEntry = z.strictObject({ slug: Slug, name: z.enum(SECTORS) });
export type SectorEntry = z.output<typeof SectorEntry>;

export const CampaignPhase = z.strictObject({
  name: RequiredText,
  start: IsoDate,
  end: IsoDate,
  description: RequiredText,
});
export type CampaignPhase = z.output<typeof CampaignPhase>;

export const LeadershipMember = z.strictObject({
  role: RequiredText,
  name: RequiredText,
  title: z.string().trim().default(''),
});

/**
 * An office member's age public key. Tips are encrypted in the browser to every
 * recipient listed here; `development: true` marks the key pair shipped for local
 * runs, whose private half is public — the build warns while it is listed.
 */
export const TipRecipient = z.strictObject({
  label: RequiredText,
  recipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, { error: '应为 age 公钥（age1 开头）' }),
  development: z.boolean().default(false),
});
export type TipRecipient = z.output<typeof TipRecipient>;

export const Site = z
  .strictObject({
    /** The whole site says 示例数据 while this is true. */
    sample: z.boolean().default(false),
    county: RequiredText,
    township: RequiredText,
    campaign: RequiredText,
    notice: z.strictObject({ number: RequiredText, title: RequiredText, date: IsoDate }),
    office: z.strictObject({
      name: RequiredText,
      department: RequiredText,
      phone: RequiredText,
      mailbox: RequiredText,
      address: RequiredText,
    }),
    villages: z.array(Village).min(1, { error: '至少列出一个村' }),
    stations: z.array(Station),
    sectors: z.array(SectorEntry).min(1),
    phases: z.array(CampaignPhase),
    leadership: z.array(LeadershipMember),
    tipRecipients: z.array(TipRecipient).min(1, { error: '至少需要一个举报解密公钥' }),
  })
  .superRefine((site, ctx) => {
    for (const key of ['villages', 'stations', 'sectors'] as const) {
      const seen = new Set<string>();
      site[key].forEach((entry, index) => {
        if (seen.has(entry.slug)) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'slug'], message: `重复的代码 ${entry.slug}` });
        }
        seen.add(entry.slug);
      });
    }
  });
export type Site = z.output<typeof Site>;
