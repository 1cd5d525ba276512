import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { PublishedArticle, TopicId } from '../../src/model.ts';
import { articlePath, dropPath, topicPath, type SiteModel, type TopicView } from '../../src/site/views.ts';
import { href, rendered } from './layout.ts';

export function topicView(site: SiteModel, id: TopicId | 'other'): TopicView {
  return site.topics.find((topic) => topic.id === id)!;
}

export function topicChip(site: SiteModel, id: TopicId | 'other'): ElementContent {
  const topic = topicView(site, id);
  return h(
    `a.chip.topic-${topic.id}`,
    { href: href(site.digest.base, topicPath(topic.id)), lang: 'zh-CN' },
    [topic.labelZh, h('span.chip-en', { lang: 'en' }, topic.labelEn)],
  );
}

export function topicChips(site: SiteModel, article: PublishedArticle): ElementContent {
  const ids = article.topics.length > 0 ? article.topics : (['other'] as const);
  return h('ul.chips', { 'aria-label': '主题' }, ids.map((id) => h('li', [topicChip(site, id)])));
}

export function dropLink(site: SiteModel, dropId: string): ElementContent {
  return h('a', { href: href(site.digest.base, dropPath(dropId)) }, dropLabel(site, dropId));
}

/** The day a drop arrived, as a `<time>` that carries the full instant. */
export function dropDay(site: SiteModel, dropId: string): ElementContent {
  const date = site.dropById.get(dropId)?.date;
  return date ? h('time', { dateTime: date.time }, date.day) : h('span', '日期不明');
}

/** Drops are numbered in arrival order: "第 3 次" reads better than a file hash. */
export function dropLabel(site: SiteModel, dropId: string): string {
  return `第 ${site.dropNumber.get(dropId) ?? '?'} 次传输`;
}

export function articleCard(site: SiteModel, article: PublishedArticle, headingLevel: 'h2' | 'h3' = 'h3'): ElementContent {
  // A card shows the same article on up to a dozen pages (topics, related, home): serialize it once.
  let cards = cardsBySite.get(site);
  if (!cards) cardsBySite.set(site, (cards = new Map()));
  const key = `${headingLevel}:${article.id}`;
  let html = cards.get(key);
  if (html === undefined) cards.set(key, (html = toHtml(cardTree(site, article, headingLevel), { allowDangerousHtml: true })));
  return rendered(html);
}

const cardsBySite = new WeakMap<SiteModel, Map<string, string>>();

function cardTree(site: SiteModel, article: PublishedArticle, headingLevel: 'h2' | 'h3'): ElementContent {
  const seen = article.drops.length;
  return h('article.card', { dataId: article.id, dataDrop: site.dropNumber.get(article.firstDrop) }, [
    h(`${headingLevel}.card-title`, [h('a', { href: href(site.digest.base, articlePath(article.id)) }, [rendered(article.titleHtml)])]),
    topicChips(site, article),
    h('p.card-summary', [rendered(article.summaryHtml)]),
    h('p.card-meta', [
      '首次出现于 ',
      dropDay(site, article.firstDrop),
      '(',
      dropLink(site, article.firstDrop),
      ')',
      seen > 1 ? ` · 共出现 ${seen} 次` : ' · 仅出现 1 次',
    ]),
  ]);
}

export function cardList(site: SiteModel, articles: readonly PublishedArticle[], headingLevel: 'h2' | 'h3' = 'h3'): ElementContent {
  return h('div.cards', articles.map((article) => articleCard(site, article, headingLevel)));
}

/** Links to the newer and the older page of a listing, around a label saying where the reader is. */
export function pager(site: SiteModel, label: string, newer: string | null, older: string | null): ElementContent[] {
  if (newer === null && older === null) return [];
  const base = site.digest.base;
  return [
    h('nav.pager', { 'aria-label': '分页' }, [
      newer !== null ? h('a', { href: href(base, newer), rel: 'prev' }, '← 较新') : h('span'),
      h('span', label),
      older !== null ? h('a', { href: href(base, older), rel: 'next' }, '较早 →') : h('span'),
    ]),
  ];
}
