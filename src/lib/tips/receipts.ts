import type { Ledger } from '../ledger/ledger';
import { hazardPath } from '../page-paths';
import type { ContentIssue } from '../content/issues';
import type { ReceiptEntry, ReceiptStatus } from '../../schemas/receipt';

/**
 * content/receipts.yaml → checks across files, and the public lookup file /receipts.json.
 * The lookup file holds only what the office chose to publish per lookup key; the
 * browser computes the key from the receipt, so the receipt itself never leaves it.
 */

/** A receipt may name a hazard: that number must be in the ledger. */
export function checkReceipts(file: string, entries: readonly ReceiptEntry[], ledger: Ledger): ContentIssue[] {
  const known = new Set(ledger.ids());
  const issues: ContentIssue[] = [];
  for (const entry of entries) {
    if (!entry.hazard) continue;
    const ref = `查询码 ${entry.key.slice(0, 12)}…`;
    if (!known.has(entry.hazard)) {
      issues.push({
        file,
        ref,
        field: '隐患编号',
        message: `隐患编号 ${entry.hazard} 不在任何一期隐患清单中`,
        severity: 'error',
      });
      continue;
    }
    const source = ledger.history(entry.hazard)[0]?.hazard.source;
    if (source !== '群众举报') {
      issues.push({
        file,
        ref,
        field: '隐患编号',
        message: `隐患 ${entry.hazard} 的来源是“${source}”，不是“群众举报”，请核对编号`,
        severity: 'warning',
      });
    }
  }
  return issues;
}

/** One published status, as /receipts.json carries it. */
export interface PublicReceipt {
  status: ReceiptStatus;
  received: string;
  updated: string;
  note?: string;
  hazard?: { id: string; url: string };
  /** The conversation, encrypted (schemas/conversation.ts): readable only with the receipt or an office key. */
  messages?: PublicMessage[];
  /** The day the office closed the conversation. */
  closed?: string;
}

export interface PublicMessage {
  date: string;
  from: 'office' | 'informant';
  ciphertext: string;
  answered?: string;
}

export interface ReceiptLookupFile {
  version: 1;
  entries: Record<string, PublicReceipt>;
}

export function receiptLookupFile(entries: readonly ReceiptEntry[]): ReceiptLookupFile {
  const out: Record<string, PublicReceipt> = {};
  for (const entry of entries) {
    out[entry.key] = {
      status: entry.status,
      received: entry.received,
      updated: entry.updated,
      ...(entry.note ? { note: entry.note } : {}),
      ...(entry.hazard ? { hazard: { id: entry.hazard, url: hazardPath(entry.hazard) } } : {}),
      ...(entry.messages?.length
        ? {
            messages: entry.messages.map(({ date, from, ciphertext, answered }) => ({
              date,
              from,
              ciphertext,
              ...(answered ? { answered } : {}),
            })),
          }
        : {}),
      ...(entry.closed ? { closed: entry.closed } : {}),
    };
  }
  return { version: 1, entries: out };
}
