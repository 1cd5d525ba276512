import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PublicJson } from '../../src/site/public-json.ts';
import { HOSTILE_FEEDS, TYPESET_TEXT } from './cases.ts';
import { hostileSite } from './hostile-site.ts';
import { decodeReferences, scanTags, textOf, unsafeMarkup } from './html-scan.ts';
import { outputFiles, siteProblems } from './site-scan.ts';

type PublicArticle = PublicJson['articles'][number];

// Their title, summary and excerpt hold no typeset math, so each shows as one run of text.
const plainArticles = (json: PublicJson): PublicArticle[] => json.articles.filter((article) => article.text !== TYPESET_TEXT);

const TEMPLATE_TEXT = '{{ 7*7 }} 模板表达式不求值';

test('the markup scanner flags what it is there to catch', () => {
  const problems = (html: string) => unsafeMarkup(scanTags(html));
  assert.equal(problems('<img src=x onerror="alert(1)">').length, 3, 'handler, bad src, <img>');
  assert.equal(problems('<a href="jav&#x61;script:alert(1)">x</a>').length, 1);
  assert.equal(problems('<a href=" java\tscript:x">x</a>').length, 1);
  assert.equal(problems('<script>alert(1)</script>').length, 1);
  assert.equal(problems('<script type="module" src="/a.js"></script><a href="/x/">x</a>').length, 0);
  assert.throws(() => scanTags('<p>a <b</p>'), /unreadable markup/);
});

test('every page and feed built from the hostile folder is free of handlers, script URLs and inline script, with the CSP', async () => {
  const { outDir } = await hostileSite(HOSTILE_FEEDS);
  const { pages, problems } = await siteProblems(outDir);
  assert.ok(pages >= 40, `${pages} pages`);
  assert.deepEqual(problems, []);
});

test('articles.json keeps the hostile text as text: template syntax unevaluated, markup unescaped', async () => {
  const { json } = await hostileSite(HOSTILE_FEEDS);
  const template = json.articles.find((article) => article.text.startsWith('{{ 7*7 }}'));
  assert.ok(template);
  assert.ok(template.title.includes('{{ 7*7 }}') && template.summary.includes('{{ 7*7 }}'), template.title);
  const script = json.articles.find((article) => article.text.startsWith('<script>'));
  assert.ok(script?.summary.includes('<script>window.__pwned=1;alert(1)</script>'), script?.summary);
  const bookmark = json.articles.find((article) => article.text.startsWith('🔖 javascript:'));
  assert.equal(bookmark?.source, null, 'a javascript: bookmark is no source');
});

test('each article shows its title, summary and text literally on every page that lists it', async () => {
  const { outDir, json } = await hostileSite(HOSTILE_FEEDS);
  const articles = plainArticles(json);
  let listings = 0;
  let cards = 0;
  for (const file of await outputFiles(outDir, '.html')) {
    const html = await readFile(join(outDir, file), 'utf8');
    const text = textOf(html);
    assert.ok(!text.includes(TEMPLATE_TEXT.replace('{{ 7*7 }}', '49')), `${file} evaluated {{ 7*7 }}`);
    for (const article of articles) {
      if (!html.includes(`href="${article.url}"`) && file !== `articles/${article.id}/index.html`) continue;
      listings++;
      assert.ok(text.includes(article.title), `${file} shows the title of ${article.id}: ${article.title}`);
      if (new RegExp(`<article class="card"(?: data-[a-z]+="[^"]*")*><h[23] class="card-title"><a href="${article.url}"`).test(html)) {
        cards++;
        assert.ok(text.includes(article.summary), `${file} card of ${article.id} shows its summary`);
      }
    }
  }
  assert.ok(listings >= articles.length * 3, `${listings} listings`);
  assert.ok(cards >= articles.length, `${cards} cards: each article has one on its topic page at least`);
  for (const article of articles) {
    const page = textOf(await readFile(join(outDir, 'articles', article.id, 'index.html'), 'utf8'));
    assert.ok(page.includes(article.text), `the page of ${article.id} shows its text: ${article.text}`);
  }
});

test('the Atom feeds carry each title, summary and text as escaped text, equal to articles.json', async () => {
  const { outDir, json } = await hostileSite(HOSTILE_FEEDS);
  const byId = new Map(json.articles.map((article) => [article.id, article]));
  const feed = await readFile(join(outDir, 'feed.xml'), 'utf8');
  const field = (entry: string, name: string) => decodeReferences(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(entry)?.[1] ?? '');
  const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!);
  assert.equal(entries.length, json.articles.length);
  for (const entry of entries) {
    const id = /article:([0-9a-f]+)<\/id>/.exec(entry)?.[1] ?? '';
    const article = byId.get(id);
    assert.ok(article, id);
    assert.equal(field(entry, 'title'), article.title);
    assert.equal(field(entry, 'summary'), article.summary);
    assert.equal(field(entry, 'content'), article.text);
  }
  assert.ok(textOf(feed).includes('{{ 7*7 }}'));
});
