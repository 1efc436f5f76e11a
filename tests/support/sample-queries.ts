/**
 * Search queries and their expected hazards, read from the content files at test time (through
 * the project's own loader), so the browser tests follow the sample data instead of a list
 * typed by hand that goes stale.
 */
import { loadContent } from '../../src/lib/content-set/load';
import type { ContentSet } from '../../src/lib/content-set/content-set';
import type { Hazard } from '../../src/schemas/hazard';

export interface SampleHazard {
  hazard: Hazard;
  /** Every month whose list includes it. */
  months: string[];
}

export interface WordQuery {
  /** Where the word stands in its sentence. */
  position: 'start' | 'middle' | 'end';
  word: string;
  sentence: string;
  expected: string;
}

export function loadSample(dir?: string): { content: ContentSet; hazards: SampleHazard[] } {
  const result = loadContent(dir);
  if (!result.ok) throw new Error(`content does not validate: ${JSON.stringify(result.issues)}`);
  const { ledger } = result.content;
  const hazards = ledger.ids().map((id) => {
    const history = ledger.history(id);
    return { hazard: history.at(-1)!.hazard, months: history.map((h) => h.month) };
  });
  return { content: result.content, hazards };
}

/** Everything a hazard page shows of a hazard, for counting how many hazards mention a word. */
function allText(hazard: Hazard): string {
  const progress = hazard.progress.map((entry) => entry.text);
  return [hazard.title, hazard.unit, hazard.village, hazard.description, ...progress, hazard.result ?? ''].join('\n');
}

/** Sentences of a markdown text: split at sentence ends, list bullets and line breaks. */
export function sentences(markdown: string): string[] {
  return markdown
    .split(/[。；！？\n]/)
    .map((s) =>
      s
        .replace(/^\s*[-*]\s*/, '')
        .replace(/[：:，,、\s]+$/, '')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const isChineseWord = (text: string) => /^\p{Script=Han}{2,}$/u.test(text);

/**
 * Two-or-more-character Chinese words at the start, in the middle and at the end of sentences of
 * the hazards' descriptions, `perPosition` of each, from different hazards. Words are cut by ICU
 * (as the browser cuts a query); only words that at most `maxHazards` hazards mention are taken,
 * so a hit means the search found this hazard, not every hazard.
 */
export function sentenceWordQueries(hazards: readonly SampleHazard[], perPosition = 3, maxHazards = 4): WordQuery[] {
  const texts = hazards.map((h) => allText(h.hazard));
  const mentions = (word: string) => texts.filter((text) => text.includes(word)).length;
  const found: WordQuery[] = [];
  const used = new Map<WordQuery['position'], Set<string>>([
    ['start', new Set()],
    ['middle', new Set()],
    ['end', new Set()],
  ]);
  for (const { hazard } of hazards) {
    for (const sentence of sentences(hazard.description)) {
      const segments = [...segmenter.segment(sentence)];
      const words = segments.filter((s) => s.isWordLike).map((s) => s.segment);
      if (words.length < 3) continue;
      const candidates: [WordQuery['position'], string | undefined][] = [
        ['start', sentence.startsWith(words[0]!) ? words[0] : undefined],
        ['middle', words.slice(1, -1).find((w) => isChineseWord(w) && mentions(w) <= maxHazards)],
        ['end', sentence.endsWith(words.at(-1)!) ? words.at(-1) : undefined],
      ];
      for (const [position, word] of candidates) {
        const taken = used.get(position)!;
        if (!word || !isChineseWord(word) || mentions(word) > maxHazards || taken.size >= perPosition) continue;
        if (taken.has(hazard.id) || found.some((q) => q.word === word)) continue;
        taken.add(hazard.id);
        found.push({ position, word, sentence, expected: hazard.id });
      }
    }
  }
  return found;
}

/** A unit (enterprise) named by exactly one hazard: its full name should find that hazard. */
export function uniqueUnit(hazards: readonly SampleHazard[]): { unit: string; expected: string } {
  const counts = new Map<string, number>();
  for (const { hazard } of hazards) counts.set(hazard.unit, (counts.get(hazard.unit) ?? 0) + 1);
  const hazard = hazards.find((h) => counts.get(h.hazard.unit) === 1 && /有限公司/.test(h.hazard.unit));
  if (!hazard) throw new Error('the sample has no enterprise named by a single hazard');
  return { unit: hazard.hazard.unit, expected: hazard.hazard.id };
}

/**
 * Words of three or more characters that stand inside a longer word of a hazard's text, found by
 * cutting the text from each character on (塔式起重机 → 起重机): a resident types 起重机, while
 * both the index and the browser cut 塔式起重|机. Only words the plain cut of the text never yields.
 */
export function innerWordQueries(hazards: readonly SampleHazard[]): { word: string; expected: string }[] {
  const found = new Map<string, { word: string; expected: string }>();
  for (const { hazard } of hazards) {
    const text = [hazard.title, hazard.unit, hazard.description].join('\n');
    const plain = new Set([...segmenter.segment(text)].map((s) => s.segment));
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 1; i < run.length - 2; i++) {
        const word = segmenter.segment(run.slice(i))[Symbol.iterator]().next().value?.segment ?? '';
        if (word.length >= 3 && !plain.has(word)) found.set(`${word} ${hazard.id}`, { word, expected: hazard.id });
      }
    }
  }
  return [...found.values()];
}
