import { isMap, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ContentIssue } from '../content/issues';
import { validate } from '../content/parse';
import type { OpenedTip } from '../tips/open';
import { ReceiptsFileWithRevisions } from '../../schemas/receipt-revision';
import type { FollowUp, Tip } from '../../schemas/tip';
import { upsertReceipt } from './triage';

/**
 * The office's side of the conversation with an informant (`tips reply`, `tips list`,
 * `tips show`): threading the queue by receipt, and recording messages in content/receipts.yaml.
 */

/** A queued item as the office tool read it: its queue key, the day received, what it decrypted to. */
export interface QueueItem {
  id: string;
  received: string | undefined;
  opened: OpenedTip | undefined;
}

export interface FollowUpItem extends QueueItem {
  followUp: FollowUp;
}

export interface Thread {
  tip: QueueItem & { tip: Tip };
  /** Oldest first. */
  followUps: FollowUpItem[];
}

export interface Threading {
  threads: Thread[];
  /** Follow-ups whose receipt belongs to no tip in the queue (mistyped, or the tip is gone). */
  orphans: FollowUpItem[];
  /** Not opened (no identity, or not for this key) or failed validation: listed as they are. */
  others: QueueItem[];
}

const byDay = (a: QueueItem, b: QueueItem) =>
  (a.received ?? '').localeCompare(b.received ?? '') || a.id.localeCompare(b.id);

/**
 * Follow-ups under their tip: the link is the receipt inside both ciphertexts, nothing the
 * queue could show. When two tips carry the same receipt (it cannot happen by chance), the
 * follow-ups go under the earliest.
 */
export function threadQueue(items: readonly QueueItem[]): Threading {
  const sorted = [...items].sort(byDay);
  const threads = new Map<string, Thread>();
  const followUps: FollowUpItem[] = [];
  const others: QueueItem[] = [];
  for (const item of sorted) {
    const opened = item.opened;
    if (opened?.ok && opened.kind === 'tip') {
      if (!threads.has(opened.tip.receipt))
        threads.set(opened.tip.receipt, { tip: { ...item, tip: opened.tip }, followUps: [] });
      else others.push(item);
    } else if (opened?.ok && opened.kind === 'follow-up') followUps.push({ ...item, followUp: opened.followUp });
    else others.push(item);
  }
  const orphans: FollowUpItem[] = [];
  for (const item of followUps) {
    const thread = threads.get(item.followUp.receipt);
    if (thread) thread.followUps.push(item);
    else orphans.push(item);
  }
  return { threads: [...threads.values()], orphans, others };
}

/** The informant's reply key: the newest one the thread carries (a version 1 tip has none; a follow-up brings one). */
export function replyKeyOf(thread: Thread): string | undefined {
  const keys = [
    thread.tip.tip.version === 2 ? thread.tip.tip.replyTo : undefined,
    ...thread.followUps.map((f) => f.followUp.replyTo),
  ];
  return keys.filter((key) => key !== undefined).at(-1);
}

/** One message to add: already encrypted (lib/tips/message-crypto.ts). */
export interface NewMessage {
  date: string;
  from: 'office' | 'informant';
  ciphertext: string;
  ref?: string;
}

export interface ConversationUpdate {
  /** The tip's receipt lookup key. */
  key: string;
  /** Day the tip was received: used when the tip has no entry yet (it gets status 已收到). */
  received: string;
  today: string;
  /** Added in date order; informant messages whose ref is already recorded are skipped. */
  messages: readonly NewMessage[];
  /** Marks every office question not yet answered as answered today. */
  answered?: boolean;
  /** Closes the conversation today. */
  close?: boolean;
}

export type ConversationEdit =
  { ok: true; text: string; added: { office: number; informant: number } } | { ok: false; issues: ContentIssue[] };

/** The refs of the informant messages an entry of content/receipts.yaml already has. */
export function recordedRefs(text: string | undefined, key: string): Set<string> {
  const entry = findEntry(parseDocument(text ?? 'receipts: []\n').get('receipts', true), key);
  const messages = entry?.get('messages', true);
  if (!isSeq(messages)) return new Set();
  return new Set(
    messages.items.flatMap((item) => {
      const ref: unknown = isMap(item) ? item.get('ref') : undefined;
      return typeof ref === 'string' ? [ref] : [];
    }),
  );
}

function findEntry(receipts: unknown, key: string): YAMLMap | undefined {
  if (!isSeq(receipts)) return undefined;
  return receipts.items.find((item): item is YAMLMap => isMap(item) && item.get('key') === key);
}

/**
 * Adds messages to a tip's receipt entry (creating the entry, status 已收到, when the tip has
 * none yet), marks questions answered, closes the conversation; keeps the rest of the file as
 * it is. A closed conversation takes no new message.
 */
export function recordConversation(
  file: string,
  text: string | undefined,
  update: ConversationUpdate,
): ConversationEdit {
  const ref = `查询码 ${update.key.slice(0, 12)}…`;
  const refuse = (message: string): ConversationEdit => ({
    ok: false,
    issues: [{ file, ref, message, severity: 'error' }],
  });
  let source = text;
  if (!findEntry(parseDocument(text ?? 'receipts: []\n').get('receipts', true), update.key)) {
    const created = upsertReceipt(file, text, {
      key: update.key,
      received: update.received,
      status: '已收到',
      updated: update.today,
    });
    if (!created.ok) return created;
    source = created.text;
  }
  const doc = parseDocument(source ?? '');
  if (doc.errors.length) return refuse('YAML 格式错误，请先修正该文件');
  const entry = findEntry(doc.get('receipts', true), update.key)!;
  const closed: unknown = entry.get('closed');
  const known = recordedRefs(source, update.key);
  const fresh = update.messages.filter((m) => m.from === 'office' || !m.ref || !known.has(m.ref));
  if (typeof closed === 'string' && update.messages.some((m) => m.from === 'office'))
    return refuse(`与该举报人的对话已于 ${closed} 结束，不能再发送消息`);

  const existing: unknown = entry.get('messages', true);
  const messages = isSeq(existing) ? existing : (doc.createNode([]) as YAMLSeq);
  if (messages !== existing) entry.set('messages', messages);
  if (update.answered) {
    for (const item of messages.items) {
      if (isMap(item) && item.get('from') === 'office' && item.get('answered') === undefined)
        item.set('answered', update.today);
    }
  }
  for (const message of fresh) {
    const node = doc.createNode({ date: message.date, from: message.from }) as YAMLMap;
    if (message.ref) node.set('ref', message.ref);
    const armored = new Scalar(message.ciphertext);
    armored.type = Scalar.BLOCK_LITERAL;
    node.set('ciphertext', armored);
    // Date order; a message of the same day goes after those already there.
    const at = messages.items.findIndex((item) => isMap(item) && String(item.get('date')) > message.date);
    if (at === -1) messages.items.push(node);
    else messages.items.splice(at, 0, node);
  }
  if (messages.items.length === 0) entry.delete('messages');
  if (update.close) entry.set('closed', update.today);

  const out = doc.toString({ lineWidth: 0 });
  const check = validate(file, parseDocument(out).toJS(), ReceiptsFileWithRevisions);
  if (!check.ok) return { ok: false, issues: check.issues };
  const count = (from: NewMessage['from']) => fresh.filter((m) => m.from === from).length;
  return { ok: true, text: out, added: { office: count('office'), informant: count('informant') } };
}
