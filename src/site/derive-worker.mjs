// A worker thread is a fresh isolate without the parent's TypeScript loader, so its entry point
// is plain JavaScript that registers tsx before importing the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./derive-worker.ts');
