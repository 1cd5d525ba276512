import type { Digest, DropReport, PublishedArticle, TopicId } from '../model.ts';
import { TOPICS } from '../topics/index.ts';

/** Past this many articles a topic page is split, so a phone never loads thousands of cards. */
export const TOPIC_PAGE_SIZE = 50;
const RELATED_COUNT = 5;

export const OTHER_TOPIC = {
  id: 'other',
  labelZh: '其他',
  labelEn: 'Other',
  colour: { light: '#4b5563', dark: '#d1d5db' },
} as const;

/** A topic as pages show it: the table's entry, or "other" for untagged articles. */
export interface TopicView {
  id: TopicId | 'other';
  labelZh: string;
  labelEn: string;
  colour: { light: string; dark: string };
  articles: PublishedArticle[];
}

export interface TopicPage {
  topic: TopicView;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  articles: PublishedArticle[];
  path: string;
}

export interface Neighbours {
  previous: PublishedArticle | null;
  next: PublishedArticle | null;
  related: PublishedArticle[];
}

export interface SiteModel {
  digest: Digest;
  topics: TopicView[];
  topicPages: TopicPage[];
  dropsNewestFirst: DropReport[];
  /** 1-based arrival number of each drop, for labels such as 第 3 次传输. */
  dropNumber: Map<string, number>;
  articleById: Map<string, PublishedArticle>;
  neighbours: Map<string, Neighbours>;
}

export const articlePath = (id: string): string => `/articles/${id}/`;
export const topicPath = (id: string, pageNumber = 1): string =>
  pageNumber === 1 ? `/topics/${id}/` : `/topics/${id}/page/${pageNumber}/`;
export const dropPath = (id: string): string => `/drops/${id}/`;

function paginate(topic: TopicView): TopicPage[] {
  const pageCount = Math.max(1, Math.ceil(topic.articles.length / TOPIC_PAGE_SIZE));
  return Array.from({ length: pageCount }, (_, index) => ({
    topic,
    pageNumber: index + 1,
    pageCount,
    articles: topic.articles.slice(index * TOPIC_PAGE_SIZE, (index + 1) * TOPIC_PAGE_SIZE),
    path: topicPath(topic.id, index + 1),
  }));
}

/**
 * Related articles: shared topics count most, shared key terms break ties. Candidates come only
 * from articles sharing a topic or a key term (an inverted index), so 10,000 articles do not
 * mean 10,000² comparisons.
 */
function relatedArticles(articles: readonly PublishedArticle[]): Map<string, PublishedArticle[]> {
  const keysOf = (article: PublishedArticle): string[] => [
    ...article.topics.map((topic) => `t:${topic}`),
    ...article.keyTerms.map((term) => `k:${term.toLowerCase()}`),
  ];
  const byKey = new Map<string, number[]>();
  articles.forEach((article, index) => {
    for (const key of keysOf(article)) {
      const holders = byKey.get(key);
      if (holders) holders.push(index);
      else byKey.set(key, [index]);
    }
  });
  const related = new Map<string, PublishedArticle[]>();
  articles.forEach((article, index) => {
    const scores = new Map<number, number>();
    for (const key of keysOf(article)) {
      const holders = byKey.get(key) ?? [];
      // A key held by most of the digest says little about relatedness and costs O(n) per article.
      if (holders.length > 500) continue;
      for (const other of holders) {
        if (other !== index) scores.set(other, (scores.get(other) ?? 0) + (key.startsWith('t:') ? 3 : 1));
      }
    }
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED_COUNT);
    related.set(article.id, best.map(([other]) => articles[other]!));
  });
  return related;
}

export function buildSiteModel(digest: Digest): SiteModel {
  const topics: TopicView[] = TOPICS.map((topic) => ({
    id: topic.id,
    labelZh: topic.labelZh,
    labelEn: topic.labelEn,
    colour: topic.colour,
    articles: digest.articles.filter((article) => article.topics.includes(topic.id)),
  }));
  topics.push({ ...OTHER_TOPIC, articles: digest.articles.filter((article) => article.topics.length === 0) });

  const related = relatedArticles(digest.articles);
  const neighbours = new Map<string, Neighbours>();
  digest.articles.forEach((article, index) => {
    neighbours.set(article.id, {
      previous: digest.articles[index - 1] ?? null,
      next: digest.articles[index + 1] ?? null,
      related: related.get(article.id) ?? [],
    });
  });

  return {
    digest,
    topics,
    topicPages: topics.flatMap(paginate),
    dropsNewestFirst: [...digest.drops].reverse(),
    dropNumber: new Map(digest.drops.map((drop, index) => [drop.id, index + 1])),
    articleById: new Map(digest.articles.map((article) => [article.id, article])),
    neighbours,
  };
}
