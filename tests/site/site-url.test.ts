import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS } from '../seeds.ts';
import { buildSite, runDigest } from '../support/build.ts';

const SITE_URL = 'https://example.org/digest/';

async function htmlPages(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** `articles/x/index.html` → `articles/x/`, the URL path a static host serves it at. */
const pagePath = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

const attributeOf = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);

test('without a site URL, robots.txt names no sitemap, the sitemap is skipped with one line saying why, and pages claim no canonical URL', async () => {
  const { outDir, stdout } = await buildSite(FEEDS);
  assert.equal(await readFile(join(outDir, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
  await assert.rejects(readFile(join(outDir, 'sitemap.xml')), { code: 'ENOENT' });
  const reasons = stdout.split('\n').filter((line) => line.includes('sitemap'));
  assert.deepEqual(reasons, ['digest: no site URL ("url" in digest.config.json, or --site-url), so sitemap.xml is skipped and robots.txt names no sitemap']);
  for (const file of await htmlPages(outDir)) {
    const html = await readFile(join(outDir, file), 'utf8');
    assert.doesNotMatch(html, /rel="canonical"|og:url/, file);
    assert.match(html, /<meta property="og:title" content="[^"]+">/, file);
  }
});

test('with --site-url, robots.txt and every sitemap <loc> are absolute, and the sitemap lists every page once with its date', async () => {
  const { outDir, stdout } = await buildSite(FEEDS, '/digest/', SITE_URL);
  assert.doesNotMatch(stdout, /sitemap/);
  assert.equal(await readFile(join(outDir, 'robots.txt'), 'utf8'), `User-agent: *\nAllow: /\nSitemap: ${SITE_URL}sitemap.xml\n`);
  const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
  assert.match(sitemap, /^<\?xml version="1\.0" encoding="utf-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  const urls = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
  assert.equal(urls.length, sitemap.split('<url>').length - 1, 'every <url> has a <loc> and a <lastmod>');
  const pages = (await htmlPages(outDir)).filter((file) => file !== '404.html').map((file) => `${SITE_URL}${pagePath(file)}`);
  assert.deepEqual(urls.map((url) => url[1]).sort(), pages.sort());
  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
  const dropDates = new Set(json.drops.map((drop) => drop.date));
  for (const [, loc, lastmod] of urls) {
    assert.ok(dropDates.has(lastmod!), `${loc}: lastmod ${lastmod} is a drop's date`);
    assert.match(lastmod!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  }
});

test('with --site-url, every page has one absolute canonical link and og:url, both its own address; the 404 page has none', async () => {
  const { outDir } = await buildSite(FEEDS, '/digest/', SITE_URL);
  for (const file of await htmlPages(outDir)) {
    const html = await readFile(join(outDir, file), 'utf8');
    const canonical = attributeOf(html, /<link rel="canonical" href="([^"]+)">/g);
    const ogUrl = attributeOf(html, /<meta property="og:url" content="([^"]+)">/g);
    if (file === '404.html') {
      assert.deepEqual([canonical, ogUrl], [[], []]);
      continue;
    }
    assert.deepEqual(canonical, [`${SITE_URL}${pagePath(file)}`], file);
    assert.deepEqual(ogUrl, canonical, file);
  }
});

test('--site-url sets the base path; a --base that disagrees with it is a usage error', async () => {
  const { outDir } = await buildSite(FEEDS, '/digest/', SITE_URL);
  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
  for (const article of json.articles) assert.equal(article.url, `/digest/articles/${article.id}/`);
  await assert.rejects(runDigest(['build', '--feeds', FEEDS, '--out', join(outDir, '..', 'never'), '--site-url', SITE_URL, '--base', '/other/']), (error: { code: number; stderr: string }) =>
    error.code === 2 && error.stderr.trim() === `digest: --base /other/ disagrees with the site URL ${SITE_URL}, whose path is /digest/: drop --base, or change one to match`);
  await assert.rejects(runDigest(['build', '--site-url', 'example.org']), (error: { code: number; stderr: string }) =>
    error.code === 2 && /--site-url: "example\.org" is not an absolute URL/.test(error.stderr));
});
