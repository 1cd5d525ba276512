// Run in a child process before a build opens a cache that was written since a build closed it
// (see untouchedSinceClose in cache-store.ts): LMDB trusts its file, and a damaged one
// (a disk error, a stray write) crashes the process that reads it (SIGSEGV), which no try/catch
// can stop. This walks every key and value of every table, as raw bytes, and exits 0 only if
// all of it could be read; otherwise the build throws the store away and starts it afresh.
// Plain JavaScript, so it starts without a TypeScript loader.
import { open } from 'lmdb';

const [path, ...tables] = process.argv.slice(2);
// Mapped in chunks, as cache-store.ts maps a store it fills, so that walking all of a large store
// does not keep all of it resident.
const root = open({ path, compression: false, remapChunks: true, readOnly: true });
for (const name of ['meta', ...tables]) {
  for (const entry of root.openDB({ name, encoding: 'binary' }).getRange()) void entry.value.length;
}
await root.close();
