// The reader's features in Chromium, on sites built by the real CLI: new marks across visits,
// mark all read, saved lists and shared links, highlighted and muted words, /popular/, blocked
// storage, the keys, and the trend charts' figures, each checked against articles.json.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS, SEED_DROPS } from '../seeds.ts';
import { CHROMIUM, launchBrowser } from '../support/browser.ts';
import { buildSite, runDigest } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { scratchFolder } from '../support/scratch.ts';

type PublicArticle = PublicJson['articles'][number];

let browser: Browser;
let seeds: StaticServer;
let json: PublicJson;
const servers: StaticServer[] = [];

const readJson = async (outDir: string): Promise<PublicJson> => JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;

before(async () => {
  const [site, launched] = await Promise.all([buildSite(FEEDS), launchBrowser()]);
  browser = launched;
  json = await readJson(site.outDir);
  seeds = await serveStatic(site.outDir, '/');
  servers.push(seeds);
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

/** A page whose console errors and uncaught exceptions are collected. */
async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return { page, problems };
}

/** Ids of the cards on the page that carry a 新 mark, and of all cards, in order. */
const cardIds = (page: Page, selector = '.card') =>
  page.locator(selector).evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['id']!));
const markedIds = (page: Page) => cardIds(page, '.card:has(> .card-flags > .new-mark)');
const dropNumber = (data: PublicJson, dropId: string) => data.drops.findIndex((drop) => drop.id === dropId) + 1;
const idsFirstSeenIn = (data: PublicJson, dropIds: string[], shown: string[]) =>
  shown.filter((id) => dropIds.includes(data.articles.find((article) => article.id === id)!.firstDrop));

test('new marks across two visits: the latest drop on the first, only the drop that arrived on the second', async () => {
  // One origin for both builds, as for a real reader: the CLI swaps the new release in under --out.
  const feeds = scratchFolder('reader-feeds-');
  for (const id of SEED_DROPS.slice(0, 4)) await copyFile(join(FEEDS, `${id}.txt`), join(feeds, `${id}.txt`));
  const out = join(scratchFolder('reader-site-'), 'site');
  await runDigest(['build', '--feeds', feeds, '--out', out, '--cache', '']);
  const four = await readJson(out);
  const server = await serveStatic(out, '/');
  servers.push(server);

  const context = await browser.newContext();
  const start = Date.parse('2026-11-24T08:00:00Z');
  await context.clock.setFixedTime(start);
  const { page, problems } = await watched(context);

  // First visit, four drops: the latest drop's new articles are new, nothing else.
  await page.goto(`${server.origin}/`);
  const latest = four.drops[3]!.id;
  const homeCards = await cardIds(page);
  assert.ok(homeCards.length > 3);
  assert.deepEqual(await markedIds(page), idsFirstSeenIn(four, [latest], homeCards));
  assert.ok((await markedIds(page)).length > 0);
  assert.equal(await page.locator('#visit .visit-count').textContent(), `自上次来访,新增 ${four.drops[3]!.newArticles} 篇文章`);
  await page.goto(`${server.origin}/topics/attention/`);
  assert.deepEqual(await markedIds(page), idsFirstSeenIn(four, [latest], await cardIds(page)));
  await page.goto(`${server.origin}/drops/`);
  assert.deepEqual(await page.locator('.drop-index > li:has(.new-mark)').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['drop'])), ['4']);

  // Still the same visit ten minutes later, after reading an article: the marks stay.
  await context.clock.setFixedTime(start + 10 * 60 * 1000);
  await page.goto(`${server.origin}/articles/${homeCards[0]}/`);
  await page.goto(`${server.origin}/`);
  assert.deepEqual(await markedIds(page), idsFirstSeenIn(four, [latest], homeCards));

  // Drop 5 arrives; the reader comes back the next day.
  await copyFile(join(FEEDS, `${SEED_DROPS[4]}.txt`), join(feeds, `${SEED_DROPS[4]}.txt`));
  await runDigest(['build', '--feeds', feeds, '--out', out, '--cache', '']);
  const five = await readJson(out);
  await context.clock.setFixedTime(start + 24 * 60 * 60 * 1000);
  await page.goto(`${server.origin}/`);
  const newest = five.drops[4]!.id;
  const cards = await cardIds(page);
  const marked = await markedIds(page);
  assert.deepEqual(marked, idsFirstSeenIn(five, [newest], cards));
  assert.equal(new Set(marked).size, five.drops[4]!.newArticles, 'the home page shows every article of the new drop');
  assert.deepEqual(idsFirstSeenIn(five, [latest], marked), [], 'drop 4 was seen on the first visit');
  assert.equal(await page.locator('#visit .visit-count').textContent(), `自上次来访,新增 ${five.drops[4]!.newArticles} 篇文章`);
  for (const topic of ['attention', 'diffusion', 'rl', 'vision', 'other']) {
    await page.goto(`${server.origin}/topics/${topic}/`);
    assert.deepEqual(await markedIds(page), idsFirstSeenIn(five, [newest], await cardIds(page)), topic);
  }

  // Mark all read clears every mark, here and on the next page.
  await page.goto(`${server.origin}/`);
  await page.click('#visit .visit-all-read');
  assert.equal(await page.locator('.new-mark').count(), 0);
  assert.equal(await page.locator('#visit .visit-count').textContent(), '自上次来访以来没有新文章');
  assert.equal(await page.locator('#visit button').count(), 0);
  await page.goto(`${server.origin}/topics/diffusion/`);
  assert.equal(await page.locator('.new-mark').count(), 0);
  await page.goto(`${server.origin}/drops/`);
  assert.equal(await page.locator('.new-mark').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The title a card shows, as articles.json has it when the title holds no formula. */
const plainTitled = (ids: string[]) => ids.filter((id) => !/\\|\[|\$|_/.test(json.articles.find((article) => article.id === id)!.title));

test('saving from cards and an article page, the /saved/ page, and its link opened in a fresh browser', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watched(context);
  await page.goto(`${seeds.origin}/`);
  const [first, second, third] = plainTitled(await cardIds(page));
  assert.ok(first && second && third);
  await page.click(`.card[data-id="${first}"] > .star`);
  await page.click(`.card[data-id="${second}"] > .star`);
  assert.equal(await page.getAttribute(`.card[data-id="${first}"] > .star`, 'aria-pressed'), 'true');
  await page.goto(`${seeds.origin}/articles/${third}/`);
  await page.click('.article-header .star');
  assert.equal(await page.getAttribute('.article-header .star', 'aria-pressed'), 'true');

  // A star is saved state: other pages show it pressed.
  await page.goto(`${seeds.origin}/popular/`);
  assert.equal(await page.getAttribute(`.card[data-id="${first}"] > .star`, 'aria-pressed'), 'true');

  await page.goto(`${seeds.origin}/saved/`);
  const saved = [third, second, first];
  assert.deepEqual(await cardIds(page, '#saved-list .card'), saved, 'newest saved first');
  const titleOf = (id: string) => json.articles.find((article) => article.id === id)!.title;
  assert.deepEqual(await page.locator('#saved-list .card-title').allTextContents(), saved.map(titleOf));
  assert.deepEqual(
    await page.locator('#saved-list .card-title a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname)),
    saved.map((id) => `/articles/${id}/`),
  );
  assert.equal(await page.locator('#saved-count').textContent(), '共 3 篇。');
  const firstSeen = (id: string) => {
    const drop = json.articles.find((article) => article.id === id)!.firstDrop;
    return `首次出现于 ${json.drops.find((d) => d.id === drop)!.date.slice(0, 10)}(第 ${dropNumber(json, drop)} 次传输)`;
  };
  assert.deepEqual(await page.locator('#saved-list .card-meta').allTextContents(), saved.map(firstSeen));
  const share = await page.getAttribute('#saved-share', 'href');
  assert.equal(share, `${seeds.origin}/saved/#ids=${saved.join(',')}`);

  // Unsaving on the page updates the link.
  await page.click(`#saved-list .card[data-id="${second}"] > .star`);
  assert.equal(await page.getAttribute('#saved-share', 'href'), `${seeds.origin}/saved/#ids=${third},${first}`);
  await page.click(`#saved-list .card[data-id="${second}"] > .star`);
  const link = (await page.getAttribute('#saved-share', 'href'))!;

  // A saved title from an older build is refreshed when the reader sees the article's card again.
  await page.evaluate((id) => {
    const list = JSON.parse(localStorage.getItem('td:/:saved')!) as { id: string; title: string }[];
    localStorage.setItem('td:/:saved', JSON.stringify(list.map((item) => (item.id === id ? { ...item, title: '旧标题' } : item))));
  }, first);
  await page.reload();
  assert.ok((await page.locator('#saved-list .card-title').allTextContents()).includes('旧标题'));
  await page.goto(`${seeds.origin}/`);
  await page.goto(`${seeds.origin}/saved/`);
  assert.deepEqual(await page.locator('#saved-list .card-title').allTextContents(), [second, third, first].map(titleOf));
  assert.deepEqual(problems, []);
  await context.close();

  // Another device: a fresh context with empty storage opens the link.
  const other = await browser.newContext();
  const { page: phone, problems: phoneProblems } = await watched(other);
  await phone.goto(link);
  await phone.waitForSelector('#saved-shared-list .card');
  const shared = await cardIds(phone, '#saved-shared-list .card');
  assert.deepEqual(new Set(shared), new Set(saved));
  assert.deepEqual(await phone.locator('#saved-shared-list .card-title').allTextContents(), shared.map(titleOf));
  assert.deepEqual(await phone.locator('#saved-shared-list .card-meta').allTextContents(), shared.map(firstSeen));
  assert.match((await phone.locator('#saved-shared-status').textContent())!, /分享的列表有 3 篇文章/);
  assert.deepEqual(await cardIds(phone, '#saved-list .card'), []);
  await phone.click('#saved-import');
  assert.deepEqual(new Set(await cardIds(phone, '#saved-list .card')), new Set(saved));
  await phone.goto(`${seeds.origin}/saved/`);
  assert.deepEqual(new Set(await cardIds(phone, '#saved-list .card')), new Set(saved), 'the imported list is kept');
  await phone.goto(`${seeds.origin}/`);
  assert.equal(await phone.getAttribute(`.card[data-id="${first}"] > .star`, 'aria-pressed'), 'true');
  assert.deepEqual(phoneProblems, []);
  await other.close();
});

test('a highlighted word marks cards and a muted word folds them into one line that opens again', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watched(context);
  await page.goto(`${seeds.origin}/saved/`);
  await page.fill('#words-highlight', '扩散');
  await page.fill('#words-mute', 'TRANSFORMER');
  await page.click('#words-form button[type="submit"]');
  await page.waitForFunction(() => (document.getElementById('words-status')?.textContent ?? '') !== '');

  await page.goto(`${seeds.origin}/`);
  const holds = (article: PublicArticle, pattern: RegExp) => pattern.test(`${article.title} ${article.summary}`);
  const byId = new Map(json.articles.map((article) => [article.id, article]));
  const lists = page.locator('main .cards');
  let folded = 0;
  let highlighted = 0;
  for (let index = 0; index < (await lists.count()); index++) {
    const list = lists.nth(index);
    const ids = await list.locator('.card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['id']!));
    const muted = ids.filter((id) => holds(byId.get(id)!, /transformer/i));
    const marked = ids.filter((id) => !muted.includes(id) && holds(byId.get(id)!, /扩散/));
    const hidden = await list.locator('.card[hidden]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['id']!));
    assert.deepEqual(hidden, muted);
    assert.deepEqual(await list.locator('.card:has(.word-mark)').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['id']!)), marked);
    for (const id of marked) assert.equal(await list.locator(`.card[data-id="${id}"] .word-mark`).textContent(), '关注:扩散');
    highlighted += marked.length;
    const fold = list.locator('.muted-fold');
    if (muted.length === 0) {
      assert.equal(await fold.count(), 0);
      continue;
    }
    assert.equal(await fold.textContent(), `已隐藏 ${muted.length} 篇含“TRANSFORMER”的文章`);
    assert.equal(await fold.getAttribute('aria-expanded'), 'false');
    await fold.click();
    assert.equal(await list.locator('.card[hidden]').count(), 0);
    await fold.click();
    assert.equal(await list.locator('.card[hidden]').count(), muted.length);
    folded += muted.length;
  }
  assert.ok(folded > 0, 'the seeds have Transformer cards on the home page');
  assert.ok(highlighted > 0, 'and 扩散 cards');
  assert.deepEqual(problems, []);
  await context.close();
});

test('/popular/ ranks by drops carried, then the latest sighting, as articles.json says', async () => {
  const page = await browser.newPage();
  await page.goto(`${seeds.origin}/`);
  await page.click('main a[href="/popular/"]');
  await page.waitForURL(`${seeds.origin}/popular/`);
  const latestSighting = (article: PublicArticle) => Math.max(...article.drops.map((drop) => dropNumber(json, drop)));
  const expected = json.articles
    .map((article, order) => ({ article, order }))
    .sort((a, b) => b.article.drops.length - a.article.drops.length || latestSighting(b.article) - latestSighting(a.article) || a.order - b.order)
    .slice(0, 100)
    .map(({ article }) => article.id);
  assert.deepEqual(await cardIds(page), expected);
  assert.ok(json.articles.find((article) => article.id === expected[0])!.drops.length > 1);
  await page.close();
});

test('with storage blocked there are no marks, no stars and no errors, and the page looks as without script', async () => {
  // Chromium's own "block all cookies" setting, which makes localStorage throw, as real readers have it.
  const profile = scratchFolder('reader-profile-');
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const blocked = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  // A persistent context is a browser of its own: it must close even when an assertion fails.
  try {
    const { page, problems } = await watched(blocked);
    const plain = await noScript.newPage();
    assert.match(await page.evaluate(() => { try { localStorage.getItem('x'); return 'allowed'; } catch (error) { return String(error); } }), /SecurityError/);
    for (const path of ['/', '/topics/attention/', '/drops/', '/popular/', `/articles/${json.articles[0]!.id}/`]) {
      await page.goto(`${seeds.origin}${path}`);
      await plain.goto(`${seeds.origin}${path}`);
      assert.equal(await page.locator('.new-mark, .star, .word-mark, .muted-fold').count(), 0, path);
      assert.equal(await page.locator('#visit:visible').count(), 0, path);
      for (const part of ['header.site-header', 'main']) {
        const [withScript, without] = await Promise.all([page.locator(part).screenshot(), plain.locator(part).screenshot()]);
        assert.ok(withScript.equals(without), `${path} ${part} looks the same as without script`);
      }
    }
    await page.goto(`${seeds.origin}/saved/`);
    assert.ok(await page.locator('#saved-blocked').isVisible());
    assert.equal(await page.locator('#words-form:visible, #saved-mine:visible').count(), 0);
    // The keys need no storage.
    await page.goto(`${seeds.origin}/`);
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['id']), await page.locator('.card').first().getAttribute('data-id'));
    assert.deepEqual(problems, []);
  } finally {
    await blocked.close();
    await noScript.close();
  }
});

test('keys: j and k move between cards with a focus ring, o and Enter open one, ? lists the keys, fields keep their letters', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watched(context);
  await page.goto(`${seeds.origin}/topics/rl/`);
  const ids = await cardIds(page);
  const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['id']);
  await page.keyboard.press('j');
  assert.equal(await focusedId(), ids[0]);
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: style.outlineWidth, visible: document.activeElement!.matches(':focus-visible') };
  });
  assert.deepEqual(ring, { style: 'solid', width: '3px', visible: true });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await focusedId(), ids[2]);
  await page.keyboard.press('k');
  assert.equal(await focusedId(), ids[1]);
  await Promise.all([page.waitForURL(`${seeds.origin}/articles/${ids[1]}/`), page.keyboard.press('o')]);
  await page.goBack();
  await page.keyboard.press('j');
  await Promise.all([page.waitForURL(`${seeds.origin}/articles/${ids[0]}/`), page.keyboard.press('Enter')]);

  // Search results are a list too, once the reader has left the box.
  await page.goto(`${seeds.origin}/search/?q=Transformer`);
  await page.locator('#results .search-result').nth(1).waitFor();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const second = await page.locator('#results .search-result-link').nth(1).getAttribute('href');
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector('a')?.getAttribute('href')), second);
  await Promise.all([page.waitForURL(`${seeds.origin}${second}`), page.keyboard.press('o')]);

  // Rows of a drop page and the drops list are items too.
  await page.goto(`${seeds.origin}/drops/`);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['drop']), String(json.drops.length - 1));

  await page.goto(`${seeds.origin}/`);
  await page.keyboard.press('?');
  const dialog = page.locator('dialog.keys-dialog');
  assert.ok(await dialog.isVisible());
  const listed = await dialog.locator('dt').allTextContents();
  for (const key of ['j', 'k', 'o / Enter', '/', '?']) assert.ok(listed.includes(key), key);
  await page.keyboard.press('j');
  assert.equal(await focusedId(), undefined, 'keys wait while the list of keys is open');
  await page.keyboard.press('Escape');
  assert.ok(!(await dialog.isVisible()));

  // Typing in a field: letters are letters.
  await page.keyboard.press('/');
  await page.keyboard.type('jk?o');
  assert.equal(await page.inputValue('#site-search'), 'jk?o');
  assert.ok(!(await dialog.isVisible()));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');

  const footer = await page.locator('.keys-hint').textContent();
  assert.match(footer!, /j.*k.*o.*Enter.*\/.*\?/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each trend chart reads, in its hidden table, the counts articles.json gives for its topic', async () => {
  const page = await browser.newPage();
  const inTopic = (article: PublicArticle, topic: string) => (topic === 'other' ? article.topics.length === 0 : (article.topics as string[]).includes(topic));
  const expected = (topic: string) =>
    json.drops.slice(-30).map((drop) => {
      const carried = json.articles.filter((article) => inTopic(article, topic) && article.drops.includes(drop.id));
      const fresh = carried.filter((article) => article.firstDrop === drop.id);
      return [`第 ${dropNumber(json, drop.id)} 次传输`, drop.date.slice(0, 10), String(carried.length), String(fresh.length)];
    });
  const tableRows = (scope: string) =>
    page.locator(`${scope} figure.trend tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
  for (const topic of ['attention', 'diffusion', 'rl', 'vision', 'other']) {
    await page.goto(`${seeds.origin}/topics/${topic}/`);
    assert.deepEqual(await tableRows('.topic-header'), expected(topic), topic);
    assert.equal(await page.locator('figure.trend svg[aria-hidden="true"]').count(), 1);
    assert.equal(await page.locator('figure.trend rect.trend-all').count(), expected(topic).filter((row) => row[2] !== '0').length);
    const box = await page.locator('figure.trend svg').boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `${topic}: the chart is drawn`);
  }
  await page.goto(`${seeds.origin}/`);
  for (const topic of ['attention', 'diffusion', 'rl', 'vision', 'other']) {
    assert.deepEqual(await tableRows(`section.topic-${topic}`), expected(topic), `home ${topic}`);
  }
  await page.close();
});
