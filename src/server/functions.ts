/**
 * Every module of netlify/functions/, imported by name rather than found on disk at start-up, so
 * that `npm run build:server` (scripts/build-server.ts) can bundle the production server into one
 * file that runs without the sources or node_modules. tests/deploy/kit.test.ts keeps this list equal
 * to the folder: a function added there and not here fails it.
 */
import * as challenge from '../../netlify/functions/challenge.mts';
import * as sweepChallenges from '../../netlify/functions/sweep-challenges.mts';
import * as tipDigest from '../../netlify/functions/tip-digest.mts';
import * as tipsLimited from '../../netlify/functions/tips-limited.mts';
import * as tips from '../../netlify/functions/tips.mts';
import type { FunctionModule } from './production';

/** File name (as in the folder) → module, in the folder's sorted order. */
export const FUNCTION_MODULES: Record<string, FunctionModule> = {
  'challenge.mts': challenge,
  'sweep-challenges.mts': sweepChallenges,
  'tip-digest.mts': tipDigest,
  'tips-limited.mts': tipsLimited,
  'tips.mts': tips,
};
