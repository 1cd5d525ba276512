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
  assert.equal(await derivations(store).deriveMissing(texts, 2), texts.length);
  const stored = (text: string): FullDerivation => ({
    text: store.table<TextDerivation>('derivations').get(textKey(text))!,
    excerptHtml: store.table<string>('excerpts').get(textKey(text))!,
    search: store.table<IndexedText>('search').get(textKey(text))!,
  });
  for (const text of texts) assert.deepEqual(stored(text), deriveFromText(text), text.slice(0, 20));
  assert.equal(await derivations(store).deriveMissing(texts, 2), 0, 'a second pass finds everything derived');
});
