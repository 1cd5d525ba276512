// What a returning reader looks for beyond the latest drop: the articles re-sent most often, and
// where each topic is going, drop by drop. Both are computed once per build from the digest alone,
// so pages stay byte-identical for the same feeds.
import type { DropReport, PublishedArticle } from '../model.ts';

/** How many articles /popular/ lists: a ranking, not an archive. */
export const POPULAR_COUNT = 100;
/** A trend chart covers the last this-many drops, or all of them when there are fewer. */
export const TREND_DROPS = 30;

/**
 * Articles by how many drops carried them, most first: a popularity signal that needs no
 * accounts. Ties go to the article sighted most recently, then to the digest's own order
 * (newest first), so the ranking is total and a test can rebuild it from articles.json.
 */
export function popularArticles(
  articles: readonly PublishedArticle[],
  drops: readonly Pick<DropReport, 'id'>[],
  limit = POPULAR_COUNT,
): PublishedArticle[] {
  const rank = new Map(drops.map((drop, index) => [drop.id, index]));
  const latestSighting = (article: PublishedArticle) => Math.max(...article.drops.map((drop) => rank.get(drop) ?? -1));
  return articles
    .map((article, order) => ({ article, order, carried: article.drops.length, latest: latestSighting(article) }))
    .sort((a, b) => b.carried - a.carried || b.latest - a.latest || a.order - b.order)
    .slice(0, limit)
    .map(({ article }) => article);
}

/** One bar of a topic's trend: how many of a drop's articles hold the topic, and how many were new. */
export interface TrendPoint {
  drop: string;
  articles: number;
  fresh: number;
}

/** Articles per drop for one topic over the last TREND_DROPS drops, oldest first. */
export function topicTrend(drops: readonly DropReport[], topicArticles: readonly PublishedArticle[]): TrendPoint[] {
  const inTopic = new Set(topicArticles.map((article) => article.id));
  return drops.slice(-TREND_DROPS).map((drop) => {
    const carried = new Set<string>();
    const fresh = new Set<string>();
    for (const item of drop.listing) {
      if (!inTopic.has(item.articleId)) continue;
      carried.add(item.articleId);
      if (item.isNew) fresh.add(item.articleId);
    }
    return { drop: drop.id, articles: carried.size, fresh: fresh.size };
  });
}

/** What list pages tell the reader client about drops: see VISIT_SLOT_ID in src/reader/index.ts. */
export interface VisitFacts {
  /** The newest drop's number: drops are numbered 1… in arrival order. */
  latest: number;
  /** New-article counts of the newest drops, newest first. */
  fresh: number[];
}

export function visitFacts(drops: readonly DropReport[], window: number): VisitFacts {
  return { latest: drops.length, fresh: drops.slice(-window).reverse().map((drop) => drop.newArticles) };
}
