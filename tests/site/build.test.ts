import assert from 'node:assert/strict';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS } from '../seeds.ts';
import { assertSameSite, buildSite, filesUnder, runDigest } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

const readJson = async (outDir: string): Promise<PublicJson> =>
  JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;

test('the build prints a progress summary and writes articles.json with every seed article', async () => {
  const { outDir, stdout } = await buildSite(FEEDS);
  assert.match(stdout, /5 drops, 60 entries, 39 distinct articles/);
  assert.match(stdout, /001_6361958ca166ea40: 12 entries, 8 new/);
  const json = await readJson(outDir);
  assert.equal(json.articles.length, 39);
  assert.deepEqual(json.drops.map((drop) => drop.newArticles), [12, 8, 6, 3, 10]);
  for (const article of json.articles) {
    assert.equal(article.url, `/articles/${article.id}/`);
    assert.ok(article.title.length > 0);
    assert.ok(Array.isArray(article.topics));
  }
});

test('every article, topic, drop and feed page exists, and ids in URLs are ASCII', async () => {
  const { outDir } = await buildSite(FEEDS);
  const files = new Set(await filesUnder(outDir));
  const json = await readJson(outDir);
  for (const article of json.articles) assert.ok(files.has(`articles/${article.id}/index.html`), article.id);
  for (const drop of json.drops) assert.ok(files.has(`drops/${drop.id}/index.html`), drop.id);
  for (const topic of ['attention', 'diffusion', 'rl', 'vision']) {
    assert.ok(files.has(`topics/${topic}/index.html`), topic);
    assert.ok(files.has(`topics/${topic}/feed.xml`), topic);
  }
  for (const path of ['index.html', 'topics/other/index.html', 'search/index.html', 'feed.xml', 'robots.txt', '404.html', 'favicon.svg', 'assets/katex/katex.min.css']) {
    assert.ok(files.has(path), path);
  }
  // The sitemap needs the site's URL: see site-url.test.ts for both cases.
  for (const path of files) assert.match(path, /^[\x21-\x7e]+$/, `non-ASCII path ${path}`);
});

test('no article page shows a raw [Math], [公式] or [Formula], and the excerpt holds one placeholder element per placeholder', async () => {
  const { outDir } = await buildSite(FEEDS);
  const json = await readJson(outDir);
  for (const article of json.articles) {
    const html = await readFile(join(outDir, 'articles', article.id, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /\[(?:Math|公式|Formula)\]/, article.id);
    const excerpt = html.slice(html.indexOf('<div class="excerpt"'), html.indexOf('<dl class="article-facts"'));
    const shown = excerpt.match(/class="math-placeholder\b/g)?.length ?? 0;
    assert.equal(shown, article.math.placeholders, `${article.id}: placeholders in .excerpt`);
  }
});

test('two builds of the same feeds are byte-identical', async () => {
  const { outDir: first } = await buildSite(FEEDS);
  const { outDir: second } = await buildSite(FEEDS, '/');
  const again = join(first, '..', 'again');
  await runDigest(['build', '--feeds', FEEDS, '--out', again]);
  await assertSameSite(again, first, 'a second build');
  assert.equal(second, first, 'builds are shared per process');
});

test('--base /digest/ puts every link, asset and feed URL under /digest/', async () => {
  const { outDir } = await buildSite(FEEDS, '/digest/');
  const json = await readJson(outDir);
  for (const article of json.articles) assert.equal(article.url, `/digest/articles/${article.id}/`);
  const home = await readFile(join(outDir, 'index.html'), 'utf8');
  const urls = [...home.matchAll(/(?:href|src|action)="([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(urls.length > 20);
  for (const url of urls) {
    if (/^(https?:|#|mailto:)/.test(url)) continue;
    assert.ok(url.startsWith('/digest/') && !url.startsWith('/digest/digest/'), url);
  }
  const feed = await readFile(join(outDir, 'feed.xml'), 'utf8');
  for (const [, url] of feed.matchAll(/href="([^"]+)"/g)) assert.ok(url!.startsWith('/digest/') && !url!.startsWith('/digest/digest/'), url);
});

test('the build exits 1 and writes nothing when no article can be read, 2 on a usage error', async () => {
  const broken = join(FEEDS, '..', 'tests', 'fixtures', 'broken');
  const out = join((await buildSite(FEEDS)).outDir, '..', 'nothing');
  await assert.rejects(runDigest(['build', '--feeds', join(broken, '..', 'resaved', 'missing')]), (error: { code: number }) => error.code === 1);
  await assert.rejects(runDigest(['build', '--nope']), (error: { code: number; stderr: string }) => error.code === 2 && /Usage/.test(error.stderr));
  await runDigest(['build', '--feeds', broken, '--out', out]);
  const json = await readJson(out);
  assert.ok(json.articles.length >= 5, 'good articles from a folder of mostly bad files still appear');
});

test('digest --help lists the commands; digest check exits 1 on errors and 0 on the seeds', async () => {
  const { stdout } = await runDigest(['--help']);
  for (const word of ['build', 'serve', 'check', '--feeds', '--out', '--base', '--port']) assert.ok(stdout.includes(word), word);
  const seeds = await runDigest(['check', '--feeds', FEEDS]);
  assert.match(seeds.stderr, /001_6361958ca166ea40\.txt:16: info: pagination line/);
  const broken = join(FEEDS, '..', 'tests', 'fixtures', 'broken');
  await assert.rejects(runDigest(['check', '--feeds', broken]), (error: { code: number; stderr: string }) =>
    error.code === 1 && /binary-junk\.txt: error: file looks binary/.test(error.stderr));
});

test('a rebuild after a new drop reuses unchanged pages and equals a fresh build byte for byte', async () => {
  const work = scratchFolder('digest-rebuild-');
  const feeds = join(work, 'feeds');
  const cache = join(work, 'cache');
  await cp(FEEDS, feeds, { recursive: true });
  await rm(join(feeds, '004_1ad6004f85210699.txt'));
  await runDigest(['build', '--feeds', feeds, '--out', join(work, 'site'), '--cache', cache]);
  await cp(join(FEEDS, '004_1ad6004f85210699.txt'), join(feeds, '004_1ad6004f85210699.txt'));
  const rebuild = await runDigest(['build', '--feeds', feeds, '--out', join(work, 'site'), '--cache', cache]);
  const [, rendered, reused] = /(\d+) article pages rendered, (\d+) unchanged and reused/.exec(rebuild.stdout) ?? [];
  assert.equal(Number(rendered) + Number(reused), 39);
  assert.ok(Number(reused) > 0, rebuild.stdout);
  const [, otherRendered, otherReused] = /(\d+) other pages and files rendered, (\d+) unchanged and reused/.exec(rebuild.stdout) ?? [];
  assert.ok(Number(otherReused) > 0 && Number(otherRendered) > 0, rebuild.stdout);
  await runDigest(['build', '--feeds', feeds, '--out', join(work, 'fresh'), '--cache', '']);
  await assertSameSite(join(work, 'site'), join(work, 'fresh'), 'the rebuild against a fresh build');
});

test('a rebuild renders again the pages someone deleted from the live site, and still equals a fresh build', async () => {
  const work = scratchFolder('digest-deleted-');
  const [feeds, cache, site] = [join(work, 'feeds'), join(work, 'cache'), join(work, 'site')];
  await cp(FEEDS, feeds, { recursive: true });
  await rm(join(feeds, '004_1ad6004f85210699.txt'));
  await runDigest(['build', '--feeds', feeds, '--out', site, '--cache', cache]);
  const oldest = (await readJson(site)).articles.at(-1)!.id;
  await rm(join(site, 'articles', oldest, 'index.html'));
  await rm(join(site, 'search', 'index.html'));
  await cp(join(FEEDS, '004_1ad6004f85210699.txt'), join(feeds, '004_1ad6004f85210699.txt'));
  const rebuild = await runDigest(['build', '--feeds', feeds, '--out', site, '--cache', cache]);
  assert.match(rebuild.stdout, /[12] files the last build wrote are gone from .*site: rendering them again/);
  await runDigest(['build', '--feeds', feeds, '--out', join(work, 'fresh'), '--cache', '']);
  await assertSameSite(site, join(work, 'fresh'), 'the rebuild against a fresh build');
});
