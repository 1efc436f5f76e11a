/**
 * Extra searches for Chinese words the index holds only inside a longer word.
 *
 * Pagefind finds a query word only where an indexed word starts with it. The index is cut into
 * words by jieba at build time, the query by the browser's ICU; both cut 塔式起重机 as 塔式起重|机,
 * so a resident typing 起重机 would miss the tower crane that page describes. For each Chinese
 * query word of three or more characters, this proposes the same query with that word split in
 * two dictionary parts (起重机 → 起重 机); the page then shows these extra hits after the strict
 * ones. Splits whose parts ICU would cut again (起 重机 → 起 重 机) are skipped: too loose.
 */
const HAN_WORD = /^\p{Script=Han}{3,}$/u;
/** Enough for a sentence-long query without running dozens of searches. */
const MAX_VARIANTS = 6;

function segmenter(): Intl.Segmenter | undefined {
  // Old browsers lack it; Pagefind then does not segment the query either.
  return typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;
}

export function relaxedQueries(query: string): string[] {
  const words = segmenter();
  if (!words || /^\s*".*"\s*$/.test(query)) return [];
  const segments = [...words.segment(query)].map((s) => s.segment);
  const isOneSegment = (text: string) => [...words.segment(text)].length === 1;
  const variants: string[] = [];
  segments.forEach((segment, index) => {
    if (!HAN_WORD.test(segment)) return;
    for (let cut = 1; cut < segment.length; cut++) {
      const head = segment.slice(0, cut);
      const tail = segment.slice(cut);
      if (!isOneSegment(head) || !isOneSegment(tail)) continue;
      const parts = [...segments];
      parts[index] = ` ${head} ${tail} `;
      variants.push(parts.join('').replace(/\s+/g, ' ').trim());
    }
  });
  return [...new Set(variants)].slice(0, MAX_VARIANTS);
}

/** The strict results, then each further list's results not already shown, in order. */
export function mergeResults<T extends { id: string }>(strict: readonly T[], ...more: readonly (readonly T[])[]): T[] {
  const seen = new Set(strict.map((result) => result.id));
  const merged = [...strict];
  for (const list of more) {
    for (const result of list) {
      if (!seen.has(result.id)) {
        seen.add(result.id);
        merged.push(result);
      }
    }
  }
  return merged;
}
