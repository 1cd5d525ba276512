import type { Digest } from '../model.ts';

/**
 * `articles.json`, the digest's public API: other tools read it, so its shape is fixed here, field
 * by field, rather than dumped from internal types that may grow.
 */
export function publicJson(digest: Digest) {
  const dateOf = new Map(digest.drops.map((drop) => [drop.id, drop.date.time]));
  return {
    drops: digest.drops.map((drop) => ({
      id: drop.id,
      file: drop.file,
      date: drop.date.time,
      dateSource: drop.date.source,
      entries: drop.entries,
      newArticles: drop.newArticles,
      diagnostics: drop.diagnostics,
    })),
    articles: digest.articles.map((article) => ({
      id: article.id,
      url: article.url,
      title: article.title,
      summary: article.summary,
      text: article.text,
      truncated: article.truncated,
      source: article.source,
      topics: article.topics,
      topicEvidence: article.tags.map(({ topic, score, evidence }) => ({ topic, score, evidence })),
      keyTerms: article.keyTerms,
      drops: article.drops,
      firstDrop: article.firstDrop,
      firstSeen: dateOf.get(article.firstDrop) ?? null,
      sightings: article.sightings,
      math: article.math,
    })),
    diagnostics: digest.diagnostics,
  };
}

export type PublicJson = ReturnType<typeof publicJson>;
