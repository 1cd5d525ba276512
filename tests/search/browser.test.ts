// The search page in Chromium, against the seed site built by the real CLI. One browser for the
// file; each test reuses one page where it can.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { scratchFolder } from '../support/scratch.ts';

const SEEDS = join(PROJECT, 'feeds');
const HOSTILE_LINE =
  '💡 安全测试 <script>window.__pwned = 1</script> 注意力机制的转义检查,<img src=x onerror="window.__pwned = 2"> 以及 {{ 7*7 }} 模板注入,这篇摘录检验搜索结果把文字当作文字显示。';

/** The seeds plus one drop of hostile text, for the build under a base path. */
async function hostileFeeds(): Promise<string> {
  const dir = scratchFolder('search-feeds-');
  for (const file of await readdir(SEEDS)) await copyFile(join(SEEDS, file), join(dir, file));
  await writeFile(join(dir, '999_hostile.txt'), `INCOMING TRANSMISSION\n\nLATEST UPDATES\n${HOSTILE_LINE}\n`);
  return dir;
}

interface PublicArticle {
  url: string;
  title: string;
  topics: string[];
}

let browser: Browser;
let root: StaticServer;
let digest: StaticServer;
let articles: PublicArticle[];
let page: Page;
const dialogs: string[] = [];

before(async () => {
  const [plain, based] = await Promise.all([buildSite(SEEDS, '/'), hostileFeeds().then((feeds) => buildSite(feeds, '/digest/'))]);
  articles = (JSON.parse(await readFile(join(plain.outDir, 'articles.json'), 'utf8')) as { articles: PublicArticle[] }).articles;
  [root, digest, browser] = await Promise.all([serveStatic(plain.outDir, '/'), serveStatic(based.outDir, '/digest/'), launchBrowser()]);
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([root?.close(), digest?.close()]);
});

/** Waits until #results shows the search for exactly this query and these topics. */
async function resultsFor(target: Page, query: string, topics: string[] = []): Promise<void> {
  await target.waitForFunction(
    ([q, t]) => {
      const results = document.getElementById('results');
      return results?.dataset['state'] === 'ready' && results.dataset['query'] === q && results.dataset['topics'] === t;
    },
    [query, topics.join(' ')] as const,
  );
}

async function search(query: string, topics: string[] = []): Promise<string[]> {
  await page.fill('#search-input', query);
  await resultsFor(page, query, topics);
  return page.locator('#results .search-result-link').allTextContents();
}

/** Results per page, as the client shows them. */
const PAGE = 10;
const inTopic = (topic: string) => articles.filter((article) => (topic === 'other' ? article.topics.length === 0 : article.topics.includes(topic)));
const shownUrls = () => page.locator('#results .search-result-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));

test('every kind of query shows linked results with the match highlighted', async () => {
  await page.goto(`${root.origin}/search/`);
  const cases: [query: string, firstTitle: RegExp, marked: RegExp][] = [
    ['扩散', /./, /扩散|diffusion/i],
    ['强化学习', /./, /强化学习|reinforcement/i],
    ['策略梯度', /ActorCritic|TRPO/, /策略梯度/],
    ['感受野', /RF/, /感受野/],
    ['softmax', /Softmax/, /softmax/i],
    // Transformer names the attention topic; one tagged seed spells it Transfomer, which the typo correction marks.
    ['Transformer', /Transformer/, /transfor?mer/i],
    ['ViT 分类', /ViT/, /vit|分类/i],
    ['tranformer', /Transfor?mer/i, /transfor?mer/i],
    ['注意力', /Attention/, /注意力|attention/i],
  ];
  for (const [query, firstTitle, marked] of cases) {
    const titles = await search(query);
    assert.ok(titles.length > 0, `${query} finds something`);
    assert.match(titles[0]!, firstTitle, `${query}: first result`);
    const first = page.locator('#results .search-result').first();
    assert.match((await first.locator('a').getAttribute('href'))!, /^\/articles\/[0-9a-f]+\/$/);
    assert.ok((await first.locator('.chip').count()) > 0, `${query}: topic chips`);
    for (const mark of await page.locator('#results mark').allTextContents()) assert.match(mark, marked, `${query}: <mark>${mark}</mark>`);
    assert.ok((await page.locator('#results mark').count()) > 0, `${query}: something is highlighted`);
  }
  // Typed key by key, the results follow, and the count is announced once typing pauses.
  await page.fill('#search-input', '');
  await page.locator('#search-input').pressSequentially('Swin');
  await resultsFor(page, 'Swin');
  assert.match((await page.locator('#results .search-result-link').first().textContent())!, /Swin/);
  await page.waitForFunction(() => /找到 \d+ 篇与“Swin”相关的文章/.test(document.getElementById('search-status')?.textContent ?? ''));
  assert.equal(await page.locator('#search-status').getAttribute('aria-live'), 'polite');
  assert.deepEqual(await search('Math'), [], 'placeholders never match');
});

test('topic chips list a topic alone and narrow a query', async () => {
  await page.goto(`${root.origin}/search/`);
  const chip = (id: string) => page.locator(`#search-topics button[data-topic="${id}"]`);
  await chip('rl').click();
  await resultsFor(page, '', ['rl']);
  assert.equal(await chip('rl').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#results').getAttribute('data-count'), String(inTopic('rl').length));
  assert.deepEqual(await shownUrls(), inTopic('rl').slice(0, PAGE).map((article) => article.url), 'newest first');

  await chip('rl').click();
  await chip('vision').click();
  await search('Transformer', ['vision']);
  const narrowed = await shownUrls();
  const vision = inTopic('vision').map((article) => article.url);
  assert.ok(narrowed.length > 0 && narrowed.every((url) => vision.includes(url)), narrowed.join(' '));
  await chip('vision').click();
  await resultsFor(page, 'Transformer');
  assert.ok((await shownUrls()).some((url) => !vision.includes(url)), 'without the chip, other topics return');

  await page.fill('#search-input', '');
  await chip('other').click();
  await resultsFor(page, '', ['other']);
  const other = inTopic('other').map((article) => article.url);
  assert.deepEqual(await shownUrls(), other.slice(0, PAGE));
  for (const chips of await page.locator('#results .search-result .chips').allTextContents()) assert.match(chips, /其他/);
  assert.ok(other.length > PAGE && other.length <= 2 * PAGE, 'the seeds have a second page of untagged articles');
  await page.click('#search-more');
  await page.waitForFunction((total) => document.querySelectorAll('#results .search-result').length === total, other.length);
  assert.deepEqual(await shownUrls(), other, 'show more continues the list');
  assert.equal(await page.locator('#search-more').isVisible(), false, 'nothing left to show');
});

test('the URL holds the search: it renders on load, and Back and Forward restore it', async () => {
  await page.goto(`${root.origin}/search/?q=${encodeURIComponent('扩散')}&topic=diffusion`);
  await resultsFor(page, '扩散', ['diffusion']);
  assert.equal(await page.inputValue('#search-input'), '扩散');
  assert.equal(await page.getAttribute('#search-topics [data-topic="diffusion"]', 'aria-pressed'), 'true');

  await page.click('#search-topics [data-topic="attention"]');
  await resultsFor(page, '扩散', ['attention', 'diffusion']);
  await search('Transformer', ['attention', 'diffusion']);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'Transformer');
  assert.deepEqual(url.searchParams.getAll('topic'), ['attention', 'diffusion']);

  await page.goBack();
  await resultsFor(page, '扩散', ['diffusion']);
  assert.equal(await page.inputValue('#search-input'), '扩散');
  assert.equal(await page.getAttribute('#search-topics [data-topic="attention"]', 'aria-pressed'), 'false');
  await page.goForward();
  await resultsFor(page, 'Transformer', ['attention', 'diffusion']);
  assert.equal(await page.inputValue('#search-input'), 'Transformer');
});

test('keyboard: / focuses the box, arrows move through results, Enter opens one', async () => {
  await page.goto(`${root.origin}/`);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');

  await page.goto(`${root.origin}/search/`);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.type('Transformer');
  await resultsFor(page, 'Transformer');
  const links = await page.locator('#results .search-result-link').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href));
  const focused = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? document.activeElement?.id);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), links[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), links[1]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL(links[1]!), page.keyboard.press('Enter')]);
  assert.ok((await page.locator('h1').count()) > 0);
});

test('hostile text, typed, in the URL or in an article, shows as text and runs nothing', async () => {
  const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '{{ 7*7 }}'];
  for (const query of hostile) {
    await page.goto(`${digest.origin}/digest/search/?q=${encodeURIComponent(query)}`);
    await resultsFor(page, query);
    await page.waitForFunction((q) => (document.getElementById('search-status')?.textContent ?? '').includes(q), query);
    await search(`${query} 注意力`);
  }
  await search('安全测试');
  const result = page.locator('#results .search-result').first();
  assert.match((await result.textContent())!, /<script>window.__pwned = 1<\/script>|\{\{ 7\*7 \}\}|<img src=x/);
  assert.equal(await page.locator('main img, main script, #results iframe').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(dialogs, []);
});

test('under a base path every fetch and link stays inside it', async () => {
  const responses: { url: string; status: number }[] = [];
  const record = (response: { url(): string; status(): number }) => responses.push({ url: response.url(), status: response.status() });
  page.on('response', record);
  await page.goto(`${digest.origin}/digest/search/?q=Transformer`);
  await resultsFor(page, 'Transformer');
  page.off('response', record);
  const hrefs = await page.locator('#results .search-result-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((href) => href?.startsWith('/digest/articles/')), hrefs.join(' '));
  const index = responses.filter((response) => response.url.includes('/search/index/'));
  assert.ok(index.length >= 3, 'manifest, chunks and records were fetched');
  for (const response of responses) {
    assert.ok(new URL(response.url).pathname.startsWith('/digest/'), response.url);
    assert.equal(response.status, 200, response.url);
  }
  await Promise.all([page.waitForURL(`${digest.origin}${hrefs[0]}`), page.locator('#results .search-result-link').first().click()]);
  assert.ok((await page.locator('article, main h1').count()) > 0);
});

test('without JavaScript the page says so and points to the topic pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${root.origin}/search/`);
  assert.equal(await noScript.locator('#search').isVisible(), false);
  assert.match((await noScript.locator('main').textContent())!, /搜索需要 JavaScript/);
  const topicLinks = await noScript.locator('main a[href^="/topics/"]').count();
  assert.ok(topicLinks >= 4, `${topicLinks} topic links`);
  await context.close();
});
