import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FEEDS } from '../seeds.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
const servers: StaticServer[] = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(base: string): Promise<string> {
  const { outDir } = await buildSite(FEEDS, base);
  const server = await serveStatic(outDir, base);
  servers.push(server);
  return `${server.origin}${base}`;
}

/** Every page reachable from the home page by internal links, with what went wrong on each. */
async function crawl(page: Page, start: string): Promise<{ visited: string[]; problems: string[] }> {
  const origin = new URL(start).origin;
  const queue = [start];
  const seen = new Set(queue);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()} (from ${page.url()})`);
  });
  while (queue.length > 0) {
    const url = queue.shift()!;
    const isPage = url.endsWith('/') || url.endsWith('.html');
    // Only pages are opened in the tab; feeds, styles and scripts are fetched, so the browser
    // never shows a bare file (and asks the host root for a favicon outside the base).
    const response = isPage ? await page.goto(url) : await page.request.get(url);
    if (!response || response.status() !== 200) {
      problems.push(`${response?.status()} for ${url}`);
      continue;
    }
    if (!isPage) continue;
    const links = await page.$$eval('a[href], link[href], script[src]', (elements) =>
      elements.map((element) => (element as HTMLAnchorElement).href || (element as HTMLScriptElement).src),
    );
    for (const link of links) {
      const target = new URL(link);
      target.hash = '';
      target.search = '';
      if (target.origin !== origin || !target.href.startsWith(start)) {
        if (target.origin === origin) problems.push(`link outside the base on ${url}: ${link}`);
        continue;
      }
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push(target.href);
      }
    }
  }
  return { visited: [...seen], problems };
}

for (const base of ['/', '/digest/']) {
  test(`every internal link from the home page resolves, with no console error, under ${base}`, async () => {
    const start = await serve(base);
    const page = await browser.newPage();
    const { visited, problems } = await crawl(page, start);
    await page.close();
    assert.deepEqual(problems, []);
    const paths = visited.map((url) => new URL(url).pathname.slice(base.length - 1));
    for (const kind of ['/articles/', '/topics/attention/', '/topics/other/', '/drops/', '/search/', '/feed.xml', '/topics/rl/feed.xml']) {
      assert.ok(paths.some((path) => path.startsWith(kind)), `crawl reached ${kind}`);
    }
    assert.ok(paths.filter((path) => path.startsWith('/articles/')).length >= 39);
  });
}

async function pageTypes(start: string): Promise<Record<string, string>> {
  const { outDir } = await buildSite(FEEDS, '/');
  const json = JSON.parse(await readFile(`${outDir}/articles.json`, 'utf8')) as { articles: { id: string; math: { placeholders: number; tex: number } }[]; drops: { id: string }[] };
  const withMath = json.articles.find((article) => article.math.placeholders > 0 && article.math.tex > 0) ?? json.articles[0]!;
  return {
    home: start,
    article: `${start}articles/${withMath.id}/`,
    topic: `${start}topics/attention/`,
    other: `${start}topics/other/`,
    drop: `${start}drops/${json.drops[1]!.id}/`,
    drops: `${start}drops/`,
    search: `${start}search/`,
    notFound: `${start}404.html`,
  };
}

test('axe-core finds no serious or critical violation on any page type, light or dark', async () => {
  const start = await serve('/');
  const axeSource = await readFile(AXE_SOURCE, 'utf8');
  const violations: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    // bypassCSP lets the test inject axe; the pages themselves forbid inline script.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    for (const [kind, url] of Object.entries(await pageTypes(start))) {
      await page.goto(url);
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      violations.push(...found.map((v) => `${colorScheme} ${kind}: ${v}`));
    }
    await context.close();
  }
  assert.deepEqual(violations, []);
});

test('no page type scrolls sideways at 375 px or 360 px, in light or dark mode', async () => {
  const start = await serve('/');
  const overflowing: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [375, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
      for (const [kind, url] of Object.entries(await pageTypes(start))) {
        await page.goto(url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) overflowing.push(`${colorScheme} ${width}px ${kind}: ${overflow}px`);
      }
      await page.close();
    }
  }
  assert.deepEqual(overflowing, []);
});

test('every Atom feed parses as Atom with entries newest drop first', async () => {
  const start = await serve('/');
  const page = await browser.newPage();
  for (const path of ['feed.xml', 'topics/attention/feed.xml', 'topics/diffusion/feed.xml', 'topics/rl/feed.xml', 'topics/vision/feed.xml']) {
    const response = await page.goto(`${start}${path}`);
    const xml = await response!.text();
    const summary = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        ns: root.namespaceURI,
        entries: root.getElementsByTagName('entry').length,
        updated: [...root.getElementsByTagName('entry')].map((entry) => entry.getElementsByTagName('updated')[0]?.textContent ?? ''),
      };
    }, xml);
    assert.equal(summary.error, 0, path);
    assert.equal(summary.root, 'feed', path);
    assert.equal(summary.ns, 'http://www.w3.org/2005/Atom', path);
    assert.ok(summary.entries > 0, path);
    assert.deepEqual(summary.updated, [...summary.updated].sort().reverse(), `${path} newest first`);
  }
  await page.close();
});
