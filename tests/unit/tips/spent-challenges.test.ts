import { describe, expect, it } from 'vitest';
import { challengeKey, isSweepable, spentChallenge } from '../../../src/lib/tips/spent-challenges';

const at = (iso: string) => new Date(iso);

describe('spent-challenge records', () => {
  it('hold the China day they were spent, nothing finer', () => {
    expect(spentChallenge(at('2026-03-14T15:59:59Z'))).toEqual({ v: 2, day: '2026-03-14' });
    expect(spentChallenge(at('2026-03-14T16:00:00Z'))).toEqual({ v: 2, day: '2026-03-15' });
  });

  it('are keyed by the challenge signature only', () => {
    expect(challengeKey('00ff00ff00ff00ff')).toBe('c-00ff00ff00ff00ff');
    expect(() => challengeKey('not hex')).toThrow('not a challenge signature');
  });
});

describe('isSweepable', () => {
  const day = { v: 2, day: '2026-03-14' };
  it('keeps a record through its day and the longest challenge lifetime after it (16 minutes)', () => {
    expect(isSweepable(day, at('2026-03-14T15:59:59Z'))).toBe(false);
    expect(isSweepable(day, at('2026-03-14T16:15:59Z'))).toBe(false);
    expect(isSweepable(day, at('2026-03-14T16:16:00Z'))).toBe(true);
    expect(isSweepable(day, at('2026-04-01T00:00:00Z'))).toBe(true);
  });

  it('deletes version 1 records once their expiry has passed, and records it cannot read', () => {
    const expires = Date.parse('2026-03-14T06:00:00Z') / 1000;
    expect(isSweepable({ v: 1, expires }, at('2026-03-14T05:59:59Z'))).toBe(false);
    expect(isSweepable({ v: 1, expires }, at('2026-03-14T06:00:01Z'))).toBe(true);
    expect(isSweepable({ v: 2, day: 20260314 }, at('2026-03-14T06:00:00Z'))).toBe(true);
    expect(isSweepable(undefined, at('2026-03-14T06:00:00Z'))).toBe(true);
  });
});
