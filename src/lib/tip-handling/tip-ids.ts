/** How a clerk names a queued tip: its full id, or a unique beginning of it (6 characters or more). */
const MIN_ID_PREFIX = 6;

type FoundTip = { found: true; id: string } | { found: false; reason: 'ambiguous' | 'unknown' };

/** The queued tip `typed` names, among `ids` (the queue's keys). Case does not matter. */
export function findTipId(ids: readonly string[], typed: string): FoundTip {
  const id = typed.toLowerCase();
  if (ids.includes(id)) return { found: true, id };
  const matches = id.length >= MIN_ID_PREFIX ? ids.filter((k) => k.startsWith(id)) : [];
  if (matches.length === 1) return { found: true, id: matches[0]! };
  return { found: false, reason: matches.length > 1 ? 'ambiguous' : 'unknown' };
}
