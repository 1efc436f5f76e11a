import { TipEnvelope } from '../../schemas/tip';
import { decodeAgeFile } from './age-format';
import { sha256Hex } from '../bytes';
import { tipError, type TipAccepted, type TipErrorBody } from './errors';
import { checkSolution } from './pow';
import { parseTipMetadata, tipKey, tipMetadata, type QueueStore } from './queue';
import { challengeKey, spentChallenge } from './spent-challenges';

/**
 * Accepting one envelope into the queue, independent of HTTP: the function only reads
 * the body and passes the parsed JSON here. Order matters:
 *   1. shape (envelope, age header) — bad input never reaches the store;
 *   2. an existing tip under this submission id: identical bytes → the same success
 *      (a retry is not a replay), different bytes → 409;
 *   3. the proof of work: signature, expiry (and a lifetime no longer than this site issues), solution;
 *   4. spend the challenge (onlyIfNew, recording the day only) — unless this very submission
 *      already spent it;
 *   5. queue the tip (onlyIfNew); success only once that write has happened.
 */
export interface IntakeDeps {
  tips: QueueStore;
  challenges: QueueStore;
  hmacKey: string;
  now?: () => Date;
}

export type IntakeResult = { status: 201; body: TipAccepted } | { status: number; body: TipErrorBody };

const STRONG = { type: 'arrayBuffer', consistency: 'strong' } as const;

async function existingTip(store: QueueStore, key: string) {
  const entry = await store.getWithMetadata(key, STRONG);
  if (!entry) return undefined;
  const bytes = new Uint8Array(entry.data);
  const metadata = parseTipMetadata(entry.metadata);
  return { sha256: metadata?.sha256 ?? (await sha256Hex(bytes)), received: metadata?.received };
}

export async function receiveEnvelope(json: unknown, deps: IntakeDeps): Promise<IntakeResult> {
  const now = deps.now?.() ?? new Date();
  const parsed = TipEnvelope.safeParse(json);
  if (!parsed.success) return tipError('invalid_envelope');
  const envelope = parsed.data;

  const file = decodeAgeFile(envelope.ciphertext);
  if (!file.ok) return tipError('invalid_ciphertext');

  const key = tipKey(envelope.submissionId);
  const metadata = await tipMetadata(file.bytes, now);
  const accepted = (received: string | undefined): IntakeResult => ({
    status: 201,
    body: { ok: true, submissionId: key, received: received ?? metadata.received },
  });

  const before = await existingTip(deps.tips, key);
  if (before) return before.sha256 === metadata.sha256 ? accepted(before.received) : tipError('submission_conflict');

  const pow = await checkSolution(deps.hmacKey, envelope.pow, now);
  if (pow === 'expired') return tipError('challenge_expired');
  if (pow !== 'ok') return tipError('challenge_invalid');

  const spentKey = challengeKey(envelope.pow.challenge.signature);
  const spend = await deps.challenges.set(spentKey, key, { onlyIfNew: true, metadata: { ...spentChallenge(now) } });
  if (!spend.modified) {
    // Spent before: fine only if by this same submission (its earlier attempt failed before queueing).
    const spender = await deps.challenges.get(spentKey, { type: 'text', consistency: 'strong' });
    if (spender !== key) return tipError('challenge_used');
  }

  const write = await deps.tips.set(key, new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
    onlyIfNew: true,
    metadata: { ...metadata },
  });
  if (!write.modified) {
    // A concurrent attempt of the same submission won the race: same rule as step 2.
    const winner = await existingTip(deps.tips, key);
    if (winner?.sha256 !== metadata.sha256) return tipError('submission_conflict');
    return accepted(winner.received);
  }
  return accepted(metadata.received);
}
