import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { feedsBytes, HEAP_BASE_MB, heapLimitMb, machineHeapMb, shouldRestart, wantedHeapMb } from '../../src/heap-limit.ts';
import { FEEDS } from '../seeds.ts';
import { DIGEST_BIN, PROJECT } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

const run = promisify(execFile);
const GiB = 2 ** 30;
const MiB = 2 ** 20;

test('the heap follows the feeds: a base, 18 MB per MiB, at most three quarters of memory', () => {
  assert.equal(heapLimitMb(0, 24 * GiB), HEAP_BASE_MB);
  assert.equal(heapLimitMb(10 * MiB, 24 * GiB), 692);
  assert.equal(heapLimitMb(100 * MiB, 24 * GiB), 2312);
  assert.equal(heapLimitMb(100 * MiB, 2 * GiB), machineHeapMb(2 * GiB));
  assert.equal(machineHeapMb(8 * GiB), 6144);
});

test('feeds are measured from the folder the command line names; serve and usage errors get the machine share', () => {
  assert.ok(feedsBytes(FEEDS) > 20_000, 'the seed feeds hold more than 20 kB');
  const drops = scratchFolder('digest-feeds-');
  writeFileSync(join(drops, 'a.txt'), 'x'.repeat(3000));
  writeFileSync(join(drops, 'b.txt'), 'y'.repeat(500));
  mkdirSync(join(drops, 'not-a-drop'));
  assert.equal(feedsBytes(drops), 3500, 'every file in the folder counts, and a subfolder does not');
  assert.equal(feedsBytes(join(tmpdir(), 'no-such-feeds-folder')), 0);
  assert.equal(wantedHeapMb(['build', '--feeds', FEEDS], 24 * GiB), heapLimitMb(feedsBytes(FEEDS), 24 * GiB));
  assert.equal(wantedHeapMb(['serve', '--feeds', FEEDS], 24 * GiB), machineHeapMb(24 * GiB));
  assert.equal(wantedHeapMb(['build', '--no-such-flag'], 24 * GiB), machineHeapMb(24 * GiB));
});

test('a restart is worth it when the heap is too small, or far too large for a big site', () => {
  assert.equal(shouldRestart(4096, heapLimitMb(500 * 1024, 24 * GiB)), false, 'a small site keeps the default heap');
  assert.equal(shouldRestart(4096, 692), true, '10,000 articles: 4 GB would let garbage pile up');
  assert.equal(shouldRestart(2048, 2312), true, 'too small');
  assert.equal(shouldRestart(2312, 2312), false);
});

test('a build that runs out of heap is built again with the machine share, and nothing is lost', async () => {
  const folder = scratchFolder('digest-heap-');
  const outDir = join(folder, 'site');
  const { stdout, stderr } = await run(process.execPath, [DIGEST_BIN, 'build', '--feeds', FEEDS, '--out', outDir, '--cache', join(folder, 'cache')], {
    cwd: PROJECT,
    env: { ...process.env, DIGEST_HEAP_MB: '16' },
    maxBuffer: 16 * MiB,
  });
  assert.match(stderr, /digest: the build ran out of its 16 MB heap; building again with \d+ MB/);
  assert.match(stdout, /39 article pages rendered/);
  const articles = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as { articles: unknown[] };
  assert.equal(articles.articles.length, 39);
  assert.equal((await readdir(join(folder, '.site.releases'))).length, 1, 'the aborted release is removed');
});
