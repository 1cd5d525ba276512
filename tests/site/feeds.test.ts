import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import FeedParser from 'feedparser';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS } from '../seeds.ts';
import { buildSite } from '../support/build.ts';

const SITE_URL = 'https://example.org/digest/';
const FEED_PATHS = ['feed.xml', 'topics/attention/feed.xml', 'topics/diffusion/feed.xml', 'topics/rl/feed.xml', 'topics/vision/feed.xml'];

interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

/** feedparser (sax-based, strict) as a feed reader would run it, resolving relative links against the feed's URL. */
async function parseAtom(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const parser = new FeedParser({ feedurl: feedUrl, strict: true });
  const items: FeedParser.Item[] = [];
  Readable.from([xml]).pipe(parser);
  for await (const item of parser) items.push(item);
  return { meta: parser.meta, items };
}

const count = (xml: string, tag: string) => xml.split(`<${tag}>`).length - 1;

/** The raw XML of each entry, to check what the parser normalises away (how many dates it holds). */
const entriesOf = (xml: string) => xml.split('<entry>').slice(1).map((entry) => entry.slice(0, entry.indexOf('</entry>')));

async function builtJson(outDir: string): Promise<PublicJson> {
  return JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
}

test('with a site URL every feed is Atom whose ids, links and self link are absolute, with one published and one updated date per entry', async () => {
  const { outDir } = await buildSite(FEEDS, '/digest/', SITE_URL);
  const json = await builtJson(outDir);
  const dateOfDrop = new Map(json.drops.map((drop) => [drop.id, drop.date]));
  const articleByUrl = new Map(json.articles.map((article) => [`${SITE_URL}articles/${article.id}/`, article]));
  for (const path of FEED_PATHS) {
    const xml = await readFile(join(outDir, path), 'utf8');
    const { meta, items } = await parseAtom(xml, `${SITE_URL}${path}`);
    assert.equal(meta['#type'], 'atom', path);
    assert.equal(meta.xmlurl, `${SITE_URL}${path}`, `${path}: rel=self is the feed's own absolute URL`);
    assert.ok(meta.link.startsWith(SITE_URL), path);
    assert.ok(items.length > 0, path);
    for (const [, href] of xml.matchAll(/href="([^"]*)"/g)) assert.ok(href!.startsWith(SITE_URL), `${path}: ${href}`);
    for (const [, id] of xml.matchAll(/<id>([^<]*)<\/id>/g)) assert.ok(id!.startsWith(SITE_URL), `${path}: ${id}`);
    assert.doesNotMatch(xml, /xml:base/);
    for (const item of items) {
      const article = articleByUrl.get(item.link);
      assert.ok(article, `${path}: ${item.link} is an article page`);
      assert.equal(item.guid, item.link);
      const firstDrop = dateOfDrop.get(article.firstDrop)!;
      assert.equal(item.pubdate?.getTime(), Date.parse(firstDrop), `${path} ${article.id}: published when its first drop arrived`);
      assert.equal(item.date?.getTime(), Date.parse(firstDrop));
    }
    for (const entry of entriesOf(xml)) assert.deepEqual([count(entry, 'updated'), count(entry, 'published'), count(entry, 'id')], [1, 1, 1], path);
    const newest = Math.max(...items.map((item) => item.date!.getTime()));
    assert.equal(meta.date?.getTime(), newest, `${path}: the feed was updated with its newest entry`);
  }
});

test('without a site URL every feed still parses: relative links under xml:base resolve against the feed URL, and ids are tag URIs', async () => {
  const { outDir } = await buildSite(FEEDS, '/digest/');
  const json = await builtJson(outDir);
  const host = 'https://mirror.example.net';
  for (const path of FEED_PATHS) {
    const xml = await readFile(join(outDir, path), 'utf8');
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="zh-CN" xml:base="\/digest\/">/);
    const { meta, items } = await parseAtom(xml, `${host}/digest/${path}`);
    assert.equal(meta.xmlurl, `${host}/digest/${path}`, path);
    for (const [, id] of xml.matchAll(/<id>([^<]*)<\/id>/g)) assert.match(id!, /^tag:transmission-digest,2026:/, path);
    for (const item of items) {
      const article = json.articles.find((candidate) => `${host}${candidate.url}` === item.link);
      assert.ok(article, `${path}: ${item.link} resolves to an article page`);
      assert.ok(item.pubdate && item.date, path);
    }
  }
});
