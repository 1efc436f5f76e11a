/** The office's inbox as `tips list --identity` and `due --identity` read it: each tip's state. */
import { parse as parseYaml } from 'yaml';
import { contentFile, contentPaths } from '../../lib/content/folder';
import { inboxOrder, inboxRecord, inboxState, isWaiting, type InboxEntry } from '../../lib/tip-handling/inbox';
import { threadQueue, type Thread, type Threading } from '../../lib/tip-handling/informant-thread';
import type { TriageRecord } from '../../lib/tip-handling/triage';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { parseArchivedMarker } from '../../lib/tips/retention';
import { followUpRef } from '../../lib/tips/message-crypto';
import { ReceiptsFile, type ReceiptEntry } from '../../schemas/receipt';
import { loadSite } from './files';
import { contentDirOf, printer, today, type OfficeIo } from './io';
import type { Queue } from './queue';
import { openAll, triageOf } from './tip-queue';

export interface InboxRow {
  thread: Thread;
  inbox: InboxEntry;
  triage: TriageRecord | undefined;
  /** Follow-up queue ids the conversation in receipts.yaml records (`tips reply` took them in). */
  recorded: ReadonlySet<string>;
}

/** The receipts file's entries; a file with errors is reported and read as empty. */
function receiptEntries(io: OfficeIo): ReceiptEntry[] {
  const file = contentFile(contentPaths(contentDirOf(io)).receipts);
  const text = file.read();
  if (text === undefined) return [];
  let parsed;
  try {
    parsed = ReceiptsFile.safeParse(parseYaml(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success) return parsed.data.receipts;
  printer(io).warn(`注意：${file.name} 有错误（npm run check 可查看），回复记录未计入，办理状态可能不准。`);
  return [];
}

/** Every tip in the queue with its inbox state as of today, waiting first; and the threading. */
export async function readInbox(
  io: OfficeIo,
  queue: Queue,
  identities: readonly string[],
): Promise<{ rows: InboxRow[]; threading: Threading }> {
  const villages = loadSite(contentDirOf(io)).villages.map((v) => v.name);
  const threading = threadQueue(await openAll(queue, identities, villages));
  const entries = new Map(receiptEntries(io).map((e) => [e.key, e]));
  const day = today(io);
  const rows = await Promise.all(
    threading.threads.map(async (thread) => {
      const receipt = thread.tip.tip.receipt;
      const entry = entries.get(await receiptLookupKey(receipt));
      const refs = new Set((entry?.messages ?? []).flatMap((m) => (m.ref ? [m.ref] : [])));
      const recorded = new Set<string>();
      for (const f of thread.followUps) if (refs.has(await followUpRef(receipt, f.id))) recorded.add(f.id);
      const followUps = thread.followUps.map((f) => ({ received: f.received ?? day, recorded: recorded.has(f.id) }));
      const triage = await triageOf(queue, thread.tip.id);
      const marker = parseArchivedMarker(
        await queue.archived.get(thread.tip.id, { type: 'json', consistency: 'strong' }),
      );
      const record = inboxRecord(thread.tip.received ?? day, followUps, entry, triage, marker?.archived);
      const inbox = inboxState(record, day);
      return { thread, inbox, triage, recorded };
    }),
  );
  rows.sort((a, b) => inboxOrder(a.inbox, b.inbox) || a.thread.tip.id.localeCompare(b.thread.tip.id));
  return { rows, threading };
}

/** A tip's state as the list shows it: days waited for the waiting states, the day otherwise. */
export const inboxLabel = (entry: InboxEntry): string =>
  isWaiting(entry.state) ? `${entry.state}（已等 ${entry.waited ?? 0} 天）` : `${entry.state}（${entry.since}）`;
