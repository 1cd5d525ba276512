// The dev-set search queries in Chromium, against a site built from ../shared/devset/ by the real
// CLI: what the reader sees must reach the same R-precision and recall as the engine test.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Sighting } from '../../src/model.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { DEVSET, DEVSET_ABSENT } from '../seeds.ts';
import { devsetTest } from '../support/devset.ts';
import { devLabels, LITERAL_TERMS, rPrecision, R_PRECISION_TARGET, TOPIC_QUERIES } from './dev-queries.ts';

interface PublicArticle {
  url: string;
  title: string;
  text: string;
  keyTerms: string[];
  sightings: Sighting[];
}

let browser: Browser;
let server: StaticServer;
let page: Page;
let articles: PublicArticle[];

before(async () => {
  if (DEVSET_ABSENT) return;
  const site = await buildSite(DEVSET, '/');
  articles = (JSON.parse(await readFile(join(site.outDir, 'articles.json'), 'utf8')) as { articles: PublicArticle[] }).articles;
  [server, browser] = await Promise.all([serveStatic(site.outDir, '/'), launchBrowser()]);
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every result the page lists for the query, in order, pressing "show more" until at least `atLeast` are shown or none are left. */
async function rankedUrls(query: string, atLeast: number): Promise<string[]> {
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => {
    const results = document.getElementById('results');
    return results?.dataset['state'] === 'ready' && results.dataset['query'] === q;
  }, query);
  const shown = () => page.locator('#results .search-result').count();
  while ((await shown()) < atLeast && (await page.locator('#search-more').isVisible())) {
    const before = await shown();
    await page.click('#search-more');
    await page.waitForFunction((count) => document.querySelectorAll('#results .search-result').length > count, before);
  }
  return page.locator('#results .search-result-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
}

devsetTest('in the browser, each topic-name query on the dev set reaches its R-precision', async () => {
  const labelOf = devLabels();
  for (const { query, topic } of TOPIC_QUERIES) {
    const labelled = new Set(articles.filter((article) => (labelOf(article.sightings[0]!) as string[]).includes(topic)).map((article) => article.url));
    const precision = rPrecision(await rankedUrls(query, labelled.size), labelled);
    assert.ok(precision >= R_PRECISION_TARGET, `${query}: R-precision ${precision.toFixed(3)}, below ${R_PRECISION_TARGET}`);
  }
});

devsetTest('in the browser, each literal term on the dev set finds every article that holds it in its title or text', async () => {
  for (const term of LITERAL_TERMS) {
    const holding = articles.filter((article) => `${article.title}\n${article.text}`.normalize('NFKC').includes(term));
    assert.ok(holding.length > 0, `the dev set holds ${term}`);
    const urls = new Set(await rankedUrls(term, articles.length));
    for (const article of holding) assert.ok(urls.has(article.url), `${term} finds ${article.title}`);
  }
});
