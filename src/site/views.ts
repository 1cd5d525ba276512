import type { Digest, DropReport, PublishedArticle, SiteConfig, TopicId } from '../model.ts';
import { OTHER_TOPIC, TOPICS } from '../topics/index.ts';
import { popularArticles, topicTrend, type TrendPoint } from './reading.ts';

/** Past this many articles a topic page is split, so a phone never loads thousands of cards. */
export const TOPIC_PAGE_SIZE = 50;
const RELATED_COUNT = 5;

/** A topic as pages show it: the table's entry, or "other" for untagged articles. */
export interface TopicView {
  id: TopicId | 'other';
  labelZh: string;
  labelEn: string;
  /** Labels and aliases: a search for one lists the topic's articles first. */
  searchNames: readonly string[];
  colour: { light: string; dark: string };
  articles: PublishedArticle[];
  /** Articles per drop for this topic over the last drops, oldest first, for its trend chart. */
  trend: TrendPoint[];
}

/**
 * One page of a topic's listing. The front page shows the newest articles. Archive pages are
 * filled oldest first, so archive page k always holds the same articles however many arrive later
 * (only the newest one is partial): bookmarked pages keep their content, and a new drop re-renders
 * only the pages whose articles changed.
 */
export interface TopicPage {
  topic: TopicView;
  /** 0 for the front page; k ≥ 1 for archive page k, counted from the oldest articles. */
  pageNumber: number;
  /** Newest first. */
  articles: PublishedArticle[];
  /** 1-based arrival positions, within the topic, of the page's oldest and newest article. */
  first: number;
  last: number;
  path: string;
  /** Paths of the neighbouring pages, without the base. */
  newer: string | null;
  older: string | null;
}

export interface Neighbours {
  previous: PublishedArticle | null;
  next: PublishedArticle | null;
  related: PublishedArticle[];
}

export interface SiteModel {
  digest: Digest;
  /** The site's name, description, language and URL (digest.config.json and flags). */
  config: SiteConfig;
  topics: TopicView[];
  topicPages: TopicPage[];
  dropsNewestFirst: DropReport[];
  /** 1-based arrival number of each drop, for labels such as 第 3 次传输. */
  dropNumber: Map<string, number>;
  dropById: Map<string, DropReport>;
  articleById: Map<string, PublishedArticle>;
  neighbours: Map<string, Neighbours>;
  /** Articles re-sent most often, for /popular/. */
  popular: PublishedArticle[];
}

export const articlePath = (id: string): string => `/articles/${id}/`;
/** The topic's front page, or archive page k (k ≥ 1, oldest articles first). */
export const topicPath = (id: string, pageNumber = 0): string =>
  pageNumber === 0 ? `/topics/${id}/` : `/topics/${id}/page/${pageNumber}/`;
export const dropPath = (id: string): string => `/drops/${id}/`;

/** The site's name with the name beside it: 传输摘要 Transmission Digest. */
export const siteTitle = ({ config }: Pick<SiteModel, 'config'>): string =>
  config.alternateName ? `${config.name} ${config.alternateName}` : config.name;

/** The latest of some RFC 3339 times (they may carry different offsets), or null for none. */
export function latestTime(times: readonly string[]): string | null {
  return times.reduce<string | null>((latest, time) => (latest === null || Date.parse(time) > Date.parse(latest) ? time : latest), null);
}

/** A site path as an absolute URL under the site's own URL, or null when that URL is not known. */
export function absoluteUrl(site: Pick<SiteModel, 'config'>, path: string): string | null {
  return site.config.url === null ? null : new URL(path.replace(/^\/+/, ''), site.config.url).href;
}

export function paginate(topic: TopicView, size = TOPIC_PAGE_SIZE): TopicPage[] {
  const count = topic.articles.length;
  const oldestFirst = [...topic.articles].reverse();
  const archives = count > size ? Math.ceil(count / size) : 0;
  // The archive page that holds the newest article the front page leaves out.
  const olderThanFront = archives > 0 ? Math.floor((count - size - 1) / size) + 1 : 0;
  const front: TopicPage = {
    topic,
    pageNumber: 0,
    articles: topic.articles.slice(0, size),
    first: Math.max(1, count - size + 1),
    last: count,
    path: topicPath(topic.id),
    newer: null,
    older: archives > 0 ? topicPath(topic.id, olderThanFront) : null,
  };
  const archive = Array.from({ length: archives }, (_, index): TopicPage => {
    const pageNumber = index + 1;
    const articles = oldestFirst.slice(index * size, pageNumber * size);
    return {
      topic,
      pageNumber,
      articles: articles.reverse(),
      first: index * size + 1,
      last: index * size + articles.length,
      path: topicPath(topic.id, pageNumber),
      newer: topicPath(topic.id, pageNumber < archives ? pageNumber + 1 : 0),
      older: pageNumber > 1 ? topicPath(topic.id, pageNumber - 1) : null,
    };
  });
  return [front, ...archive];
}

/** Key terms held by more articles than this say little about relatedness, and cost O(n) each. */
const COMMON_TERM = 200;

const idNumber = (article: PublishedArticle): number => parseInt(article.id.slice(0, 8), 16) || 0;

/**
 * Related articles: shared key terms, rarer ones weighing more, with shared topics as a bonus.
 * Candidates come only from the articles sharing a key term (an inverted index), so 10,000
 * articles do not mean 10,000² comparisons; an article with too few gets same-topic neighbours.
 * Ties break on a hash of the pair, not on position, so a new drop displaces related cards only
 * where its articles are more related, and unchanged pages stay byte-identical (reusable).
 */
function relatedArticles(articles: readonly PublishedArticle[]): Map<string, PublishedArticle[]> {
  const terms = articles.map((article) => [...new Set(article.keyTerms.map((term) => term.toLowerCase()))]);
  const idNumbers = articles.map(idNumber);
  // Topics as bits, so counting the topics two articles share allocates nothing.
  const topicBits = new Map(TOPICS.map((topic, bit) => [topic.id as string, 1 << bit]));
  const topicMasks = articles.map((article) => article.topics.reduce((mask, topic) => mask | (topicBits.get(topic) ?? 0), 0));
  const holders = new Map<string, number[]>();
  terms.forEach((own, index) => {
    for (const term of own) {
      const list = holders.get(term);
      if (list) list.push(index);
      else holders.set(term, [index]);
    }
  });
  // Fill candidates per topic are picked by id hash, not recency, so a new drop rarely changes them.
  const byFirstTopic = new Map<string, number[]>();
  articles.forEach((article, index) => {
    const topic = article.topics[0] ?? 'other';
    const members = byFirstTopic.get(topic);
    if (members) members.push(index);
    else byFirstTopic.set(topic, [index]);
  });
  for (const [topic, members] of byFirstTopic) {
    byFirstTopic.set(topic, members.sort((a, b) => idNumbers[a]! - idNumbers[b]! || a - b).slice(0, 64));
  }

  const related = new Map<string, PublishedArticle[]>();
  // Scores in one array for all articles, each entry reset when an article first meets it, so
  // that scoring allocates nothing per article (it had a Map each).
  const scores = new Float64Array(articles.length);
  const scoredFor = new Int32Array(articles.length).fill(-1);
  articles.forEach((article, index) => {
    const candidates: number[] = [];
    const add = (other: number, weight: number) => {
      if (other === index) return;
      if (scoredFor[other] !== index) {
        scoredFor[other] = index;
        scores[other] = 0;
        candidates.push(other);
      }
      scores[other] = scores[other]! + weight;
    };
    for (const term of terms[index]!) {
      const list = holders.get(term)!;
      if (list.length > COMMON_TERM) continue;
      // Rarity from the term's own count alone, not the corpus size: a new drop then reweighs only
      // the terms its articles hold, and the related cards of unrelated articles stay as they were.
      const weight = Math.log(COMMON_TERM / list.length) + 1;
      for (const other of list) add(other, weight);
    }
    for (const other of byFirstTopic.get(article.topics[0] ?? 'other') ?? []) add(other, 0);
    const own = idNumbers[index]!;
    // The best few kept in order as candidates pass, not every candidate sorted: an article has
    // hundreds, and sorting them all for 10,000 articles took a third of a second of every build.
    const best: Ranked[] = [];
    for (const other of candidates) {
      const score = scores[other]!;
      const shared = bitCount(topicMasks[index]! & topicMasks[other]!);
      const candidate = { other, score: score + shared * 0.5, tie: (own ^ idNumbers[other]!) >>> 0 };
      if (best.length === RELATED_COUNT && rankedBefore(best[RELATED_COUNT - 1]!, candidate)) continue;
      let at = best.length;
      while (at > 0 && rankedBefore(candidate, best[at - 1]!)) at--;
      best.splice(at, 0, candidate);
      if (best.length > RELATED_COUNT) best.pop();
    }
    related.set(article.id, best.map(({ other }) => articles[other]!));
  });
  return related;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

interface Ranked {
  other: number;
  score: number;
  tie: number;
}

/** Higher score first, then the pair's hash, then position: a total order, so the best few are one set. */
const rankedBefore = (a: Ranked, b: Ranked): boolean => (a.score !== b.score ? a.score > b.score : a.tie !== b.tie ? a.tie < b.tie : a.other < b.other);

/**
 * The digest with the views pages need. Frozen, like the digest it holds: Eleventy then hands it
 * to every page by reference, where it deep-copies plain objects and wraps them in a proxy per
 * page (Pagination.js, eleventy-utils Merge.js).
 */
export function buildSiteModel(digest: Digest, config: SiteConfig): SiteModel {
  const listed = (articles: PublishedArticle[]) => ({ articles, trend: topicTrend(digest.drops, articles) });
  const topics: TopicView[] = TOPICS.map((topic) => ({
    id: topic.id,
    labelZh: topic.labelZh,
    labelEn: topic.labelEn,
    searchNames: [topic.labelZh, topic.labelEn, ...topic.aliases],
    colour: topic.colour,
    ...listed(digest.articles.filter((article) => article.topics.includes(topic.id))),
  }));
  topics.push({ ...OTHER_TOPIC, ...listed(digest.articles.filter((article) => article.topics.length === 0)) });

  const related = relatedArticles(digest.articles);
  const neighbours = new Map<string, Neighbours>();
  digest.articles.forEach((article, index) => {
    neighbours.set(article.id, {
      previous: digest.articles[index - 1] ?? null,
      next: digest.articles[index + 1] ?? null,
      related: related.get(article.id) ?? [],
    });
  });

  return Object.freeze({
    digest: Object.freeze(digest),
    config,
    topics,
    topicPages: topics.flatMap((topic) => paginate(topic)),
    dropsNewestFirst: [...digest.drops].reverse(),
    dropNumber: new Map(digest.drops.map((drop, index) => [drop.id, index + 1])),
    dropById: new Map(digest.drops.map((drop) => [drop.id, drop])),
    articleById: new Map(digest.articles.map((article) => [article.id, article])),
    neighbours,
    popular: popularArticles(digest.articles, digest.drops),
  });
}
