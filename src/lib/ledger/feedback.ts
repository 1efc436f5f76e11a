import type { IsoDate } from '../../schemas/common';
import type { Hazard } from '../../schemas/hazard';
import type { HazardList } from '../../schemas/hazard-list';
import type { ContentIssue } from '../content/issues';
import { fieldLabel } from '../content/labels';

/**
 * 每周四书面反馈: the notice asks whoever a hazard was handed to for written progress every
 * Thursday. A week's feedback is any progress entry dated in the seven days that end on that
 * Thursday (Friday to Thursday), so a report written a day early or a visit on Tuesday counts.
 *
 * The ledger has no date of 交办 of its own: a hazard is handed over when it is found, so the
 * first Thursday that needs feedback is the first one at least a week after `found`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const THURSDAY = 4;

const time = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);

/** `date` moved by `days` days. */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date(time(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((time(to) - time(from)) / DAY_MS);

const weekday = (date: IsoDate) => new Date(time(date)).getUTCDay();

/** The latest Thursday on or before `date`. */
export const thursdayOnOrBefore = (date: IsoDate): IsoDate => addDays(date, -((weekday(date) - THURSDAY + 7) % 7));

/** The first Thursday on or after `date`. */
export const thursdayOnOrAfter = (date: IsoDate): IsoDate => addDays(date, (THURSDAY - weekday(date) + 7) % 7);

/** Only a deadline fix still open reports every week; an immediate fix is done at once. */
const needsWeeklyFeedback = (hazard: Hazard): boolean => hazard.status === '整改中' && hazard.mode === '限期整改';

/** Whether the hazard has a progress entry for the week that ends on `thursday`. */
export const hasFeedbackFor = (hazard: Hazard, thursday: IsoDate): boolean => {
  const weekStart = addDays(thursday, -6);
  return hazard.progress.some((entry) => entry.date >= weekStart && entry.date <= thursday);
};

/**
 * The Thursdays from `from` to `to` (inclusive) whose feedback the hazard is missing: those at
 * least a week after it was found, while it needs weekly feedback.
 */
export function missingFeedback(hazard: Hazard, from: IsoDate, to: IsoDate): IsoDate[] {
  if (!needsWeeklyFeedback(hazard)) return [];
  const firstDue = addDays(hazard.found, 7);
  const missing: IsoDate[] = [];
  for (let thursday = thursdayOnOrAfter(from); thursday <= to; thursday = addDays(thursday, 7)) {
    if (thursday >= firstDue && !hasFeedbackFor(hazard, thursday)) missing.push(thursday);
  }
  return missing;
}

/** `2023-12-07` → `12月7日`: the way the weekly reports name their day. */
export const shortDate = (date: IsoDate): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * Reminders (not errors) for a month's list: every open deadline fix missing a Thursday's feedback
 * between the 1st of the month and the cutoff.
 */
export function feedbackWarnings(file: string, list: HazardList): ContentIssue[] {
  return list.hazards.flatMap((hazard) => {
    const missing = missingFeedback(hazard, `${list.month}-01`, list.cutoff);
    if (missing.length === 0) return [];
    return [
      {
        file,
        ref: hazard.id,
        field: fieldLabel(['progress']),
        message:
          `缺少 ${missing.map(shortDate).join('、')}（周四）的书面反馈；` +
          '整改中的限期整改隐患交办满一周后，每周都应记一条推进情况',
        severity: 'warning' as const,
      },
    ];
  });
}
