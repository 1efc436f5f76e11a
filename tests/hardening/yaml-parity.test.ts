/**
 * Content files are read by js-yaml when it can (fast) and by `yaml` otherwise (exact messages),
 * see src/lib/content/parse.ts. Whenever the fast path accepts a text, the slow path must read it
 * to the very same value: over the sample, every fuzzed variant of it, and YAML's odd corners.
 */
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../scripts/bench/synthetic/content-files';
import { Random } from '../../scripts/bench/synthetic/random';
import { syntheticLedger } from '../../scripts/bench/synthetic/synthetic-ledger';
import { fastLoad, parseYamlDocument } from '../../src/lib/content/parse';
import { fuzzCases } from './support/mutations';
import { sampleSources } from './support/sample';

const CORNERS = [
  'a: 1_000',
  'a: 0b101',
  'a: [0b11, 2]',
  'tipKey: 0b0187d469a81f9d03ef14eb044a9',
  'a: 0o17',
  'a: 017',
  'a: 0x1F',
  'a: +12',
  'a: -0',
  'a: .5',
  'a: 1.',
  'a: 1e3',
  'a: 6.8523015e+5',
  'a: .inf',
  'a: -.Inf',
  'a: .NaN',
  'a: ~',
  'a: Null',
  'a: NULL',
  'a:',
  'a: yes',
  'a: No',
  'a: on',
  'a: True',
  'a: TRUE',
  'a: 2023-06-25',
  'a: 2023-06-25T10:00:00Z',
  'a: 12:30:00',
  'a: 1:20',
  'a: "\\x41\\u00e9\\t\\N\\_"',
  "a: 'it''s'",
  'a: plain\n  continued\n  lines',
  'a: >\n  folded\n  text\n\n  para\n',
  'a: |+\n  keep\n\n',
  'a: |2\n    indented\n',
  'a: >-\n  strip\n',
  '? complex\n: value',
  'a: {b: 1, c: [x, y]}',
  'a: [1, 2, ]',
  '__proto__: {polluted: 1}',
  'a: {__proto__: 1}',
  '\ufeffa: bom',
  'a: 1\r\nb: 2\r\n',
  'a: "tab\there"',
  'a: b # comment',
  'a: b#not comment',
  '---\na: 1\n...\n',
  '%YAML 1.1\n---\na: yes',
  '%YAML 1.2\n---\na: yes',
  '%TAG !e! tag:example.com,2000:\n---\na: 1',
  'a: &x 1\nb: *x',
  'a: !!str 123',
  'a: !!int "12"',
  'a: !!float 1',
  'a: !!binary aGVsbG8=',
  'a: !!set {x, y}',
  'a: !!omap [x: 1]',
  'a: !!timestamp 2023-06-25',
  'a: !custom x',
  'a: 注意 !重要',
  '- ![图](x.png)',
  '1: one\n2.5: two\ntrue: three\nnull: four',
  '~: x\n"": y',
  '- ~: x',
  '"a b": 1',
  'a: - not a list',
  '- a\n- b',
  'just a string',
  '',
  '# only a comment',
  'a: "unterminated',
  'a:\n  - 1\n - 2',
  'a: 1\na: 2',
  'a: @reserved',
  'a: `reserved',
  'a: b: c',
  'a: "multi\n  line quoted"',
  "a: 'multi\n\n  line single'",
  'a: |\n  text\n b: wrong indent',
  'a: 𝟘𝟙 emoji 😀',
  'a: "\\ud83d\\ude00"',
];

function expectParity(text: string, label: string): void {
  const fast = fastLoad(text);
  if (!fast) return;
  const slow = parseYamlDocument('f.yaml', text);
  expect(slow.ok, `${label}: js-yaml read it, yaml refuses it`).toBe(true);
  // Compared as the JSON-like data content is (so -0 and 0 are the same count).
  if (slow.ok) expect(JSON.parse(JSON.stringify(fast.value)), label).toEqual(JSON.parse(JSON.stringify(slow.value)));
}

describe('the fast YAML path reads exactly what the exact one does', () => {
  it.each(CORNERS.map((text) => [JSON.stringify(text), text]))('%s', (label, text) => expectParity(text, label));

  it('over the sample and every fuzzed variant of it', () => {
    const sources = sampleSources();
    const texts = [sources.site, ...sources.hazardLists, ...sources.progressTables].map((f) => f.text);
    for (const fuzz of fuzzCases(new Random(20231225), sources, 120)) {
      texts.push(
        ...[fuzz.sources.site, ...fuzz.sources.hazardLists, ...fuzz.sources.progressTables].map((f) => f.text),
      );
    }
    for (const text of new Set(texts)) expectParity(text, text.slice(0, 80));
  });

  it('takes the fast path for ordinary content files, including synthetic county-scale ones', () => {
    const sources = sampleSources();
    const synthetic = contentFiles(syntheticLedger({ hazards: 600, months: 6, villages: 10, seed: 3 }));
    for (const file of [sources.site, ...sources.hazardLists, ...sources.progressTables, ...synthetic]) {
      expect(fastLoad(file.text), file.path).toBeDefined();
    }
    // A tip lookup key is hex and may well start with 0b: it is not a binary number.
    expect(fastLoad('tipKey: 0b0187d469a81f9d03ef14eb044a9')).toBeDefined();
  });
});
