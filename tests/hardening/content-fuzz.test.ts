/**
 * Content fuzzing: seeded random mutations of the sample content must each end in either
 * valid content or Chinese messages naming file, hazard number (or position) and field —
 * never an exception, never a silently wrong result. Seed and count can be raised locally:
 *   FUZZ_SEED=7 FUZZ_CASES=2000 npx vitest run tests/hardening/content-fuzz.test.ts
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/bench/synthetic/random';
import { readContentSet, type ContentResult } from '../../src/lib/content-set/content-set';
import { formatIssues } from '../../src/lib/content/issues';
import { expectIssue, expectWellFormed } from './support/issue-shape';
import { fuzzCases } from './support/mutations';
import { sampleSources } from './support/sample';

const SEED = Number(process.env.FUZZ_SEED ?? 20231225);
const COUNT = Number(process.env.FUZZ_CASES ?? 120);

const sources = sampleSources();
const files = [sources.site, ...sources.hazardLists, ...sources.progressTables].map((f) => f.path);

describe('content fuzzing', () => {
  it('starts from valid sample content', () => {
    const result = readContentSet(sources);
    if (!result.ok) throw new Error(formatIssues(result.issues));
  });

  const cases = fuzzCases(new Random(SEED), sources, COUNT);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, fuzz) => {
    let result: ContentResult;
    try {
      result = readContentSet(fuzz.sources);
    } catch (error) {
      throw new Error(`readContentSet threw instead of reporting: ${String(error)}`, { cause: error });
    }
    const issues = result.ok ? result.content.warnings : result.issues;
    for (const issue of issues) expectWellFormed(issue, files);
    if (fuzz.expect) {
      if (fuzz.expect.severity !== 'warning') expect(result.ok, formatIssues(issues)).toBe(false);
      expectIssue(issues, fuzz.expect, fuzz.name);
    }
    fuzz.check?.(result);
  });
});
