import type { IssuedChallenge } from '../../lib/tips/pow';
import { solveTipChallenge } from '../../lib/tips/pow';
import type { PowSolution } from '../../schemas/tip';

type WorkerMessage = { type: 'progress'; tried: number } | { type: 'done'; solution: PowSolution | null };

/**
 * Solves in a Web Worker, reporting progress as a fraction (0…1, an estimate: the
 * secret counter is somewhere below maxCounter). Without Worker support, on the page.
 */
export function solve(issued: IssuedChallenge, onProgress: (fraction: number) => void): Promise<PowSolution | null> {
  const report = (tried: number) => onProgress(Math.min(0.99, tried / issued.maxCounter));
  const onPage = () => solveTipChallenge(issued.challenge, { onProgress: report });
  if (typeof Worker === 'undefined') return onPage();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(onPage());
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.type === 'progress') report(event.data.tried);
      else {
        worker.terminate();
        onProgress(1);
        resolve(event.data.solution);
      }
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(onPage());
    };
    worker.postMessage({ challenge: issued.challenge });
  });
}
