/**
 * `npm run office -- report 2023-12 --out DIR` on the real build: the township 调度表 read back with
 * exceljs, and the month's disclosure printed by Debian's Chromium to A4, read back with
 * poppler's pdfinfo and pdftotext: A4 pages, the notice number heading every page, page numbers, and
 * the month page's own text (its hazards, its metadata block).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readFirstSheet } from '../../src/lib/village-tables/sheet-xlsx';
import { loadContent } from '../../src/lib/content-set/load';

const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger } = loaded.content;
const MONTH = '2023-12';

test('the county report: the 调度表 workbook and the month printed to A4 with the notice number', async () => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'county-report-'));
  try {
    const run = spawnSync(
      'node_modules/.bin/tsx',
      ['src/cli/office.ts', 'report', MONTH, '--out', out, '--date', '2023-12-26'],
      { encoding: 'utf8', timeout: 150_000, env: { ...process.env, DIST_DIR: 'dist' } },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const rows = await readFirstSheet(readFileSync(join(out, `${site.township}调度表-${MONTH}.xlsx`)));
    expect(rows[3]).toEqual(['类别', '序号', '项目', ...site.villages.map((v) => v.name), '全镇合计']);
    expect(rows.slice(4, 35).every((r) => typeof r.at(-1) === 'number')).toBe(true);

    const pdf = join(out, `${site.township}隐患公开-${MONTH}.pdf`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]);
    expect(pages).toBeGreaterThan(1);
    // A4 is 595 × 842 points; every page, not only the first.
    const sizes = spawnSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' }).stdout;
    const each = [...sizes.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    expect(each).toHaveLength(pages);
    for (const [, w, h] of each) {
      expect(Math.round(Number(w))).toBe(595);
      expect(Math.round(Number(h))).toBe(842);
    }

    for (let page = 1; page <= pages; page++) {
      const text = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
        encoding: 'utf8',
      }).stdout;
      expect(text, `page ${page}`).toContain(site.notice.number);
      expect(text.replace(/\s+/g, ' '), `page ${page}`).toContain(`第 ${page} 页，共 ${pages} 页`);
    }
    const all = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    const list = ledger.list(MONTH);
    expect(all).toContain('索引号');
    for (const hazard of list.hazards.slice(0, 5)) expect(all).toContain(hazard.id);
    // Nothing of the screen-only parts: the site's navigation and footer are not printed.
    expect(all).not.toContain('跳到正文');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
