import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectArticles } from '../../src/articles/index.ts';
import { readDrops } from '../../src/ingest/index.ts';
import { deriveAll } from '../../src/site/derive-parallel.ts';
import { deriveFromText } from '../../src/site/digest.ts';
import { FEEDS } from '../seeds.ts';

test('deriving on two threads gives what one thread gives, in the same order', async () => {
  const seeds = collectArticles(await readDrops(FEEDS)).map((article) => article.text);
  const texts = Array.from({ length: 440 }, (_, index) => `${seeds[index % seeds.length]} 第${index}段`);
  const parallel = await deriveAll(texts, 2);
  assert.equal(parallel.length, texts.length);
  assert.deepEqual(parallel, texts.map(deriveFromText));
});
