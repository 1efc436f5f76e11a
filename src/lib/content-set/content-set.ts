import { HazardList } from '../../schemas/hazard-list';
import { ProgressTable } from '../../schemas/progress-table';
import { Site } from '../../schemas/site';
import type { ReceiptEntry } from '../../schemas/receipt';
import { ReceiptsFileWithRevisions } from '../../schemas/receipt-revision';
import { Ledger } from '../ledger/ledger';
import { feedbackWarnings } from '../ledger/feedback';
import { checkLedgerRules, type ListFile } from '../ledger/rules';
import { checkProgressTable } from '../statistics/progress-table';
import { checkReceipts } from '../tips/receipts';
import { placeholderIssues } from '../month-scaffold/month-check';
import { monthOfFile, type ContentSources } from '../content/folder';
import { parseContent, parseJsonContent } from '../content/parse';
import { VillageMap } from '../../schemas/village-map';
import { checkVillageMap } from '../map/rules';
import type { ContentIssue } from '../content/issues';

export interface TableFile {
  file: string;
  table: ProgressTable;
}

/** Everything the office has published, validated, with the ledger built over it. */
export interface ContentSet {
  site: Site;
  lists: ListFile[];
  tables: TableFile[];
  ledger: Ledger;
  /** Tip receipt statuses (content/receipts.yaml); empty without the file. */
  receipts: ReceiptEntry[];
  /** The villages' boundaries (content/map/villages.geojson); undefined without the file. */
  map: VillageMap | undefined;
  /** Warnings only (a set with errors is never returned). */
  warnings: ContentIssue[];
}

export type ContentResult = { ok: true; content: ContentSet } | { ok: false; issues: ContentIssue[] };

function checkFileName(file: string, month: string): ContentIssue[] {
  const expected = monthOfFile(file);
  return expected === month
    ? []
    : [{ file, field: '月份', message: `文件名应与月份一致：${month}.yaml`, severity: 'error' }];
}

/**
 * Parses and validates every content file, then the rules across files.
 * All problems are collected — a clerk fixes them in one pass, not one per build.
 */
export function readContentSet(sources: ContentSources): ContentResult {
  const issues: ContentIssue[] = [];
  const site = parseContent(sources.site.path, sources.site.text, Site);
  if (!site.ok) issues.push(...site.issues);

  const lists: ListFile[] = [];
  for (const source of sources.hazardLists) {
    const parsed = parseContent(source.path, source.text, HazardList);
    if (!parsed.ok) issues.push(...parsed.issues);
    else {
      issues.push(...checkFileName(source.path, parsed.value.month));
      // 【待填写】 left by the office tools must never be published.
      issues.push(...placeholderIssues(source.path, parsed.value));
      lists.push({ file: source.path, list: parsed.value });
    }
  }
  const tables: TableFile[] = [];
  for (const source of sources.progressTables) {
    const parsed = parseContent(source.path, source.text, ProgressTable);
    if (!parsed.ok) issues.push(...parsed.issues);
    else {
      issues.push(...checkFileName(source.path, parsed.value.month));
      tables.push({ file: source.path, table: parsed.value });
    }
  }
  let receipts: ReceiptEntry[] = [];
  if (sources.receipts) {
    const parsed = parseContent(sources.receipts.path, sources.receipts.text, ReceiptsFileWithRevisions);
    if (!parsed.ok) issues.push(...parsed.issues);
    else receipts = parsed.value.receipts;
  }
  let map: VillageMap | undefined;
  if (sources.map) {
    const parsed = parseJsonContent(sources.map.path, sources.map.text, VillageMap);
    if (!parsed.ok) issues.push(...parsed.issues);
    else map = parsed.value;
  }
  if (!site.ok) return { ok: false, issues };

  lists.sort((a, b) => a.list.month.localeCompare(b.list.month));
  tables.sort((a, b) => a.table.month.localeCompare(b.table.month));
  const ledger = new Ledger(lists.map((l) => l.list));
  // Weekly feedback can still be added only to the month being prepared; earlier months are the record.
  const latest = lists.at(-1);
  if (latest) issues.push(...feedbackWarnings(latest.file, latest.list));
  if (sources.receipts) issues.push(...checkReceipts(sources.receipts.path, receipts, ledger));
  // With a month missing, every rule across months would compare against the wrong month and
  // report changes the clerk never made; those rules wait until every list reads cleanly.
  const everyListRead = lists.length === sources.hazardLists.length;
  if (everyListRead) {
    issues.push(...checkLedgerRules(site.value, lists));
    for (const { file, table } of tables) issues.push(...checkProgressTable(site.value, ledger, file, table));
  }
  if (map && sources.map) issues.push(...checkVillageMap(sources.map.path, map, site.value, lists));

  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, content: { site: site.value, lists, tables, ledger, receipts, map, warnings: issues } };
}
