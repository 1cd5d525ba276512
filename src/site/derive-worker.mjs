// A worker thread is a fresh isolate without the parent's TypeScript loader, so its entry point
// is plain JavaScript that registers tsx before importing the TypeScript worker body.
import { register } from 'tsx/esm/api';
import { DERIVE_LIBRARIES, preload } from '../preload.mjs';

// Before tsx is registered, so these imports skip its hook thread (see src/preload.mjs).
await preload(DERIVE_LIBRARIES);
register();
await import('./derive-worker.ts');
