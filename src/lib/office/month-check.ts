import type { ContentIssue } from '../content/issues';
import { fieldLabel } from '../content/labels';
import { findPlaceholders } from './placeholders';

type Raw = Record<string, unknown> | undefined;

/** The hazard number or village a path inside a list points to, as the other messages name them. */
function refAt(raw: Raw, path: readonly (string | number)[]): string | undefined {
  const [list, index] = path;
  if (typeof index !== 'number') return undefined;
  const item = (raw?.[String(list)] as Record<string, unknown>[] | undefined)?.[index];
  const ref = list === 'hazards' ? item?.id : list === 'rows' ? item?.village : undefined;
  return typeof ref === 'string' && ref.trim() ? ref : `第${index + 1}项`;
}

/** Every 【待填写】 left in a content file, as an error naming the hazard and the field. */
export function placeholderIssues(file: string, raw: unknown): ContentIssue[] {
  return findPlaceholders(raw).map(({ path, text }) => {
    const ref = refAt(raw as Raw, path);
    const field = fieldLabel(ref && typeof path[1] === 'number' ? path.slice(2) : path);
    return {
      file,
      ...(ref ? { ref } : {}),
      ...(field ? { field } : {}),
      message: `尚未填写（${text}）`,
      severity: 'error' as const,
    };
  });
}

/** Open hazards whose weekly progress for the month is still empty (a reminder, not an error). */
export function emptyProgressWarnings(file: string, raw: unknown): ContentIssue[] {
  const hazards = (raw as Raw)?.hazards;
  if (!Array.isArray(hazards)) return [];
  return hazards.flatMap((h: Record<string, unknown>) =>
    h && h.status === '整改中' && (typeof h.progress !== 'string' || h.progress.trim() === '')
      ? [
          {
            file,
            ref: String(h.id),
            field: fieldLabel(['progress']),
            message: '本月推进情况尚未填写',
            severity: 'warning' as const,
          },
        ]
      : [],
  );
}

const sameSpot = (a: ContentIssue, b: ContentIssue) => a.file === b.file && a.ref === b.ref && a.field === b.field;

/**
 * The office's check: the build's own issues plus the placeholder errors and reminders;
 * a schema error on a field that still holds a placeholder says the same thing twice,
 * so only the placeholder message is kept.
 */
export function combineIssues(base: readonly ContentIssue[], extra: readonly ContentIssue[]): ContentIssue[] {
  const placeholders = extra.filter((i) => i.severity === 'error');
  const kept = base.filter((issue) => !placeholders.some((p) => sameSpot(p, issue)));
  const fresh = extra.filter((issue) => !kept.some((k) => sameSpot(k, issue) && k.message === issue.message));
  return [...kept, ...fresh];
}

/** Splits issues into those about `month`'s files and the rest. */
export function splitByMonth(issues: readonly ContentIssue[], month: string) {
  const mine = (i: ContentIssue) => i.file.endsWith(`${month}.yaml`) || i.file.endsWith(`${month}.yml`);
  return { month: issues.filter(mine), other: issues.filter((i) => !mine(i)) };
}
