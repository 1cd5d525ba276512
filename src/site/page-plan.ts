import { createHash } from 'node:crypto';
import type { PublishedArticle } from '../model.ts';
import type { SiteModel } from './views.ts';

/**
 * Everything an article page shows, hashed: the article, its neighbours and related cards, the
 * drop numbers it names and the navigation around it. A page whose key is unchanged since the last
 * build is the same page byte for byte, so the build can reuse it instead of rendering it again.
 */
export function articlePageKey(site: SiteModel, article: PublishedArticle, codeVersion: string): string {
  const dropNumber = (id: string) => site.dropNumber.get(id) ?? 0;
  const dropDate = (id: string) => site.dropById.get(id)?.date.time ?? null;
  const card = (other: PublishedArticle) => [
    other.id,
    other.titleHtml,
    other.summaryHtml,
    other.topics,
    dropNumber(other.firstDrop),
    dropDate(other.firstDrop),
    other.firstDrop,
    other.drops.length,
  ];
  const neighbours = site.neighbours.get(article.id);
  const inputs = [
    codeVersion,
    site.digest.base,
    site.config,
    site.topics.map((topic) => [topic.id, topic.labelZh, topic.labelEn]),
    article.id,
    article.title,
    article.summary,
    article.titleHtml,
    article.excerptHtml,
    article.tags,
    article.truncated,
    article.source,
    article.keyTerms,
    article.drops.map((drop) => [drop, dropNumber(drop), dropDate(drop)]),
    neighbours?.previous ? [neighbours.previous.id, neighbours.previous.titleHtml] : null,
    neighbours?.next ? [neighbours.next.id, neighbours.next.titleHtml] : null,
    (neighbours?.related ?? []).map(card),
  ];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url').slice(0, 22);
}

export interface ArticlePagePlan {
  /** Pages Eleventy renders this build. */
  render: PublishedArticle[];
  /** Pages taken unchanged from the previous build's output. */
  reuse: string[];
  /** Every article page's key, for the next build. */
  keys: Record<string, string>;
}

export function planArticlePages(
  site: SiteModel,
  codeVersion: string,
  previousKeys: Readonly<Record<string, string>>,
  stillThere: (id: string) => boolean,
): ArticlePagePlan {
  const plan: ArticlePagePlan = { render: [], reuse: [], keys: {} };
  for (const article of site.digest.articles) {
    const key = articlePageKey(site, article, codeVersion);
    plan.keys[article.id] = key;
    if (previousKeys[article.id] === key && stillThere(article.id)) plan.reuse.push(article.id);
    else plan.render.push(article);
  }
  return plan;
}
