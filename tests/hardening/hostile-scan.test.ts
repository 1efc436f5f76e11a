import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from '../../src/lib/markdown';
import { MARKDOWN_PAYLOADS, findInjections } from './support/hostile';

describe('findInjections', () => {
  it('finds payloads that reach a page as markup', () => {
    const raw = [
      `<script>alert('XSS1')</script>`,
      `<img src=x onerror="alert('XSS2')">`,
      `<a href="javascript:alert('XSS3')">x</a>`,
      `<a href="java&#09;script:alert(1)">x</a>`,
      `<a href="&#106;avascript:alert(1)">x</a>`,
      `<iframe src="https://evil.example/"></iframe>`,
      `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
      `<img src="https://evil.example/t.png" alt="">`,
      `<base href="https://evil.example/">`,
      `<style>/*XSS13*/</style>`,
      `<script src="https://evil.example/x.js"></script>`,
    ];
    for (const html of raw) expect(findInjections(html), html).not.toEqual([]);
  });

  it('leaves escaped payloads, the build’s own bundles and ordinary links alone', () => {
    const safe = [
      ...MARKDOWN_PAYLOADS.map(escapeHtml),
      `<script type="module" src="/_astro/client.js"></script>`,
      `<a href="https://example.org/">外链</a>`,
      `<a href="/hazards/XS-2023-0001/">隐患</a>`,
      `<img src="/logo.svg" alt="">`,
    ];
    for (const html of safe) expect(findInjections(html), html).toEqual([]);
  });

  it('finds nothing in what the site’s markdown module makes of every payload', () => {
    for (const payload of MARKDOWN_PAYLOADS) expect(findInjections(renderMarkdown(payload)), payload).toEqual([]);
  });
});
