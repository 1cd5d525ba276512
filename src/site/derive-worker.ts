// Runs in a worker thread: derives the batches of excerpt texts it is sent (see derive.ts).
import { parentPort } from 'node:worker_threads';
import { deriveFromText } from './derive.ts';

parentPort!.on('message', (texts: string[]) => parentPort!.postMessage(texts.map(deriveFromText)));
