import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishedArticle } from '../../src/model.ts';
import { OTHER_TOPIC } from '../../src/topics/index.ts';
import { paginate, type TopicPage, type TopicView } from '../../src/site/views.ts';

/** A topic of `count` articles, newest first as the digest lists them; article i arrived i-th. */
function topicOf(count: number): TopicView {
  const articles = Array.from({ length: count }, (_, index) => ({ id: `a${count - index}` }) as PublishedArticle);
  return { ...OTHER_TOPIC, articles, trend: [] };
}

const ids = (page: TopicPage): string[] => page.articles.map((article) => article.id);

test('a topic that fits one page has only its front page', () => {
  const pages = paginate(topicOf(7), 10);
  assert.equal(pages.length, 1);
  assert.deepEqual(ids(pages[0]!), ['a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
  assert.equal(pages[0]!.older, null);
});

test('archive pages fill oldest first and keep their articles and links as newer ones arrive', () => {
  const before = paginate(topicOf(34), 10);
  const after = paginate(topicOf(57), 10);
  assert.deepEqual(before.map((page) => page.path), ['/topics/other/', ...[1, 2, 3, 4].map((k) => `/topics/other/page/${k}/`)]);
  assert.deepEqual(ids(before[1]!), ['a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
  assert.deepEqual(ids(before[4]!), ['a34', 'a33', 'a32', 'a31'], 'only the newest archive page is partial');
  for (const k of [1, 2, 3]) {
    const { topic: _a, ...was } = before[k]!;
    const { topic: _b, ...now } = after[k]!;
    assert.deepEqual(now, was, `archive page ${k} is unchanged`);
  }
  assert.deepEqual(ids(after[0]!), Array.from({ length: 10 }, (_, i) => `a${57 - i}`), 'the front page shows the newest');
  assert.equal(after[0]!.older, '/topics/other/page/5/', 'the front page leads to the archive page after its own articles');
});

test('every article is on exactly one archive page, and newer/older links chain the pages', () => {
  for (const count of [11, 20, 21, 99]) {
    const [front, ...archive] = paginate(topicOf(count), 10);
    assert.deepEqual(archive.flatMap(ids).sort(), topicOf(count).articles.map((article) => article.id).sort(), `${count}`);
    archive.forEach((page, index) => {
      assert.equal(page.older, index === 0 ? null : archive[index - 1]!.path);
      assert.equal(page.newer, index === archive.length - 1 ? front!.path : archive[index + 1]!.path);
      assert.equal(page.last - page.first + 1, page.articles.length);
    });
  }
});
