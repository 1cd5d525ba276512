import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { buildSite, everyTenth, prepareSite } from '../../src/build/index.ts';
import { DEFAULT_SITE_CONFIG } from '../../src/config.ts';
import { FEEDS } from '../seeds.ts';
import { assertSameSite, buildSite as buildWithCli } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

const options = { feedsDir: FEEDS, base: '/', site: DEFAULT_SITE_CONFIG, cacheDir: null };

test('the build is one function: called in-process, it writes what the CLI writes, byte for byte', async () => {
  const outDir = join(scratchFolder('digest-in-process-'), 'site');
  const built = await buildSite({ ...options, outDir });
  assert.equal(built?.digest.articles.length, 39);
  assert.deepEqual(built?.articles, { rendered: 39, reused: 0 }, 'without a cache nothing is reused');
  const { outDir: cli } = await buildWithCli(FEEDS);
  await assertSameSite(outDir, cli, 'in-process against the CLI');
});

test('every page of the plan is keyed, and slices of any size cover the plan once', async () => {
  const prepared = await prepareSite({ ...options, outDir: join(tmpdir(), 'nowhere') });
  await prepared.store.close();
  const { plan, site, searchIndex } = prepared;
  assert.equal(plan.reuse.length, 0);
  const listed = site.digest.articles.length + site.digest.drops.length + site.topicPages.length + searchIndex.files.length;
  assert.ok(plan.keys.size > listed, 'every listed page is keyed, and so are the pages a drop never changes');
  for (const file of ['assets/search.js', 'assets/topics.css', '404.html', 'robots.txt', 'search/index.html']) assert.ok(plan.keys.has(file), file);
  assert.ok(plan.singles.includes('home') && plan.singles.includes('feeds'), 'pages that change with every drop are always rendered');
  const { slicesOf } = await import('../../src/site/page-plan.ts');
  for (const size of [1, 7, 100_000]) {
    const slices = slicesOf(plan, size);
    assert.equal(slices.flatMap((slice) => slice.articles).length, plan.articles.length, `${size}`);
    assert.equal(slices.flatMap((slice) => slice.indexFiles).length, plan.indexFiles.length, `${size}`);
    assert.equal(slices.filter((slice) => slice.singles.length > 0).length, 1, 'the single pages go with one slice');
    for (const slice of slices) {
      const pages = slice.articles.length + slice.drops.length + slice.topicPages.length + slice.indexFiles.length + slice.singles.length;
      assert.ok(pages <= Math.max(size, slice.singles.length), `a slice of ${pages} pages for size ${size}`);
    }
  }
});

test('a build over several slices says which one it renders, and writes what one slice writes', async () => {
  const logged = (lines: string[]) => (line: string) => lines.push(line);
  const slicedLines: string[] = [];
  const sliced = join(scratchFolder('digest-sliced-'), 'site');
  await buildSite({ ...options, outDir: sliced, slicePages: 40, log: logged(slicedLines) });
  const rendering = slicedLines.filter((line) => line.startsWith('rendering slice'));
  assert.ok(rendering.length > 1, `40 pages a slice make several slices of the seeds: ${rendering.length}`);
  assert.deepEqual(rendering, rendering.map((_, index) => `rendering slice ${index + 1} of ${rendering.length}`));
  const wholeLines: string[] = [];
  const whole = join(scratchFolder('digest-whole-'), 'site');
  await buildSite({ ...options, outDir: whole, log: logged(wholeLines) });
  assert.deepEqual(wholeLines.filter((line) => line.startsWith('rendering slice')), [], 'one slice goes unannounced');
  await assertSameSite(sliced, whole, 'several slices against one');
});

test('a large build tells each tenth of the texts it derives, shows its digest before the slow steps that follow it, and says when it indexes', async () => {
  const work = scratchFolder('digest-index-progress-');
  const feedsDir = join(work, 'feeds');
  writeCorpus(generateCorpus({ articles: 2_000, seed: 5 }), feedsDir);
  const large = { ...options, feedsDir, cacheDir: join(work, 'cache'), outDir: join(work, 'site') };
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  let articles = 0;
  const stopped = await buildSite({ ...large, log, onDigest: (digest) => ((articles = digest.articles.length), false) });
  assert.equal(stopped, null, 'a build its caller stops at the digest writes nothing');
  assert.ok(articles >= 2_000, `${articles} articles`);
  assert.deepEqual(lines.filter((line) => line.startsWith('indexing')), [], 'the digest is shown before the search index is built');
  const derived = lines.filter((line) => line.startsWith('derived '));
  assert.equal(derived.at(-1), `derived titles, topics and math for ${articles} new texts`);
  const tenths = derived.slice(0, -1).map((line) => {
    const [, done, of] = /^derived (\d+) of (\d+) new texts$/.exec(line) ?? [];
    assert.equal(Number(of), articles, line);
    return Math.floor((Number(done) * 10) / articles);
  });
  assert.deepEqual(tenths, [1, 2, 3, 4, 5, 6, 7, 8, 9], derived.join('\n'));
  const prepared = await prepareSite({ ...large, log });
  await prepared.store.close();
  assert.equal(lines.filter((line) => line === `indexing ${articles} articles for search and planning the pages`).length, 1, lines.join('\n'));
});

test('progress is told once at each tenth of the work, never at its end', () => {
  const told: number[] = [];
  const tenth = everyTenth(0, (done, total) => told.push(done, total));
  for (let done = 0; done <= 440; done += 50) tenth(done, 440);
  tenth(440, 440);
  assert.deepEqual(told, [50, 440, 100, 440, 150, 440, 200, 440, 250, 440, 300, 440, 350, 440, 400, 440]);
  const everyOne: number[] = [];
  const one = everyTenth(0, (done) => everyOne.push(done));
  for (let done = 1; done <= 1_000; done++) one(done, 1_000);
  assert.deepEqual(everyOne, [100, 200, 300, 400, 500, 600, 700, 800, 900]);
});
