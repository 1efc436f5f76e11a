import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown, safeHref } from '../../../src/lib/markdown';

/** Whatever the input, the output must not contain a live tag or attribute that runs script. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/href\s*=\s*"\s*(javascript|data|vbscript):/i);
}

describe('renderMarkdown', () => {
  it('renders ordinary markdown with line breaks kept', () => {
    expect(renderMarkdown('**已完成**整改\n第二行')).toBe('<p><strong>已完成</strong>整改<br>第二行</p>\n');
    expect(renderMarkdown('- 一\n- 二')).toBe('<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n');
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script>');
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectInert(renderMarkdown('见 <img src=x onerror="alert(1)"> 图'));
    expect(renderMarkdown('见 <img src=x onerror="alert(1)"> 图')).toContain(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
    expectInert(renderMarkdown('<div onclick="x">点</div>\n\n<iframe src="https://evil.example"></iframe>'));
    expectInert(renderMarkdown('<a href="javascript:alert(1)">x</a>'));
    expectInert(renderMarkdown('<svg><script>alert(1)</script></svg>'));
  });

  it('drops dangerous link targets but keeps the link text', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x61;script:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/',
    ]) {
      const html = renderMarkdown(`[点击](${target})`);
      expectInert(html);
      expect(html).toBe('<p>点击</p>\n');
    }
    expectInert(renderMarkdown('[x][1]\n\n[1]: javascript:alert(1)'));
    expectInert(renderMarkdown('<javascript:alert(1)>'));
  });

  it('keeps http(s), mailto and relative links, with escaped titles', () => {
    expect(renderMarkdown('[县局](https://example.org/a?b=1&c=2 "说\\"明")')).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2" title="说&quot;明">县局</a></p>\n',
    );
    expect(renderMarkdown('[邮箱](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
    expect(renderMarkdown('[隐患](/hazards/NZ-2023-0001/)')).toContain('href="/hazards/NZ-2023-0001/"');
  });

  it('never loads images: their alt text stands in', () => {
    const html = renderMarkdown('![现场照片 "1"](https://evil.example/p.png)');
    expect(html).toBe('<p>现场照片 &quot;1&quot;</p>\n');
  });

  it('moves headings below the page’s own', () => {
    expect(renderMarkdown('# 一\n## 二')).toBe('<h3>一</h3>\n<h4>二</h4>\n');
    expect(renderMarkdown('# 一', { headingLevel: 2 })).toBe('<h2>一</h2>\n');
    expect(renderMarkdown('###### 六')).toBe('<h6>六</h6>\n');
  });
});

describe('safeHref', () => {
  it('ignores whitespace and control characters a browser would ignore', () => {
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref(' \u0000javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref('#part')).toBe('#part');
    expect(safeHref('')).toBeUndefined();
  });
});

describe('markdownToText', () => {
  it('flattens to plain text with entities decoded', () => {
    expect(markdownToText('**一** & <b>二</b>\n\n- 三')).toBe('一 & <b>二</b> 三');
  });
});
