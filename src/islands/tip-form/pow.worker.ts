/// <reference lib="webworker" />
import { solveTipChallenge } from '../../lib/tips/pow';
import type { PowChallenge } from '../../schemas/tip';

/** Solves the proof of work off the main thread, so the page stays responsive on slow phones. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ challenge: PowChallenge }>) => {
  try {
    const solution = await solveTipChallenge(event.data.challenge, {
      onProgress: (tried) => scope.postMessage({ type: 'progress', tried }),
    });
    scope.postMessage({ type: 'done', solution });
  } catch {
    scope.postMessage({ type: 'done', solution: null });
  }
};
