/** One run of excerpt text; `marked` runs are the words that matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt ("…<mark>燃气</mark>管道…") into plain text runs, so the page can
 * build it with text nodes and never parse it as HTML. Pagefind escapes only < and > in
 * excerpts; the only tags it adds are <mark> and </mark>.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') {
      // split/join and [length - 1] rather than replaceAll/at(): older phone browsers lack them.
      const text = piece.split('&lt;').join('<').split('&gt;').join('>');
      const last = parts[parts.length - 1];
      // Pagefind marks adjacent words separately (<mark>特殊</mark><mark>字符</mark>): join them.
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}
