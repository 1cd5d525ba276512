// A worker thread is a fresh isolate without the parent's TypeScript loader, so its entry point
// is plain JavaScript that registers tsx before importing the TypeScript worker body.
import { register } from 'tsx/esm/api';

// Imported before tsx is registered: every module imported after it makes a round trip to tsx's
// hook thread, and these libraries are most of what the worker loads (bin/digest.js does the same).
await Promise.all(['unified', 'remark-math', 'remark-rehype', 'rehype-katex', 'rehype-stringify', 'katex', 'hastscript', 'hast-util-to-text', 'unist-util-visit', 'vfile', 'fuse.js'].map((name) => import(name)));
register();
await import('./derive-worker.ts');
