import type { FieldErrors } from './Field';

/** What a zod issue needs here: the path of the value it is about, and what to say. */
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Schema issues → one message per form field, the first issue of each field winning. An issue about
 * a value the form has no field for (or about the whole submission) is shown at the form's `fallback`
 * field: the tip form's description, the follow-up's text.
 */
export function fieldErrors(issues: readonly Issue[], fields: readonly string[], fallback: string): FieldErrors {
  const found: FieldErrors = {};
  for (const issue of issues) {
    const first = issue.path[0];
    const field = typeof first === 'string' && fields.includes(first) ? first : fallback;
    found[field] ??= issue.message;
  }
  return found;
}
