import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { formatIssues } from '../../lib/content/issues';
import { loadContent } from '../../lib/content-set/load';
import {
  pdfHeaderCss,
  printHeader,
  reportColumns,
  reportPrint,
  reportSheet,
  reportTitle,
} from '../../lib/village-tables/county-report';
import { writeSheet } from '../../lib/village-tables/sheet-xlsx';
import { compareWithLedger } from '../../lib/statistics/progress-table';
import { reportVillages, townshipTable } from '../../lib/statistics/township-table';
import { chromiumPath } from '../../lib/chromium-path';
import { normalizeBase, sitePath } from '../../lib/site-path';
import { createProductionServer } from '../../server/production';
import { OfficeError, dayArg, monthArg, parse, required } from './args';
import { writeBytes } from './files';
import { contentDirOf, pathArg, printer, shown, today, type OfficeIo } from './io';

function reportDate(io: OfficeIo, value: string | undefined): string {
  return value === undefined ? today(io) : dayArg(value, '填报日期应写成 YYYY-MM-DD（例如 --date 2023-12-26）');
}

/** Prints the built month page to an A4 PDF in the system Chromium, served by the production server. */
async function printMonth(
  io: OfficeIo,
  { dist, base, month, header, out }: { dist: string; base: string; month: string; header: string; out: string },
): Promise<void> {
  const page = join(dist, 'disclosures', month, 'index.html');
  if (!existsSync(page)) {
    throw new OfficeError(
      `找不到已构建的 ${month} 月公开页面（${shown(io, page)}）。请先运行 npm run build，再生成报告。`,
    );
  }
  const executablePath = chromiumPath(io.env);
  if (!executablePath)
    throw new OfficeError('找不到 Chromium：请安装（sudo apt-get install chromium）或设置 CHROMIUM_PATH。');
  const { chromium } = await import('playwright-core');
  const server = createProductionServer({ dist, base, routes: [] });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // The page's CSP allows only its own styles: the running header is added by the printer, not the site.
    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    const { port } = server.address() as AddressInfo;
    await tab.goto(`http://127.0.0.1:${port}${sitePath(`/disclosures/${month}/`, base)}`, { waitUntil: 'load' });
    await tab.emulateMedia({ media: 'print' });
    await tab.addStyleTag({ content: pdfHeaderCss(header) });
    writeBytes(out, await tab.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

/**
 * `report YYYY-MM --out DIR [--date YYYY-MM-DD] [--dist DIR]`: what the township sends to the county —
 * the township 调度表 (.xlsx) and the month's disclosure printed to A4 (.pdf).
 */
export async function report(args: string[], io: OfficeIo): Promise<number> {
  const { log } = printer(io);
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    date: { type: 'string' },
    dist: { type: 'string' },
  });
  const month = monthArg(required(positionals[0], '月份', '2023-12'));
  const dir = pathArg(io, required(values.out, '--out', '~/报县'));
  const date = reportDate(io, values.date);
  const loaded = loadContent(contentDirOf(io));
  if (!loaded.ok) throw new OfficeError(`内容文件有错误，请先修正：\n${formatIssues(loaded.issues)}`);
  const { site, ledger, tables } = loaded.content;
  const table = tables.find((t) => t.table.month === month)?.table;
  if (!table) throw new OfficeError(`没有 ${month} 的调度表（content/progress-tables/${month}.yaml）`);
  if (!ledger.months.includes(month))
    throw new OfficeError(`没有 ${month} 的隐患清单（content/hazard-lists/${month}.yaml）`);

  const township = townshipTable(table, reportVillages(site.villages, table));
  const rows = reportSheet(township, {
    title: reportTitle(site),
    unit: `${site.township}人民政府`,
    date,
    discrepancies: compareWithLedger(ledger, table),
  });
  const xlsx = join(dir, `${site.township}调度表-${month}.xlsx`);
  writeBytes(xlsx, await writeSheet(rows, { sheet: '调度表', columns: reportColumns(township), print: reportPrint }));
  log(`✓ 调度表：${shown(io, xlsx)}（${township.villages.length} 个村及全镇合计）`);

  const pdf = join(dir, `${site.township}隐患公开-${month}.pdf`);
  const dist = pathArg(io, values.dist ?? io.env.DIST_DIR ?? 'dist');
  const header = printHeader(site, ledger.list(month));
  await printMonth(io, { dist, base: normalizeBase(io.env.SITE_BASE), month, header, out: pdf });
  log(`✓ 公开页面（A4）：${shown(io, pdf)}`);
  return 0;
}
