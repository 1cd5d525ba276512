import assert from 'node:assert/strict';
import { readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { test } from 'node:test';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { assertSameSite, runDigest, snapshotSite } from '../support/build.ts';
import { openCacheStore } from '../../src/site/cache-store.ts';
import { codeVersion } from '../../src/site/code-version.ts';
import { previousBuild, priorRelease } from '../../src/site/page-store.ts';
import { scratchFolder } from '../support/scratch.ts';

const counts = (stdout: string, what: string) => {
  const [, rendered, reused] = new RegExp(`(\\d+) ${what} rendered, (\\d+) unchanged and reused`).exec(stdout) ?? [];
  return { rendered: Number(rendered), reused: Number(reused) };
};

test('at 1,000 articles, a rebuild after one drop renders only what the drop changed and equals a fresh build byte for byte', async () => {
  const work = scratchFolder('digest-rebuild-1k-');
  const corpus = generateCorpus({ articles: 1_000, seed: 7 });
  const feeds = join(work, 'feeds');
  writeCorpus(corpus, feeds);
  const build = (out: string, cache: string) => runDigest(['build', '--feeds', feeds, '--out', join(work, out), '--cache', cache]);

  await build('site', join(work, 'cache'));
  // Files that show nothing a drop changes: the rebuild links them rather than rendering them.
  const frameOnly = ['404.html', 'robots.txt', 'assets/topics.css', 'assets/search.js', 'assets/reader.js', 'saved/index.html'];
  const inodes = async () => Promise.all(frameOnly.map(async (file) => (await stat(join(work, 'site', file))).ino));
  const before = await inodes();
  await writeFile(join(feeds, corpus.nextDrop.name), corpus.nextDrop.content);
  const rebuild = await build('site', join(work, 'cache'));
  assert.deepEqual(await inodes(), before, `reused, not rendered: ${frameOnly.join(', ')}`);
  const articles = counts(rebuild.stdout, 'article pages');
  const others = counts(rebuild.stdout, 'other pages and files');
  assert.equal(articles.rendered + articles.reused, 1_009, rebuild.stdout);
  // The drop's 9 new articles, their newest neighbours, and the older ones whose related cards changed.
  assert.ok(articles.rendered >= 9 && articles.rendered <= 100, rebuild.stdout);
  assert.ok(others.reused > others.rendered * 2, `most drop, topic and index pages are reused: ${rebuild.stdout}`);

  await build('fresh', '');
  await assertSameSite(join(work, 'site'), join(work, 'fresh'), 'the rebuild against a fresh build');
});

test('a rebuild recycles the release before the live one: it ends up as a fresh build would, and the live release is never touched', async () => {
  const work = scratchFolder('digest-recycle-');
  const corpus = generateCorpus({ articles: 300, seed: 11 });
  const feeds = join(work, 'feeds');
  writeCorpus(corpus, feeds);
  const site = join(work, 'site');
  const build = () => runDigest(['build', '--feeds', feeds, '--out', site, '--cache', join(work, 'cache')]);
  const releases = join(work, '.site.releases');

  await build();
  const first = await stat(join(work, await readlink(site)));
  await writeFile(join(feeds, corpus.nextDrop.name), corpus.nextDrop.content);
  await build();
  const live = join(work, await readlink(site));
  const liveBefore = await snapshotSite(live);
  // The recycled release holds the pages of this drop; the new one must not.
  await rm(join(feeds, corpus.files[0]!.name));
  await build();

  assert.equal((await stat(join(work, await readlink(site)))).ino, first.ino, 'the first release was recycled');
  assert.deepEqual(await snapshotSite(live), liveBefore, 'the release that was live is untouched');
  assert.equal((await readdir(releases)).length, 2, 'the new release and the one it replaced');
  await runDigest(['build', '--feeds', feeds, '--out', join(work, 'fresh'), '--cache', '']);
  await assertSameSite(site, join(work, 'fresh'), 'the recycled release against a fresh build');

  // Builds from here on recycle by the build record, with no inode check (see linkedFromRecycled).
  for (const change of [() => rm(join(feeds, corpus.files[1]!.name)), () => writeFile(join(feeds, corpus.files[0]!.name), corpus.files[0]!.content)]) {
    await change();
    await build();
    await runDigest(['build', '--feeds', feeds, '--out', join(work, 'fresh'), '--cache', '']);
    await assertSameSite(site, join(work, 'fresh'), 'a release recycled by the build record against a fresh build');
  }

  // The next build recycles the live release by the record's list of its files, without listing it.
  const liveNow = join(releases, basename(await readlink(site)));
  const store = await openCacheStore(join(work, 'cache'), await codeVersion());
  const prior = priorRelease(previousBuild(store, site), { live: basename(liveNow), recycled: null });
  await store.close();
  const onDisk = (await readdir(liveNow, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(liveNow, join(entry.parentPath, entry.name)));
  assert.ok(prior !== null, 'the record describes the live release');
  assert.deepEqual([...prior.files].sort(), onDisk.sort(), 'the record lists every file of the live release, and only those');
});
