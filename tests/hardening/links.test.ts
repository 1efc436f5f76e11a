import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, fileFor, htmlReferences } from './support/links';

const site = mkdtempSync(join(tmpdir(), 'nz-links-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

write('index.html', page('<a href="/a/">a</a><a href="a/#part">part</a><link rel="stylesheet" href="/_astro/s.css">'));
write(
  'a/index.html',
  page('<h2 id="part">p</h2><a href="../">home</a><img src="pic.png" alt=""><a href="https://example.org/">外链</a>'),
);
write('a/pic.png', 'png');
write('_astro/s.css', 'body{background:url(/bg.svg)}');
write('bg.svg', '<svg/>');
write('data.json', '{}');
write('404.html', page('<a href="data.json">相对链接</a>'));
write(
  'b/index.html',
  page(
    '<a href="/search/?q=燃气">搜</a><a href="/missing/">x</a><a href="/a/#nope">y</a><form action="/api/tips"></form>',
  ),
);
write('search/index.html', page(''));
write(
  'c/index.html',
  page(
    '<img src="https://cdn.example.com/x.png" alt=""><script src="//evil.example/x.js"></script>' +
      '<link rel="icon" href="http://example.org/i.ico"><a href="javascript:alert(1)">j</a><div style="background:url(&quot;/gone.png&quot;)"></div>',
  ),
);

describe('checkLinks', () => {
  const problems = checkLinks(site, { dynamic: ['/api/'] });
  const on = (file: string) => problems.filter((p) => p.file === file).map((p) => `${p.url} → ${p.problem}`);

  it('accepts links, fragments, relative paths, images, stylesheets and CSS url() that resolve', () => {
    expect(on('index.html')).toEqual([]);
    expect(on('a/index.html')).toEqual([]);
    expect(on('_astro/s.css')).toEqual([]);
    expect(on('404.html')).toEqual([]);
  });

  it('reports missing pages and fragments, and leaves function routes alone', () => {
    expect(on('b/index.html')).toEqual([
      '/missing/ → no such file in the build',
      '/a/#nope → no element with id "nope" on a/index.html',
    ]);
  });

  it('reports resources from other origins, javascript: links and missing CSS images', () => {
    expect(on('c/index.html')).toEqual([
      'https://cdn.example.com/x.png → resource from another origin',
      '//evil.example/x.js → resource from another origin',
      'http://example.org/i.ico → resource from another origin',
      'javascript:alert(1) → forbidden scheme in link',
      '/gone.png → no such file in the build',
    ]);
  });

  it('serves paths the way the host does', () => {
    expect(fileFor(site, '/a/')).toBe('a/index.html');
    expect(fileFor(site, '/a')).toBe('a/index.html');
    expect(fileFor(site, '/data.json')).toBe('data.json');
    expect(fileFor(site, '/nothing')).toBeUndefined();
  });

  it('reads srcset and entity-encoded attributes', () => {
    const refs = htmlReferences('<img srcset="/a.png 1x, /b.png 2x" src="/c.png?x=1&amp;y=2" alt="">');
    expect(refs.map((r) => r.url)).toEqual(['/c.png?x=1&y=2', '/a.png', '/b.png']);
  });
});
