import { formatIssues } from '../content/issues';
import { planPromotion, type PromotionRequest } from '../month-scaffold/promote';
import { TRIAGE_STATUSES, upsertReceipt, type TriageRecord, type TriageStatus } from './triage';

/**
 * What the office decided about a tip is kept in two places: the public status in
 * content/receipts.yaml (published with the next build, where the informant looks it up) and
 * the office's own record next to the queue (store `tip-triage`, which `tips list` reads).
 * Everything is checked before anything is written, so a refused step leaves both as they were.
 */

/** A content file the office changes: its name in messages, its text (undefined when missing), a writer. */
export interface TextFile {
  name: string;
  read(): string | undefined;
  write(text: string): void;
}

/** The triage store, as far as recording needs it (a Netlify Blobs store has this method). */
interface TriageWriter {
  setJSON(key: string, value: unknown): Promise<unknown>;
}

interface Outcome {
  /** The tip's key in the queue. */
  tipId: string;
  /** The tip's receipt lookup key: the receipts file's key. */
  lookupKey: string;
  /** Day the tip was received. */
  received: string;
  status: TriageStatus;
  /** Day of the decision, China time. */
  today: string;
  note?: string | undefined;
  hazard?: string | undefined;
}

type Refused = { ok: false; message: string };

function receiptsEdit(receipts: TextFile, outcome: Outcome): { ok: true; text: string } | Refused {
  const edit = upsertReceipt(receipts.name, receipts.read(), {
    key: outcome.lookupKey,
    received: outcome.received,
    status: TRIAGE_STATUSES[outcome.status],
    updated: outcome.today,
    note: outcome.note,
    hazard: outcome.hazard,
  });
  return edit.ok ? edit : { ok: false, message: `未写入：\n${formatIssues(edit.issues)}` };
}

const triageRecord = ({ status, today, hazard }: Outcome): TriageRecord => ({
  v: 1,
  status,
  updated: today,
  ...(hazard ? { hazard } : {}),
});

/** `tips triage`: the outcome in both places, unless the receipt may not change that way. */
export async function recordOutcome(
  receipts: TextFile,
  triage: TriageWriter,
  outcome: Outcome,
): Promise<{ ok: true } | Refused> {
  const edit = receiptsEdit(receipts, outcome);
  if (!edit.ok) return edit;
  receipts.write(edit.text);
  await triage.setJSON(outcome.tipId, triageRecord(outcome));
  return { ok: true };
}

interface TipPromotion extends Omit<PromotionRequest, 'monthText'> {
  tipId: string;
  today: string;
}

/**
 * `tips promote`: the tip becomes the next hazard of the month's list (promote.ts's rules)
 * and its receipt says 已列入隐患清单 with that number, in both places.
 */
export async function promoteTip(
  files: { list: TextFile; receipts: TextFile },
  triage: TriageWriter,
  request: TipPromotion,
): Promise<{ ok: true; id: string; hazard: Record<string, unknown> } | Refused> {
  const monthText = files.list.read();
  if (monthText === undefined) return { ok: false, message: `找不到 ${files.list.name}` };
  const plan = planPromotion({ ...request, monthText });
  if (!plan.ok) return { ok: false, message: plan.problem };
  const outcome: Outcome = {
    tipId: request.tipId,
    lookupKey: request.tipKey,
    received: request.received,
    status: '已列入',
    today: request.today,
    hazard: plan.id,
  };
  const edit = receiptsEdit(files.receipts, outcome);
  if (!edit.ok) return edit;
  files.list.write(plan.listText);
  files.receipts.write(edit.text);
  await triage.setJSON(outcome.tipId, triageRecord(outcome));
  return { ok: true, id: plan.id, hazard: plan.hazard };
}
