import type { HazardList } from '../../schemas/hazard-list';
import type { Hazard, HazardId } from '../../schemas/hazard';
import type { Site } from '../../schemas/site';
import type { ContentIssue } from '../content/issues';
import { fieldLabel } from '../content/labels';
import { STATUS_RANK } from './status';

export interface ListFile {
  file: string;
  list: HazardList;
}

/** Fields that make a hazard the hazard it is; they may change only with a revision note. */
const IDENTITY_FIELDS = ['found', 'source', 'village', 'unit'] as const;

interface Seen {
  month: string;
  hazard: Hazard;
}

/**
 * Rules across months of the ledger. Each month's list must carry on from the one
 * before: numbers are never reused, open hazards never vanish, status only moves
 * forward, and identity never changes — unless that month's revision log names the
 * hazard and says why.
 */
export function checkLedgerRules(site: Site, files: readonly ListFile[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const villages = new Set(site.villages.map((v) => v.name));
  const sorted = [...files].sort((a, b) => a.list.month.localeCompare(b.list.month));
  const lastSeen = new Map<HazardId, Seen>();
  let previous: ListFile | undefined;

  for (const current of sorted) {
    const { file, list } = current;
    const error = (ref: string, field: string | undefined, message: string) =>
      issues.push({ file, ref, ...(field ? { field } : {}), message, severity: 'error' });
    const revised = new Set(list.revisions.flatMap((r) => r.hazards));
    const here = new Set(list.hazards.map((h) => h.id));

    if (previous && !isNextMonth(previous.list.month, list.month)) {
      issues.push({
        file,
        field: fieldLabel(['month']),
        message: `上一期清单是 ${previous.list.month}，中间缺少月份`,
        severity: 'warning',
      });
    }

    for (const hazard of list.hazards) {
      if (!villages.has(hazard.village)) {
        error(hazard.id, fieldLabel(['village']), `「${hazard.village}」不在 content/site.yaml 的村名单中`);
      }
      const seen = lastSeen.get(hazard.id);
      if (!seen || revised.has(hazard.id)) continue;
      if (seen.hazard.status === '已销号' && previous && !previous.list.hazards.some((h) => h.id === hazard.id)) {
        error(hazard.id, fieldLabel(['id']), `该编号已于 ${seen.month} 销号，编号不得重复使用`);
        continue;
      }
      for (const field of IDENTITY_FIELDS) {
        if (seen.hazard[field] !== hazard[field]) {
          error(
            hazard.id,
            fieldLabel([field]),
            `与 ${seen.month} 清单不一致（${seen.hazard[field]} → ${hazard[field]}）；` +
              '编号不得改用于其他隐患，如为更正须在修订记录中写明原因',
          );
        }
      }
      if (STATUS_RANK[hazard.status] < STATUS_RANK[seen.hazard.status]) {
        error(
          hazard.id,
          fieldLabel(['status']),
          `状态不能从「${seen.hazard.status}」退回「${hazard.status}」，如确需更正须在修订记录中写明原因`,
        );
      }
    }

    for (const hazard of previous?.list.hazards ?? []) {
      if (hazard.status !== '已销号' && !here.has(hazard.id) && !revised.has(hazard.id)) {
        error(
          hazard.id,
          fieldLabel(['hazards']),
          `${previous!.list.month} 清单中的该隐患（${hazard.status}）未出现在本月清单；` +
            '未销号的隐患不得删除，如确需删除须在修订记录中写明原因',
        );
      }
    }

    for (const hazard of list.hazards) lastSeen.set(hazard.id, { month: list.month, hazard });
    previous = current;
  }
  return issues;
}

function isNextMonth(a: string, b: string): boolean {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return yb * 12 + mb === ya * 12 + ma + 1;
}
