import { describe, expect, it } from 'vitest';
import { findTipId } from '../../../src/lib/tip-handling/tip-ids';

const IDS = ['3f0c2a5e-1111-4111-8111-111111111111', '3f0c2a77-2222-4222-8222-222222222222'];

describe('findTipId', () => {
  it('takes a full id, or a unique beginning of 6 characters or more, in either case', () => {
    expect(findTipId(IDS, IDS[0]!)).toEqual({ found: true, id: IDS[0] });
    expect(findTipId(IDS, '3F0C2A5E')).toEqual({ found: true, id: IDS[0] });
  });

  it('says whether a beginning fits several tips or none', () => {
    expect(findTipId(IDS, '3f0c2a')).toEqual({ found: false, reason: 'ambiguous' });
    expect(findTipId(IDS, '3f0c2')).toEqual({ found: false, reason: 'unknown' });
    expect(findTipId(IDS, 'ffffffff')).toEqual({ found: false, reason: 'unknown' });
  });
});
