import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { runDigest } from '../support/build.ts';

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const counts = (stdout: string, what: string) => {
  const [, rendered, reused] = new RegExp(`(\\d+) ${what} rendered, (\\d+) unchanged and reused`).exec(stdout) ?? [];
  return { rendered: Number(rendered), reused: Number(reused) };
};

test('at 1,000 articles, a rebuild after one drop renders only what the drop changed and equals a fresh build byte for byte', async () => {
  const work = await mkdtemp(join(tmpdir(), 'digest-rebuild-1k-'));
  const corpus = generateCorpus({ articles: 1_000, seed: 7 });
  const feeds = join(work, 'feeds');
  writeCorpus(corpus, feeds);
  const build = (out: string, cache: string) => runDigest(['build', '--feeds', feeds, '--out', join(work, out), '--cache', cache]);

  await build('site', join(work, 'cache'));
  await writeFile(join(feeds, corpus.nextDrop.name), corpus.nextDrop.content);
  const rebuild = await build('site', join(work, 'cache'));
  const articles = counts(rebuild.stdout, 'article pages');
  const others = counts(rebuild.stdout, 'other pages and files');
  assert.equal(articles.rendered + articles.reused, 1_009, rebuild.stdout);
  // The drop's 9 new articles, their newest neighbours, and the older ones whose related cards changed.
  assert.ok(articles.rendered >= 9 && articles.rendered <= 100, rebuild.stdout);
  assert.ok(others.reused > others.rendered * 2, `most drop, topic and index pages are reused: ${rebuild.stdout}`);

  await build('fresh', '');
  const files = await filesUnder(join(work, 'fresh'));
  assert.deepEqual(await filesUnder(join(work, 'site')), files);
  for (const file of files) {
    const same = (await readFile(join(work, 'site', file))).equals(await readFile(join(work, 'fresh', file)));
    assert.ok(same, `${file} differs between the rebuild and a fresh build`);
  }
});
