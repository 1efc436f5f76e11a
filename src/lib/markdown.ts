import { Marked, type Tokens } from 'marked';

/**
 * The only way markdown from content files (summary, description, progress) becomes HTML.
 * Safe by construction rather than by sanitising afterwards:
 * - raw HTML in the markdown is shown as text, never passed through;
 * - links keep only http(s), mailto and relative targets; anything else renders as plain text;
 * - images are not loaded (no request to any other origin): their alt text is shown instead;
 * - headings are shifted down so the page keeps its single h1 and its outline.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The link target if it is safe to put in an href, else undefined. */
export function safeHref(href: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): so do we.
  // eslint-disable-next-line no-control-regex
  const normalized = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (normalized === '') return undefined;
  // Protocol-relative URLs point to another origin without saying which scheme.
  if (normalized.startsWith('//') || normalized.startsWith('\\')) return undefined;
  // Entity-encoded characters have no business in a link target written by a clerk.
  if (normalized.includes('&#')) return undefined;
  const scheme = /^([^/?]*?):/.exec(normalized)?.[1];
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme.toLowerCase())) return undefined;
  return href.trim();
}

export interface MarkdownOptions {
  /** The level a `#` heading becomes (default 3: content sits under a page's h2). */
  headingLevel?: number;
}

function createMarked(headingLevel: number): Marked {
  return new Marked({
    gfm: true,
    breaks: true,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(6, depth + headingLevel - 1);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        const target = safeHref(href);
        if (target === undefined) return text;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(target)}"${titleAttr}>${text}</a>`;
      },
      image({ text }: Tokens.Image) {
        return escapeHtml(text);
      },
    },
  });
}

const instances = new Map<number, Marked>();

/** Markdown → HTML that is safe to insert with `set:html`. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const level = options.headingLevel ?? 3;
  let marked = instances.get(level);
  if (!marked) instances.set(level, (marked = createMarked(level)));
  return marked.parse(markdown, { async: false });
}

/** Markdown → plain text (for feeds, CSV and meta descriptions). */
export function markdownToText(markdown: string): string {
  const html = renderMarkdown(markdown);
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
