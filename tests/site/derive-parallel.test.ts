import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupArticles } from '../../src/articles/index.ts';
import { readDrops } from '../../src/ingest/index.ts';
import { memoryCacheStore, textKey } from '../../src/site/cache-store.ts';
import { deriveFromText, derivations, type FullDerivation, type TextDerivation } from '../../src/site/derive.ts';
import type { IndexedText } from '../../src/search/index.ts';
import { FEEDS } from '../seeds.ts';

test('deriving on two threads stores what one thread derives, for every text', async () => {
  const seeds = groupArticles(await readDrops(FEEDS)).map((article) => article.text);
  const texts = Array.from({ length: 440 }, (_, index) => `${seeds[index % seeds.length]} 第${index}段`);
  const store = memoryCacheStore();
  const progress: [number, number][] = [];
  const onProgress = (derived: number, missing: number) => progress.push([derived, missing]);
  assert.equal(await derivations(store).deriveMissing(texts, { threads: 2, onProgress }), texts.length);
  // Told the total first, then the count done after each share of 50, up to all of them.
  assert.deepEqual(progress[0], [0, texts.length]);
  const counts = progress.map(([derived, missing]) => (assert.equal(missing, texts.length), derived));
  assert.equal(counts.length, 1 + Math.ceil(texts.length / 50), counts.join(' '));
  counts.slice(1).forEach((count, index) => assert.ok(count > counts[index]! && count - counts[index]! <= 50, counts.join(' ')));
  assert.equal(counts.at(-1), texts.length);
  progress.length = 0;
  const stored = (text: string): FullDerivation => ({
    text: store.table<TextDerivation>('derivations').get(textKey(text))!,
    excerptHtml: store.table<string>('excerpts').get(textKey(text))!,
    search: store.table<IndexedText>('search').get(textKey(text))!,
  });
  for (const text of texts) assert.deepEqual(stored(text), deriveFromText(text), text.slice(0, 20));
  assert.equal(await derivations(store).deriveMissing(texts, { threads: 2, onProgress }), 0, 'a second pass finds everything derived');
  assert.deepEqual(progress, [], 'nothing to derive, nothing to report');
});

test('what deriveMissing derives, the digest takes as it is, without reading it back from the store', async () => {
  const texts = groupArticles(await readDrops(FEEDS)).map((article) => article.text);
  const store = memoryCacheStore();
  let lookups = 0;
  const counted: typeof store = {
    ...store,
    table<T>(name: Parameters<typeof store.table>[0]) {
      const table = store.table<T>(name);
      return { get: (key: string) => (lookups++, table.get(key)), set: (key: string, value: T) => table.set(key, value) };
    },
  };
  const derived = derivations(counted);
  await derived.deriveMissing(texts, { threads: 1 });
  lookups = 0;
  for (const text of texts) assert.deepEqual(derived.description(text), deriveFromText(text).text);
  assert.equal(lookups, 0, 'a cold build read its descriptions back: 100,000 lookups took 11 s in a store just filled');
});
