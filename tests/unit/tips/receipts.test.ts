import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContentSources } from '../../../src/lib/content/folder';
import type { ContentIssue } from '../../../src/lib/content/issues';
import { readContentSet } from '../../../src/lib/content-set/content-set';
import { loadContent } from '../../../src/lib/content-set/load';
import { receiptLookupKey } from '../../../src/lib/tips/lookup-key';
import { receiptLookupFile } from '../../../src/lib/tips/receipts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const KEY = 'a'.repeat(64);

/** The errors only: the sample's August list, read here as the latest month, has weekly-feedback reminders. */
const errorsOf = (issues: readonly ContentIssue[]) => issues.filter((i) => i.severity === 'error');

function sources(receipts: string | undefined): ContentSources {
  return {
    site: read('content/site.yaml'),
    hazardLists: ['2023-06', '2023-07', '2023-08'].map((m) => read(`content/hazard-lists/${m}.yaml`)),
    progressTables: [],
    receipts: receipts === undefined ? undefined : { path: 'content/receipts.yaml', text: receipts },
  };
}

const entry = (fields: string) =>
  `receipts:\n  - key: ${KEY}\n    received: 2023-08-06\n    updated: 2023-08-10\n${fields}`;

describe('content/receipts.yaml', () => {
  it('the sample file validates, and its sample receipts map to their entries', async () => {
    const result = loadContent();
    expect(result.ok).toBe(true);
    const receipts = result.ok ? result.content.receipts : [];
    expect(receipts.length).toBeGreaterThanOrEqual(5);
    const fixture = JSON.parse(readFileSync('tests/fixtures/sample-receipts.json', 'utf8')) as {
      receipts: { receipt: string; status: string }[];
    };
    const file = receiptLookupFile(receipts);
    for (const sample of fixture.receipts) {
      expect(file.entries[await receiptLookupKey(sample.receipt)]?.status).toBe(sample.status);
    }
  });

  it('is optional', () => {
    const result = readContentSet(sources(undefined));
    expect(result.ok && result.content.receipts).toEqual([]);
  });

  it('a hazard number must exist in the ledger — the message names file, entry and field in Chinese', () => {
    const result = readContentSet(sources(entry('    status: 已列入隐患清单\n    hazard: NZ-2023-9999\n')));
    expect(result.ok).toBe(false);
    const issue = !result.ok ? result.issues.find((i) => i.file === 'content/receipts.yaml') : undefined;
    expect(issue).toMatchObject({ field: '隐患编号', severity: 'error' });
    expect(issue!.message).toContain('NZ-2023-9999');
    expect(readContentSet(sources(entry('    status: 已列入隐患清单\n    hazard: NZ-2023-0023\n'))).ok).toBe(true);
  });

  it('checks status, hazard and dates', () => {
    const messages = (yaml: string) => {
      const result = readContentSet(sources(yaml));
      return result.ok ? [] : errorsOf(result.issues).map((i) => `${i.field}: ${i.message}`);
    };
    expect(messages(entry('    status: 已列入隐患清单\n'))).toEqual([expect.stringContaining('必须填写隐患编号')]);
    expect(messages(entry('    status: 核查中\n    hazard: NZ-2023-0023\n'))).toEqual([
      expect.stringContaining('只有“已列入隐患清单”'),
    ]);
    expect(messages(entry('    status: 处理完了\n'))[0]).toContain('状态');
    expect(messages(entry('    status: 核查中\n').replace('updated: 2023-08-10', 'updated: 2023-08-01'))[0]).toContain(
      '更新日期',
    );
    const twice = entry('    status: 已收到\n') + entry('    status: 已收到\n').replace('receipts:\n', '');
    expect(messages(twice)[0]).toContain('两次');
    expect(messages(entry('    status: 已收到\n').replace(KEY, 'XYZ'))[0]).toContain('查询码');
  });

  it('may carry the office’s revisions, which are checked but never published', () => {
    const revisions = (fields: string) => `${entry('    status: 核查中\n')}revisions:\n  - date: 2023-08-10\n${fields}`;
    const result = readContentSet(sources(revisions(`    reason: 更正误记的状态。\n    receipts: [${KEY}]\n`)));
    expect(result.ok && result.content.receipts.map((r) => Object.keys(r))).toEqual([
      ['key', 'status', 'received', 'updated'],
    ]);
    const broken = readContentSet(sources(revisions('    receipts: []\n')));
    expect(broken.ok ? [] : errorsOf(broken.issues).map((i) => `${i.ref} · ${i.field}: ${i.message}`)).toEqual([
      '修订记录第1项 · 修订原因: 必须填写',
      '修订记录第1项 · 举报回执: 请列出更正的查询码',
    ]);
  });

  it('the public lookup file carries status, dates, note and a hazard link — nothing else', () => {
    const file = receiptLookupFile([
      { key: KEY, status: '已列入隐患清单', received: '2023-08-06', updated: '2023-08-10', hazard: 'NZ-2023-0023' },
    ]);
    expect(file).toEqual({
      version: 1,
      entries: {
        [KEY]: {
          status: '已列入隐患清单',
          received: '2023-08-06',
          updated: '2023-08-10',
          hazard: { id: 'NZ-2023-0023', url: '/hazards/NZ-2023-0023/' },
        },
      },
    });
  });
});
