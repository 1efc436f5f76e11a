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

/**
 * A cut-off word at the start of an excerpt: Pagefind starts an excerpt at one of the index's words,
 * and the index cuts a hazard number NZ-2023-0023 into NZ, -2023, -0023, so an excerpt may begin
 * "2023-0023 …", "0002 …" or "-0017 …". Digits, Latin letters and hyphens, starting with a digit or a
 * hyphen, then a space.
 */
const CUT_WORD = /^[-0-9][-0-9A-Za-z]*\s+/;

/**
 * The excerpt as the page shows it: without a cut-off word (a piece of a hazard number) at its start,
 * unless the search matched that very word. Whatever follows is kept as Pagefind gave it.
 */
export function tidyExcerpt(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const [first, ...rest] = parts;
  if (!first || first.marked) return [...parts];
  const text = first.text.replace(CUT_WORD, '');
  if (text === first.text) return [...parts];
  return text === '' ? rest : [{ text, marked: false }, ...rest];
}
