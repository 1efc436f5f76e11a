/**
 * The W3C Nu HTML Checker over every page of the build (html-validate in html.spec.ts checks more
 * of our own rules; this is the validator the W3C publishes). Reads dist/ after `npm run build`;
 * needs Java (scripts/test.mjs makes sure there is one) and no browser.
 */
import { readdirSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkHtml } from '../support/nu-checker';

const DIST = join(import.meta.dirname, '../../dist');
const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(DIST, file));

test('the checker, so run, reports what the W3C validator reports (it can fail)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nu-'));
  try {
    const file = join(dir, 'bad.html');
    // Both problems the checker once found in this site: a <style> after other content in <body>,
    // and a script after </html>.
    writeFileSync(
      file,
      '<!doctype html><html lang="zh-CN"><head><title>t</title></head>' +
        '<body><p>x</p><style>p{color:red}</style></body></html><script src="/a.js"></script>',
    );
    const problems = await checkHtml([file]);
    expect(problems.join('\n')).toContain('must be the first child of its parent');
    expect(problems.join('\n')).toContain('Stray start tag “script”');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every built page passes the W3C Nu HTML Checker without an error', async () => {
  test.setTimeout(180_000);
  expect(pages.length).toBeGreaterThan(20);
  const problems = (await checkHtml(pages)).map((line) => line.replace(`file:${DIST}/`, ''));
  expect(problems.slice(0, 50), `${problems.length} errors in ${pages.length} pages`).toEqual([]);
});
