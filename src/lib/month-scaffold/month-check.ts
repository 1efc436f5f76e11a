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
      message: `尚未填写（${text.split('\n')[0]!.slice(0, 60)}）`,
      severity: 'error' as const,
    };
  });
}

/** Open hazards whose weekly progress for the month is still empty (a reminder, not an error). */
export function emptyProgressWarnings(file: string, raw: unknown): ContentIssue[] {
  const hazards = (raw as Raw)?.hazards;
  if (!Array.isArray(hazards)) return [];
  return hazards.flatMap((h: Record<string, unknown>) =>
    h && h.status === '整改中' && (!Array.isArray(h.progress) || h.progress.length === 0)
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

const allZero = (row: Record<string, unknown>) =>
  ['overall', 'spotCheck', 'enforcement'].every((section) => {
    const figures = row[section];
    return figures && typeof figures === 'object' && Object.values(figures).every((v) => v === 0);
  });

/** Villages whose row is still all zeros, as `month new` left it: one reminder each. */
export function notImportedWarnings(file: string, raw: unknown): ContentIssue[] {
  const rows = (raw as Raw)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: Record<string, unknown>) =>
    row && typeof row.village === 'string' && allZero(row)
      ? [{ file, ref: row.village, message: NOT_IMPORTED, severity: 'warning' as const }]
      : [],
  );
}
const NOT_IMPORTED = '调度表数字均为 0，尚未导入该村填报的调度表（npm run office -- table import）';

const sameSpot = (a: ContentIssue, b: ContentIssue) => a.file === b.file && a.ref === b.ref && a.field === b.field;

/**
 * The office's check: the build's own issues plus the placeholder errors and reminders;
 * a schema error on a field that still holds a placeholder says the same thing twice,
 * so only the placeholder message is kept, and a village row not yet imported gets one
 * reminder instead of a ledger warning per figure.
 */
export function combineIssues(base: readonly ContentIssue[], extra: readonly ContentIssue[]): ContentIssue[] {
  const placeholders = extra.filter((i) => i.severity === 'error');
  const notImported = extra.filter((i) => i.message === NOT_IMPORTED);
  const kept = base.filter(
    (issue) =>
      !placeholders.some((p) => sameSpot(p, issue)) &&
      // A row not imported yet disagrees with the ledger everywhere; one reminder says it.
      !(issue.severity === 'warning' && notImported.some((n) => n.file === issue.file && n.ref === issue.ref)),
  );
  const fresh = extra.filter((issue) => !kept.some((k) => sameSpot(k, issue) && k.message === issue.message));
  return [...kept, ...fresh];
}

/** Splits issues into those about `month`'s files and the rest. */
export function splitByMonth(issues: readonly ContentIssue[], month: string) {
  const mine = (i: ContentIssue) => i.file.endsWith(`${month}.yaml`) || i.file.endsWith(`${month}.yml`);
  return { month: issues.filter(mine), other: issues.filter((i) => !mine(i)) };
}
