import { describe, expect, it } from 'vitest';
import { fill } from '../../../src/lib/format/fill';

describe('fill', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{month}共 {n} 项', { month: '2023年6月', n: 3 })).toBe('2023年6月共 3 项');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
