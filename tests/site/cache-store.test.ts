import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openCacheStore, untouchedSinceClose } from '../../src/site/cache-store.ts';
import { scratchFolder } from '../support/scratch.ts';

const fresh = () => scratchFolder('digest-cache-');

test('entries written in one build are read back in the next, and another code version starts empty', async () => {
  const dir = fresh();
  const first = await openCacheStore(dir, 'v1');
  first.table<{ title: string }>('derivations').set('k', { title: '注意力' });
  await first.close();
  const second = await openCacheStore(dir, 'v1');
  assert.deepEqual(second.table('derivations').get('k'), { title: '注意力' });
  await second.close();
  const upgraded = await openCacheStore(dir, 'v2');
  assert.equal(upgraded.table('derivations').get('k'), undefined);
  await upgraded.close();
});

test('a store is trusted without a walk only while no write has touched it since a build closed it', async () => {
  const dir = fresh();
  assert.equal(untouchedSinceClose(dir), true, 'no store yet: nothing to check');
  const store = await openCacheStore(dir, 'v1');
  store.table<string>('pages').set('p', 'key');
  await store.flush();
  assert.equal(untouchedSinceClose(dir), false, 'written and not closed, as when a build dies');
  await store.close();
  assert.equal(untouchedSinceClose(dir), true);
  const data = join(dir, 'store', 'data.mdb');
  await writeFile(data, await readFile(data));
  assert.equal(untouchedSinceClose(dir), false, 'a write of the very same bytes, straight after the close');
});

// LMDB trusts its file: opening either of these in-process crashes it with SIGSEGV.
const DAMAGE = {
  'overwritten whole': (bytes: Buffer) => Buffer.alloc(bytes.length, 0xab),
  'its pages overwritten, its header intact': (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 8192), Buffer.alloc(bytes.length - 8192, 0xab)]),
  truncated: (bytes: Buffer) => bytes.subarray(0, 100),
};

for (const [damage, damaged] of Object.entries(DAMAGE)) {
  test(`a store ${damage} is thrown away and started afresh, never a crash`, async () => {
    const dir = fresh();
    const store = await openCacheStore(dir, 'v1');
    for (let i = 0; i < 500; i++) store.table<string>('pages').set(`p${i}`, 'key'.repeat(i));
    await store.close();
    const data = join(dir, 'store', 'data.mdb');
    await writeFile(data, damaged(await readFile(data)));
    const reopened = await openCacheStore(dir, 'v1');
    assert.equal(reopened.table('pages').get('p1'), undefined);
    reopened.table<string>('pages').set('p1', 'again');
    await reopened.close();
    const again = await openCacheStore(dir, 'v1');
    assert.equal(again.table('pages').get('p1'), 'again');
    await again.close();
  });
}

test('unused entries are forgotten, but a text keeps its excerpt and search fields while its description is read', async () => {
  const dir = fresh();
  const store = await openCacheStore(dir, 'v1');
  for (let i = 0; i < 3_000; i++) {
    for (const table of ['derivations', 'excerpts', 'search'] as const) store.table<number>(table).set(`text-${i}`, i);
  }
  await store.close();
  // A rebuild that reads every description but renders (reads the excerpt of) only a few texts.
  const rebuild = await openCacheStore(dir, 'v1');
  for (let i = 0; i < 100; i++) rebuild.table('derivations').get(`text-${i}`);
  rebuild.table('excerpts').get('text-1');
  await rebuild.close();
  const after = await openCacheStore(dir, 'v1');
  assert.equal(after.table('derivations').get('text-2999'), undefined, 'texts no build reads any more go');
  assert.equal(after.table('excerpts').get('text-2'), 2, 'the excerpt of a text still in the digest stays');
  assert.equal(after.table('search').get('text-99'), 99);
  await after.close();
});

test('a store no larger than the pruning floor keeps entries a build did not read', async () => {
  const dir = fresh();
  const store = await openCacheStore(dir, 'v1');
  for (let i = 0; i < 50; i++) store.table<number>('derivations').set(`text-${i}`, i);
  await store.close();
  const rebuild = await openCacheStore(dir, 'v1');
  rebuild.table('derivations').get('text-0');
  await rebuild.close();
  const after = await openCacheStore(dir, 'v1');
  assert.equal(after.table('derivations').get('text-49'), 49, 'an unread entry stays while the table is small');
  await after.close();
});
