/**
 * The built site as files: every page is valid HTML (html-validate, recommended rules), and
 * every internal link, form action, image, script, stylesheet and CSS url() in dist/ resolves —
 * with resources never from another origin. Runs after `npm run build` (see scripts/test.mjs);
 * it reads dist/ and needs no browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { checkLinks } from '../hardening/support/links';

const DIST = join(import.meta.dirname, '../../dist');

const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // The wide progress table scrolls inside <div role="region" aria-label tabindex="0">, the
    // established pattern for keyboard-scrollable tables; a <section> would be equivalent.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // Phone numbers are kept as typed (U+2011 in their place breaks copying into a dialler);
    // CSS keeps them on one line.
    'tel-non-breaking': 'off',
  },
};

const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();

test('the build holds every page type', () => {
  for (const page of [
    'index.html',
    '404.html',
    'disclosures/index.html',
    'about/index.html',
    'data/index.html',
    'search/index.html',
    'report/index.html',
    'receipt/index.html',
  ]) {
    expect(pages, page).toContain(page);
  }
  for (const prefix of ['disclosures/20', 'hazards/', 'villages/', 'sectors/']) {
    expect(
      pages.some((p) => p.startsWith(prefix)),
      prefix,
    ).toBe(true);
  }
});

test('the validator, so configured, rejects broken markup (it can fail)', async () => {
  const report = await new HtmlValidate(CONFIG).validateString(
    '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><p><div>x</p><img src="a.png"></body></html>',
  );
  expect(report.valid).toBe(false);
});

test('every built page is valid HTML', async () => {
  const validator = new HtmlValidate(CONFIG);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(readFileSync(join(DIST, page), 'utf8'), page);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems.slice(0, 50), `${problems.length} problems in ${pages.length} pages`).toEqual([]);
});

test('every internal link and asset in dist/ resolves, and no resource comes from another origin', () => {
  // /api/* is answered by the Netlify functions, not by files.
  const problems = checkLinks(DIST, { dynamic: ['/api/'] }).map((p) => `${p.file}: ${p.url} → ${p.problem}`);
  expect(problems.slice(0, 50), `${problems.length} broken references`).toEqual([]);
});
