/**
 * The CSP (src/server/headers.ts, written into netlify.toml and deploy/nginx.conf by `npm run deploy:kit`)
 * lists inline scripts and styles by hash. Astro's island runtime is inline; when an upgrade changes it,
 * this names the hashes to add there.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

function cspDirective(name: string): string[] {
  const toml = readFileSync('netlify.toml', 'utf8');
  const csp = /Content-Security-Policy = "([^"]+)"/.exec(toml)?.[1] ?? '';
  const directive = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return directive?.slice(1) ?? [];
}

test('every inline script and style of the build is allowed by hash, and nothing by unsafe-inline or eval', () => {
  const scripts = cspDirective('script-src');
  const styles = cspDirective('style-src');
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(styles).not.toContain("'unsafe-inline'");
  expect(cspDirective('frame-ancestors')).toEqual(["'none'"]);

  const missing = new Set<string>();
  let inline = 0;
  for (const file of htmlFiles('dist')) {
    const html = readFileSync(file, 'utf8');
    for (const [, tag, attrs, body] of html.matchAll(/<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1>/g)) {
      if (/\ssrc=/.test(attrs ?? '') || /type="application\/(ld\+)?json"/.test(attrs ?? '')) continue;
      inline++;
      const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
      if (!(tag === 'script' ? scripts : styles).includes(hash)) missing.add(`${tag}-src ${hash} (${file})`);
    }
  }
  expect(inline, 'the tip form and receipt pages have inline island scripts').toBeGreaterThan(0);
  expect([...missing], 'add these hashes to the CSP in src/server/headers.ts, then run npm run deploy:kit').toEqual([]);
});
