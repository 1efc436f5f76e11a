import type { ReceiptEntry } from '../../schemas/receipt';
import { isTipKey, type QueueStore } from '../tips/queue';
import { isUnhandled, parseTriageRecord, type TriageRecord } from './triage';

/**
 * The office's inbox: where each tip stands in the conversation with its informant, as
 * `tips list --identity` and `due --identity` show it. A state machine over what the records
 * say happened, day by day:
 *
 *   新举报 ─答复→ 已回复 ─补充→ 有新补充
 *                   ↑                 │
 *                   └──────答复───────┘
 *   any state ─结束→ 已结束 (until archived);  any state ─归档→ 已归档 (for good)
 *
 *   答复  the office wrote to the informant (an office message in content/receipts.yaml), or
 *         published a decision the informant reads on /receipt/ (a triage status other than 已收到)
 *   补充  a follow-up from the informant (in the queue, threaded to the tip by informant-thread.ts)
 *         that the conversation in receipts.yaml does not record yet. `tips reply` records every
 *         follow-up it sees, whether it writes, marks answered or closes: a recorded follow-up has
 *         been taken in by the office and moves nothing.
 *   结束  the office closed the conversation (`tips reply --close`: `closed` in receipts.yaml)
 *   归档  the office archived the tip (`tips archive`: written to its own disk, checked). Most
 *         archived tips leave the queue at once and so leave the list; one kept in the queue for
 *         a while (`--keep-days`) carries a marker there (lib/tips/retention.ts) with the day.
 *
 * A follow-up before any answer leaves a tip 新举报 (still waiting since the day it came).
 * 新举报 and 有新补充 wait for the office (INBOX_WAITING); the days waited count from the day
 * the tip entered that state. The queue keeps only the day of each item, never the time: a
 * follow-up not recorded on the day of an answer (a triage decision, say) counts as after it —
 * the office sees it rather than missing it.
 */
/** In the order of the list. */
export const INBOX_STATES = ['新举报', '有新补充', '已回复', '已结束', '已归档'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export type InboxEvent = '答复' | '补充' | '结束' | '归档';

/** Every state with every event: the compiler checks that none is missing. */
export const INBOX_TRANSITIONS = {
  新举报: { 答复: '已回复', 补充: '新举报', 结束: '已结束', 归档: '已归档' },
  有新补充: { 答复: '已回复', 补充: '有新补充', 结束: '已结束', 归档: '已归档' },
  已回复: { 答复: '已回复', 补充: '有新补充', 结束: '已结束', 归档: '已归档' },
  已结束: { 答复: '已结束', 补充: '已结束', 结束: '已结束', 归档: '已归档' },
  已归档: { 答复: '已归档', 补充: '已归档', 结束: '已归档', 归档: '已归档' },
} as const satisfies Record<InboxState, Record<InboxEvent, InboxState>>;

/** The states in which a tip waits for the office: listed first, counted by the due list. */
export const INBOX_WAITING: readonly InboxState[] = ['新举报', '有新补充'];

export const isWaiting = (state: InboxState): boolean => INBOX_WAITING.includes(state);

/** What the records say of one tip (days only, China time). */
export interface InboxRecord {
  /** The day the tip came (queue metadata). */
  received: string;
  /** Its follow-ups: the day each came, and whether the conversation in receipts.yaml records it. */
  followUps: readonly { received: string; recorded: boolean }[];
  /** The days of the office's messages to the informant. */
  answered: readonly string[];
  /** The day of the office's decision (triage status other than 已收到), if any. */
  decided?: string | undefined;
  /** The day the conversation was closed, if it was. */
  closed?: string | undefined;
  /** The day the office archived the tip, if it did and the tip is still in the queue. */
  archived?: string | undefined;
}

interface DatedEvent {
  day: string;
  event: InboxEvent;
  /** Order within one day: answers, then follow-ups, then the closing, then the archiving. */
  rank: number;
}

/** The record as events, in the order they happened as far as days can tell. */
export function inboxEvents(record: InboxRecord): { day: string; event: InboxEvent }[] {
  const events: DatedEvent[] = [
    ...record.answered.map((day) => ({ day, event: '答复' as const, rank: 0 })),
    ...(record.decided ? [{ day: record.decided, event: '答复' as const, rank: 0 }] : []),
    ...record.followUps.filter((f) => !f.recorded).map((f) => ({ day: f.received, event: '补充' as const, rank: 1 })),
    ...(record.closed ? [{ day: record.closed, event: '结束' as const, rank: 2 }] : []),
    ...(record.archived ? [{ day: record.archived, event: '归档' as const, rank: 3 }] : []),
  ];
  return events.sort((a, b) => a.day.localeCompare(b.day) || a.rank - b.rank).map(({ day, event }) => ({ day, event }));
}

export interface InboxEntry {
  state: InboxState;
  /** The day the tip entered this state. */
  since: string;
  /** Days waited (today − since) in a waiting state; undefined otherwise. */
  waited: number | undefined;
}

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));

/** Where the tip stands on `today`, by INBOX_TRANSITIONS. */
export function inboxState(record: InboxRecord, today: string): InboxEntry {
  let state: InboxState = '新举报';
  let since = record.received;
  for (const { day, event } of inboxEvents(record)) {
    const next: InboxState = INBOX_TRANSITIONS[state][event];
    if (next !== state) since = day < record.received ? record.received : day;
    state = next;
  }
  return { state, since, waited: isWaiting(state) ? daysFrom(since, today) : undefined };
}

/** The record of a tip from its receipt entry (if any) and the office's triage record (if any). */
export function inboxRecord(
  received: string,
  followUps: InboxRecord['followUps'],
  entry: Pick<ReceiptEntry, 'messages' | 'closed'> | undefined,
  triage: TriageRecord | undefined,
  archived?: string,
): InboxRecord {
  return {
    received,
    followUps,
    answered: (entry?.messages ?? []).filter((m) => m.from === 'office').map((m) => m.date),
    decided: isUnhandled(triage) ? undefined : triage?.updated,
    closed: entry?.closed,
    archived,
  };
}

/** Order of the inbox: waiting first, longest waiting first; then by state, then by the day. */
export function inboxOrder(a: InboxEntry, b: InboxEntry): number {
  const rank = (e: InboxEntry) => (isWaiting(e.state) ? 0 : 1 + INBOX_STATES.indexOf(e.state));
  return rank(a) - rank(b) || a.since.localeCompare(b.since);
}

/** More than this many days waiting puts a tip on the weekly due list. */
export const DUE_AFTER_DAYS = 7;

export const isOverdueInInbox = (entry: InboxEntry): boolean => (entry.waited ?? 0) > DUE_AFTER_DAYS;

/**
 * Queued items without a decision (no triage record, or only 已收到): the 未处理 of `tips list`
 * without a key, and the daily digest's count. Follow-ups are counted too: without decrypting,
 * nothing tells them from tips.
 */
export async function countUndecided(tips: Pick<QueueStore, 'list'>, triage: Pick<QueueStore, 'get'>): Promise<number> {
  let count = 0;
  for (const { key } of (await tips.list()).blobs) {
    if (!isTipKey(key)) continue;
    const record = parseTriageRecord(await triage.get(key, { type: 'json', consistency: 'strong' }));
    if (isUnhandled(record)) count++;
  }
  return count;
}

/** A tip on the weekly due list: its queue id (never its receipt) and how long it has waited. */
export interface DueTip {
  id: string;
  state: InboxState;
  since: string;
  waited: number;
}

/** The tips waiting more than DUE_AFTER_DAYS, longest waiting first. */
export function dueTips(rows: readonly { id: string; inbox: InboxEntry }[]): DueTip[] {
  return rows
    .filter((row) => isOverdueInInbox(row.inbox))
    .map(({ id, inbox }) => ({ id, state: inbox.state, since: inbox.since, waited: inbox.waited ?? 0 }))
    .sort((a, b) => b.waited - a.waited || a.id.localeCompare(b.id));
}

/** The due list's section of tips (群众举报, to be handed over promptly): the count and the ids. */
export function formatDueTips(tips: readonly DueTip[], today: string): string {
  const head = `群众举报：等待办公室答复超过 ${DUE_AFTER_DAYS} 天的 ${tips.length} 条（截至 ${today}）`;
  if (!tips.length) return `${head}。`;
  return [
    `${head}，请尽快核查、答复或移交办理：`,
    ...tips.map((tip) => `  ${tip.id}  ${tip.state}  已等 ${tip.waited} 天（自 ${tip.since}）`),
    '  （编号即 tips list 中的编号；查看：npm run office -- tips show 编号 --identity 私钥文件）',
  ].join('\n');
}
