/**
 * Hostile content: markdown and plain-text fields carrying script tags, event handlers,
 * javascript: links, off-origin images, spreadsheet formulas and the like — each tagged XSS<n>
 * so any that survives into a page can be found. The content itself is valid (it must build):
 * a synthetic ledger whose first hazards carry the payloads in every month they are listed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentFiles } from '../../../scripts/bench/synthetic/content-files';
import { syntheticLedger } from '../../../scripts/bench/synthetic/synthetic-ledger';
import type { Hazard } from '../../../src/schemas/hazard';

export const MARKDOWN_PAYLOADS = [
  `<script>alert('XSS1')</script>`,
  `<img src=x onerror="alert('XSS2')">`,
  `[点我](javascript:alert('XSS3'))`,
  `[点我](JaVaScRiPt:alert('XSS4'))`,
  `[点我](java&#09;script:alert('XSS5'))`,
  `[点我](&#106;avascript:alert('XSS6'))`,
  `<javascript:alert('XSS7')>`,
  `[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTOCcpPC9zY3JpcHQ+)`,
  `<a href="javascript:alert('XSS9')">链接</a>`,
  `<iframe src="https://evil.example/XSS10"></iframe>`,
  `<svg onload="alert('XSS11')"></svg>`,
  `![追踪](https://evil.example/XSS12.png)`,
  `<style>body{display:none} /*XSS13*/</style>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/XSS14">`,
  `[点我](vbscript:msgbox('XSS15'))`,
  `[标题](https://example.org "x\\" onmouseover=\\"alert('XSS16')")`,
  `<base href="https://evil.example/XSS17/">`,
  `<details open ontoggle="alert('XSS18')">展开</details>`,
  `[点我](<javascript:alert('XSS19')>)`,
  `[点我](java\tscript:alert('XSS20'))`,
  `<form action="https://evil.example/XSS21"><button>提交</button></form>`,
];

/** Plain-text fields are not markdown, but end up in titles, attributes, feeds and CSV. */
const TEXT_PAYLOADS: Partial<Record<keyof Hazard, string>> = {
  title: `"><script>alert('XSS30')</script>`,
  unit: `=HYPERLINK("https://evil.example/XSS31","点击")`,
};
const MEASURES = `</title><img src=x onerror=alert('XSS32')>`;
const ASSIGNEE = `+cmd|' /C calc'!XSS33`;
const SUMMARY_EXTRA = `@SUM(1+1)*XSS34`;

/** How many hazards carry payloads. */
export const HOSTILE_HAZARDS = 3;

/** Writes the hostile content folder; returns the numbers of the hazards that carry payloads. */
export function writeHostileContent(dir: string): string[] {
  const content = syntheticLedger({ hazards: 12, months: 2, villages: 3, seed: 666 });
  const ids = content.lists[0]!.hazards.slice(0, HOSTILE_HAZARDS).map((h) => h.id);
  const markdown = MARKDOWN_PAYLOADS.join('\n\n');
  for (const list of content.lists) {
    list.summary = `${markdown}\n\n${SUMMARY_EXTRA}`;
    for (const hazard of list.hazards) {
      if (!ids.includes(hazard.id)) continue;
      Object.assign(hazard, TEXT_PAYLOADS);
      hazard.description = markdown;
      hazard.progress = [{ date: list.cutoff, text: markdown }];
      hazard.assignedTo = { ...hazard.assignedTo, name: ASSIGNEE };
      if (hazard.plan.measures) hazard.plan = { ...hazard.plan, measures: MEASURES };
    }
  }
  for (const file of contentFiles(content)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return ids;
}

const TAG = /<([a-z][a-z0-9-]*)\b([^>]*)>([^<]*)/gi;
const ATTR = /([^\s"'>/=]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'srcset',
]);
const FORBIDDEN_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base']);

const decodeEntities = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&amp;/g, '&');

/** What a browser would make of a URL attribute's scheme: entities decoded, controls and spaces dropped. */
const schemeOf = (value: string) =>
  // eslint-disable-next-line no-control-regex
  /^([a-z][a-z0-9+.-]*):/i.exec(decodeEntities(value).replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();

/**
 * Markup in `html` that would run script, load from another origin or redirect: script tags
 * that are not the build's own bundles, event-handler attributes, javascript:/vbscript:/data:
 * URLs, frames, <base>, meta refresh, and any <style> or <form> carrying a payload.
 */
export function findInjections(html: string): string[] {
  const found: string[] = [];
  for (const [whole, rawTag, attrs, following] of html.matchAll(TAG)) {
    const tag = rawTag!.toLowerCase();
    const values = new Map<string, string>();
    for (const [, name, a, b, c] of attrs!.matchAll(ATTR)) values.set(name!.toLowerCase(), a ?? b ?? c ?? '');
    const short = whole.slice(0, 120);
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>: ${short}`);
    if (
      tag === 'script' &&
      (values.has('src') ? !/^\/(_astro|pagefind)\//.test(values.get('src')!) : /XSS/.test(following!))
    ) {
      found.push(`script: ${short}`);
    }
    if ((tag === 'style' || tag === 'form') && /XSS/.test(whole)) found.push(`<${tag}> from content: ${short}`);
    if (tag === 'meta' && /refresh/i.test(values.get('http-equiv') ?? '')) found.push(`meta refresh: ${short}`);
    for (const [name, value] of values) {
      if (name.startsWith('on')) found.push(`event handler ${name}: ${short}`);
      if (name === 'srcdoc') found.push(`srcdoc: ${short}`);
      if (URL_ATTRS.has(name)) {
        const scheme = schemeOf(value);
        if (scheme && !['http', 'https', 'mailto', 'tel'].includes(scheme))
          found.push(`${scheme}: URL in ${name}: ${short}`);
        if (tag !== 'a' && tag !== 'link' && /^(https?:)?\/\//i.test(value)) found.push(`off-origin ${name}: ${short}`);
      }
    }
  }
  return found;
}
