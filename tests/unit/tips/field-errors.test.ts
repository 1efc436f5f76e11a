import { describe, expect, it } from 'vitest';
import { FollowUp, tipForVillages } from '../../../src/schemas/tip';
import { fieldErrors } from '../../../src/islands/tip-form/issues';

const issue = (path: PropertyKey[], message: string) => ({ path, message });

describe('fieldErrors: schema issues → one message per form field', () => {
  it('keeps the first issue of each field', () => {
    expect(
      fieldErrors([issue(['what'], 'a'), issue(['what'], 'b'), issue(['village'], 'c')], ['what', 'village'], 'what'),
    ).toEqual({ what: 'a', village: 'c' });
  });

  it("shows an issue about a value without a field, or about the whole, at the form's fallback field", () => {
    expect(fieldErrors([issue([], 'whole'), issue(['kind'], 'kind')], ['text', 'photos'], 'text')).toEqual({
      text: 'whole',
    });
    expect(fieldErrors([issue(['photos', 0, 'data'], 'photo')], ['text', 'photos'], 'text')).toEqual({
      photos: 'photo',
    });
  });

  it('maps the real schemas’ issues: an empty tip and an empty follow-up', () => {
    const tip = tipForVillages(['东堡村']).safeParse({ version: 1, receipt: 'x', what: '', village: '', photos: [] });
    expect(tip.success).toBe(false);
    const tipErrors = fieldErrors(tip.error!.issues, ['what', 'village', 'photos'], 'what');
    expect(Object.keys(tipErrors)).toEqual(expect.arrayContaining(['what', 'village']));
    expect(Object.keys(tipErrors).every((k) => ['what', 'village', 'photos'].includes(k))).toBe(true);

    const followUp = FollowUp.omit({ replyTo: true }).safeParse({
      version: 2,
      kind: 'follow-up',
      receipt: 'x',
      text: '',
      photos: [],
    });
    expect(followUp.success).toBe(false);
    const followUpErrors = fieldErrors(followUp.error!.issues, ['text', 'photos'], 'text');
    expect(Object.keys(followUpErrors)).toEqual(['text']);
  });
});
