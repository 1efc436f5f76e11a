import { z } from 'zod';
import { IsoDate, PhoneText, RequiredText, Slug } from './common';
import { SECTORS } from './sector';

/**
 * Someone residents can call about an area's hazards: a village's 包村干部, a sector's 分管领导.
 * The phone is optional (some offices publish only the name).
 */
export const AreaContact = z.strictObject({
  name: RequiredText,
  /** Position, e.g. 党委委员、副镇长. */
  title: RequiredText.optional(),
  phone: PhoneText.optional(),
});
export type AreaContact = z.output<typeof AreaContact>;

export const Village = z.strictObject({
  slug: Slug,
  name: RequiredText,
  /** 包村干部: the township cadre assigned to the village. */
  cadre: AreaContact.optional(),
});
export type Village = z.output<typeof Village>;

export const Station = z.strictObject({ slug: Slug, name: RequiredText });
export type Station = z.output<typeof Station>;

export const SectorEntry = z.strictObject({
  slug: Slug,
  name: z.enum(SECTORS),
  /** 分管领导: the leader in charge of the sector. */
  leader: AreaContact.optional(),
});
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

/** A filing number may carry the sample mark the site file uses for made-up values. */
const SAMPLE_MARK = /（示例）$/;
const filing = (pattern: RegExp, message: string) =>
  RequiredText.refine((value) => pattern.test(value.replace(SAMPLE_MARK, '').trim()), { error: message });

/**
 * What 《政府网站发展指引》 (国办发〔2017〕47号) asks every government site to show in its footer.
 * Only the sponsor is needed; the three numbers appear once the site has them.
 */
export const Website = z.strictObject({
  /** 主办单位. */
  sponsor: RequiredText,
  /** 网站标识码: ten digits from the national government-website register. */
  identifier: filing(/^\d{10}$/, '网站标识码应为 10 位数字，如 1411210001').optional(),
  /** ICP 备案号, e.g. 晋ICP备12345678号 or 晋ICP备12345678号-1. */
  icp: filing(
    /^\p{Script=Han}ICP备\d{6,10}号(-\d{1,3})?$/u,
    'ICP 备案号应形如“晋ICP备12345678号”或“晋ICP备12345678号-1”',
  ).optional(),
  /** 公安机关备案号, e.g. 晋公网安备 14112102000123号. */
  publicSecurity: filing(
    /^\p{Script=Han}公网安备 ?\d{14}号$/u,
    '公安机关备案号应形如“晋公网安备 14112102000123号”（14 位数字）',
  ).optional(),
});
export type Website = z.output<typeof Website>;

/**
 * How long the internet-facing tip store keeps a tip (docs/threat-model.md, 举报的保存期限).
 * Items the office archived (`tips archive`) are deleted there at once, or, if kept with
 * --keep-days, by the hourly sweep when their days are over. Items never archived: the daily
 * digest warns once one is older than `unarchivedMaxDays`; the sweep deletes them at that age
 * only when `deleteUnarchived` is true (a tip deleted unread is lost for good).
 */
export const TipRetention = z.strictObject({
  unarchivedMaxDays: z.int().min(1).max(3650).default(90),
  deleteUnarchived: z.boolean().default(false),
});
export type TipRetention = z.output<typeof TipRetention>;

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
    /** The footer's 主办单位 and filing numbers; without it the sponsor is the township government. */
    website: Website.optional(),
    /** How long the tip store keeps tips; see TipRetention. */
    tipRetention: TipRetention.default({ unarchivedMaxDays: 90, deleteUnarchived: false }),
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
