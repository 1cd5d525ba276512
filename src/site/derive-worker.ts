// Runs in a worker thread: derives one share of the excerpt texts (see derive-parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { deriveFromText } from './digest.ts';

parentPort!.postMessage((workerData as string[]).map(deriveFromText));
