/**
 * How long the tip store keeps a tip (docs/threat-model.md). The internet-facing store should
 * hold a tip only until the office has it safely: `tips archive` writes each item to the
 * office's own disk, checks the copy, and then deletes it from the store.
 *
 * Store `tip-archived`: items archived but kept in the tip store for a while (`tips archive
 * --keep-days N`), keyed by the item's queue key, value `{ v: 1, archived, keepUntil }` (days,
 * China time) — no content. The hourly sweep deletes such an item, its triage record and this
 * marker once `keepUntil` has passed. An item deleted at archiving leaves nothing here: once an
 * item is gone, the host keeps neither its bytes nor its key (the replay guard's record that
 * named it is rewritten, see spent-challenges.ts `forgetSpenders`).
 *
 * Items never archived are the office's to archive. The daily digest warns when one has waited
 * longer than `unarchivedMaxDays`; the sweep deletes it then only if `deleteUnarchived` is set.
 */
import { chinaDay } from '../../schemas/common';
import { isTipKey, parseTipMetadata, type QueueStore } from './queue';
import { forgetSpenders } from './spent-challenges';

export const ARCHIVED_STORE = 'tip-archived';

/** The ceiling where site.yaml cannot be read (the Netlify functions); site.yaml's default too. */
export const DEFAULT_UNARCHIVED_MAX_DAYS = 90;
const MARKER_VERSION = 1;

export interface ArchivedMarker {
  v: typeof MARKER_VERSION;
  /** The day the office archived the item. */
  archived: string;
  /** The last day the tip store keeps it. */
  keepUntil: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseArchivedMarker(value: unknown): ArchivedMarker | undefined {
  const m = value as Partial<ArchivedMarker> | null | undefined;
  if (m?.v === MARKER_VERSION && typeof m.archived === 'string' && DAY.test(m.archived)) {
    if (typeof m.keepUntil === 'string' && DAY.test(m.keepUntil))
      return { v: m.v, archived: m.archived, keepUntil: m.keepUntil };
  }
  return undefined;
}

export const archivedMarker = (archived: string, keepUntil: string): ArchivedMarker => ({
  v: MARKER_VERSION,
  archived,
  keepUntil,
});

/** `day` plus `days` (negative: back), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether an item received on `received` came within the last `days` days of `today`
 * (today is one of them): `--keep-days` keeps these in the store.
 */
export const receivedWithin = (received: string | undefined, days: number, today: string): boolean =>
  days > 0 && received !== undefined && received > addDays(today, -days);

/** Whether an item received on `received` is older than the ceiling for never-archived items. */
export const pastCeiling = (received: string | undefined, maxDays: number, today: string): boolean =>
  received !== undefined && received < addDays(today, -maxDays);

export interface RetentionStores {
  tips: QueueStore;
  triage: QueueStore;
  archived: QueueStore;
  /** The replay guard: its records name the submission that spent them (spent-challenges.ts). */
  challenges?: QueueStore;
}

export interface RetentionSetting {
  unarchivedMaxDays: number;
  deleteUnarchived: boolean;
}

/** Deletes an item from the tip store with what the office kept about it there (triage, marker). */
export async function deleteItem(stores: RetentionStores, key: string): Promise<void> {
  await stores.tips.delete(key);
  await stores.triage.delete(key);
  // The marker last: while the item is there, its marker still says it was archived.
  await stores.archived.delete(key);
}

export interface RetentionSweep {
  /** Archived items whose kept days were over, deleted. */
  deletedArchived: number;
  /** Never-archived items past the ceiling, deleted (only when the setting says so). */
  deletedUnarchived: number;
  /** Never-archived items past the ceiling, still in the store. */
  overdueUnarchived: number;
}

/**
 * The hourly retention sweep. Without `setting` (a host that cannot read site.yaml) only archived
 * items are deleted: that needs no setting, their markers carry the day.
 */
export async function sweepRetention(
  stores: RetentionStores,
  setting: RetentionSetting | undefined,
  now: Date = new Date(),
): Promise<RetentionSweep> {
  const today = chinaDay(now);
  const result: RetentionSweep = { deletedArchived: 0, deletedUnarchived: 0, overdueUnarchived: 0 };
  const marked = new Set<string>();
  const gone = new Set<string>();
  for (const { key } of (await stores.archived.list()).blobs) {
    const marker = parseArchivedMarker(await stores.archived.get(key, { type: 'json', consistency: 'strong' }));
    if (!marker) continue;
    marked.add(key);
    if (marker.keepUntil < today) {
      await deleteItem(stores, key);
      gone.add(key);
      result.deletedArchived++;
    }
  }
  if (setting) await sweepUnarchived(stores, setting, today, marked, gone, result);
  if (stores.challenges) await forgetSpenders(stores.challenges, gone);
  return result;
}

async function sweepUnarchived(
  stores: RetentionStores,
  setting: RetentionSetting,
  today: string,
  marked: ReadonlySet<string>,
  gone: Set<string>,
  result: RetentionSweep,
): Promise<void> {
  for (const { key } of (await stores.tips.list()).blobs) {
    if (!isTipKey(key) || marked.has(key)) continue;
    const meta = parseTipMetadata((await stores.tips.getMetadata(key, { consistency: 'strong' }))?.metadata);
    if (!pastCeiling(meta?.received, setting.unarchivedMaxDays, today)) continue;
    if (setting.deleteUnarchived) {
      await deleteItem(stores, key);
      gone.add(key);
      result.deletedUnarchived++;
    } else result.overdueUnarchived++;
  }
}

/** Never-archived items past the ceiling: the digest's warning. */
export async function countUnarchivedPastCeiling(
  stores: Pick<RetentionStores, 'tips' | 'archived'>,
  maxDays: number,
  now: Date = new Date(),
): Promise<number> {
  const today = chinaDay(now);
  const marked = new Set((await stores.archived.list()).blobs.map((b) => b.key));
  let count = 0;
  for (const { key } of (await stores.tips.list()).blobs) {
    if (!isTipKey(key) || marked.has(key)) continue;
    const meta = parseTipMetadata((await stores.tips.getMetadata(key, { consistency: 'strong' }))?.metadata);
    if (pastCeiling(meta?.received, maxDays, today)) count++;
  }
  return count;
}
