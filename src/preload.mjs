// Node 20 runs tsx's module hooks on their own thread, and every module imported after register()
// makes a round trip to it. Only our .ts files need the hooks, so a process or worker that will run
// the pipeline imports these libraries first (bin/digest.js, src/site/derive-worker.mjs).
// Plain JavaScript: it is loaded before tsx is.

/** What deriving a text loads (render, articles, topics, search). */
export const DERIVE_LIBRARIES = ['unified', 'remark-math', 'remark-rehype', 'rehype-katex', 'rehype-stringify', 'katex', 'hastscript', 'hast-util-to-text', 'unist-util-visit', 'vfile', 'fuse.js'];

/** What a build loads besides: Eleventy, its feed plugin, the cache store, the page templates' HTML. */
export const BUILD_LIBRARIES = [...DERIVE_LIBRARIES, '@11ty/eleventy', '@11ty/eleventy-plugin-rss', 'remark-parse', 'lmdb', 'hast-util-to-html'];

export const preload = (names) => Promise.all(names.map((name) => import(name)));
