import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { assertSameSite, runDigest } from '../support/build.ts';

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
  await assertSameSite(join(work, 'site'), join(work, 'fresh'), 'the rebuild against a fresh build');
});
