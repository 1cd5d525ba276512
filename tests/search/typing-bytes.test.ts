// What a reader downloads while typing a query into /search/: every index file the engine reads
// for the first page of results at each keystroke, gzip-6 as a static host serves it. The browser
// cancels a stale keystroke's record fetches; this reads them all, so it is the upper bound, like
// bench/typed-query-bytes.ts, which measures the same in Chromium on the 10,000-article bench site.
// The files are fixed-size chunks and shards, so the bytes a query reads hardly grow with the corpus.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { TYPED_QUERIES } from '../../bench/search-latency.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { corpusSearch } from './seed-engine.ts';
import { scratchFolder } from '../support/scratch.ts';

/** The budget per typed query (#13), in bytes of gzip. */
const BUDGET = 100 * 1024;
/** Results the search page shows at once (src/search/client.ts). */
const PAGE_SIZE = 10;

const work = scratchFolder('digest-typing-');
const feeds = join(work, 'feeds');
writeCorpus(generateCorpus({ articles: 1_000, seed: 1 }), feeds);
const { index } = await corpusSearch(feeds);
const contents = new Map(index.files.map((file) => [file.path, file.content]));
const gzipBytes = (file: string) => gzipSync(contents.get(file)!, { level: 6 }).length;

for (const query of TYPED_QUERIES) {
  test(`typing ${query} a character at a time reads at most 100 KB gzip of the index at 1,000 articles`, async () => {
    const read = new Set<string>();
    const engine = new SearchEngine(async (file) => {
      read.add(file);
      return JSON.parse(contents.get(file)!);
    }, index.manifestFile);
    // The search page loads the manifest before the first keystroke.
    await engine.manifest();
    read.clear();
    const chars = Array.from(query);
    let shown = 0;
    for (let typed = 1; typed <= chars.length; typed++) {
      const results = await engine.search(chars.slice(0, typed).join(''));
      shown = (await results.page(0, PAGE_SIZE)).length;
    }
    assert.ok(shown > 0, `${query} finds articles`);
    const bytes = [...read].reduce((sum, file) => sum + gzipBytes(file), 0);
    assert.ok(bytes <= BUDGET, `${query}: ${(bytes / 1024).toFixed(1)} KiB gzip in ${read.size} files`);
  });
}
