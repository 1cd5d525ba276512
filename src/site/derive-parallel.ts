import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { deriveFromText, type TextDerivation } from './digest.ts';

/** Below this many texts a worker's start-up (loading tsx and the stages, ~0.5 s) costs more than it saves. */
const WORTH_A_WORKER = 400;

function inWorker(texts: string[]): Promise<TextDerivation[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./derive-worker.mjs', import.meta.url), { workerData: texts });
    worker.once('message', (derived: TextDerivation[]) => {
      resolve(derived);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Deriving titles, tags and typeset math is the costliest pure step of a full build, and each
 * text is independent: the main thread takes one share and a worker per other core takes the
 * rest. Results come back in input order, so the build stays deterministic.
 */
export async function deriveAll(texts: string[], threads = availableParallelism()): Promise<TextDerivation[]> {
  if (threads < 2 || texts.length < WORTH_A_WORKER) return texts.map(deriveFromText);
  const shareSize = Math.ceil(texts.length / threads);
  const shares = Array.from({ length: threads }, (_, index) => texts.slice(index * shareSize, (index + 1) * shareSize));
  const [own, ...others] = shares;
  const pending = others.map(inWorker);
  const mine = own!.map(deriveFromText);
  return [mine, ...(await Promise.all(pending))].flat();
}
