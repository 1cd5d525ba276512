import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { plainText } from '../../src/search/plain.ts';
import type { PublicJson } from '../../src/site/public-json.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { HOSTILE_FEEDS, HOSTILE_QUERIES, TYPESET_TEXT } from './cases.ts';
import { hostileSite } from './hostile-site.ts';
import { outputFiles } from './site-scan.ts';

let browser: Browser;
let server: StaticServer;
let json: PublicJson;
let pagePaths: string[];

before(async () => {
  browser = await launchBrowser();
  const site = await hostileSite(HOSTILE_FEEDS);
  server = await serveStatic(site.outDir, '/');
  json = site.json;
  pagePaths = (await outputFiles(site.outDir, '.html')).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  /** Dialogs opened, console errors (a CSP refusal among them) and uncaught page errors. */
  incidents: string[];
}

async function watchedPage(): Promise<Watched> {
  const page = await browser.newPage();
  const incidents: string[] = [];
  page.on('dialog', (dialog) => {
    incidents.push(`${dialog.type()} dialog "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => incidents.push(`page error on ${page.url()}: ${error.message}`));
  return { page, incidents };
}

/** Anything in the live DOM that feed text could have smuggled in, and whether a payload ran. */
function domProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) problems.push('window.__pwned is set');
    for (const element of document.querySelectorAll('*')) {
      const name = element.tagName.toLowerCase();
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`<${name} ${attribute.name}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name) && /^\s*(?:javascript|data|vbscript):/i.test(attribute.value)) {
          problems.push(`<${name} ${attribute.name}="${attribute.value}">`);
        }
      }
      if (['img', 'iframe', 'object', 'embed', 'base', 'textarea', 'style', 'frame'].includes(name)) problems.push(`<${name}> element`);
      if (name === 'script' && !(element as HTMLScriptElement).src) problems.push('inline <script>');
      if (name === 'meta' && /refresh/i.test(element.getAttribute('http-equiv') ?? '')) problems.push('<meta http-equiv=refresh>');
    }
    return problems;
  });
}

// Each shows its title, summary and text as one run of text: no math is typeset in them.
const plainArticles = () => json.articles.filter((article) => article.text !== TYPESET_TEXT);

/** Where the page shows an article, the text the reader sees is the article's own, character for character. */
async function shownTextProblems(page: Page): Promise<string[]> {
  const articles = plainArticles().map(({ url, title, summary, text }) => ({ url, title, summary, text }));
  // No named helper inside: tsx would wrap it in a `__name` call that the page does not define.
  return page.evaluate((list) => {
    const checks: Array<[what: string, shown: string | null | undefined, wanted: string]> = [];
    for (const article of list) {
      for (const link of document.querySelectorAll<HTMLAnchorElement>(`main a[href="${article.url}"]`)) {
        const label = link.querySelector('.prev-next-label')?.textContent ?? '';
        checks.push([`link to ${article.url}`, link.textContent?.slice(label.length), article.title]);
        const card = link.closest('.card');
        if (card !== null) checks.push([`card of ${article.url}`, card.querySelector('.card-summary')?.textContent, article.summary]);
      }
      if (location.pathname === article.url) {
        checks.push(['heading', document.querySelector('h1')?.textContent, article.title]);
        checks.push(['excerpt', document.querySelector('.excerpt')?.textContent, article.text]);
      }
    }
    return checks
      .filter(([, shown, wanted]) => shown !== wanted)
      .map(([what, shown, wanted]) => `${what}: shows ${JSON.stringify(shown)}, not ${JSON.stringify(wanted)}`);
  }, articles);
}

test('no page built from the hostile folder runs a payload, opens a dialog, holds an element from feed text or alters its text', async () => {
  const { page, incidents } = await watchedPage();
  const problems: string[] = [];
  const shownOn = new Map<string, number>();
  for (const path of pagePaths) {
    const response = await page.goto(`${server.origin}${path}`);
    assert.equal(response?.status(), 200, path);
    problems.push(...(await domProblems(page)).map((problem) => `${path}: ${problem}`));
    problems.push(...(await shownTextProblems(page)).map((problem) => `${path}: ${problem}`));
    for (const article of plainArticles()) {
      const listed = path === article.url || (await page.locator(`main a[href="${article.url}"]`).count()) > 0;
      if (listed) shownOn.set(article.id, (shownOn.get(article.id) ?? 0) + 1);
    }
  }
  await page.close();
  assert.ok(pagePaths.length >= 40, `${pagePaths.length} pages`);
  assert.deepEqual([...problems, ...incidents], []);
  // Its own page, its drop's page and its topic page at least: the text checks ran on each.
  for (const article of plainArticles()) assert.ok((shownOn.get(article.id) ?? 0) >= 3, `${article.id} is on ${shownOn.get(article.id)} pages`);
});

/** Waits until the search page has answered the query it shows, then returns the result titles by URL. */
async function answered(page: Page, query: string): Promise<Array<{ url: string; title: string; snippetTags: string[] }>> {
  await page.waitForFunction(
    (expected) => {
      const results = document.getElementById('results');
      const input = document.getElementById('search-input') as HTMLInputElement | null;
      return input?.value === expected && (results?.dataset['state'] === 'ready' || results?.dataset['state'] === 'error');
    },
    query,
  );
  assert.equal(await page.locator('#results').getAttribute('data-state'), 'ready', `search for ${query} failed`);
  await page.waitForFunction((expected) => document.getElementById('search-status')?.textContent?.includes(expected.trim()) === true, query);
  return page.$$eval('#results .search-result', (items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('a.search-result-link');
      return {
        url: link?.getAttribute('href') ?? '',
        title: link?.textContent ?? '',
        snippetTags: [...item.querySelectorAll('.search-snippet *')].map((element) => element.tagName.toLowerCase()),
      };
    }),
  );
}

async function assertSearchShowsText(page: Page, query: string, how: string): Promise<void> {
  const results = await answered(page, query);
  // Results may show titles as the search index keeps them: NFKC-folded, formulas as ⋯.
  const titles = new Map(json.articles.map((article) => [article.url, [article.title, plainText(article.title)]]));
  for (const result of results) {
    assert.ok(titles.get(result.url)?.includes(result.title), `${how} ${query}: result title ${JSON.stringify(result.title)} is the article's, as text`);
    assert.ok(result.snippetTags.every((tag) => tag === 'mark'), `${how} ${query}: snippet holds only text and <mark>`);
  }
  assert.ok((await page.title()).includes(query.trim()), `${how} ${query}: the page title names the query as text`);
  assert.deepEqual(await domProblems(page), [], `${how} ${query}`);
}

test('hostile queries in ?q= are shown as text in the box, the status and the results, and never run', async () => {
  const { page, incidents } = await watchedPage();
  for (const query of HOSTILE_QUERIES) {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await assertSearchShowsText(page, query, '?q=');
  }
  await page.close();
  assert.deepEqual(incidents, []);
});

test('hostile queries typed into the search box are shown as text, kept in the URL, and never run', async () => {
  const { page, incidents } = await watchedPage();
  await page.goto(`${server.origin}/search/`);
  for (const query of HOSTILE_QUERIES) {
    await page.fill('#search-input', query);
    await assertSearchShowsText(page, query, 'typed');
    assert.equal(new URL(page.url()).searchParams.get('q'), query);
  }
  await page.close();
  assert.deepEqual(incidents, []);
});

test('search finds the template article and lists it with its template syntax as the title, as text', async () => {
  const { page, incidents } = await watchedPage();
  const template = json.articles.find((article) => article.text.startsWith('{{ 7*7 }}'))!;
  await page.goto(`${server.origin}/`);
  await page.fill('#site-search', '模板表达式不求值');
  await page.press('#site-search', 'Enter');
  const results = await answered(page, '模板表达式不求值');
  const shown = results.find((result) => result.url === template.url);
  assert.ok(shown && [template.title, plainText(template.title)].includes(shown.title), JSON.stringify(results));
  assert.ok(template.title.includes('{{ 7*7 }}'));
  await page.close();
  assert.deepEqual(incidents, []);
});
