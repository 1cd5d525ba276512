import { collectArticles, describeExcerpt, type ExcerptDescription } from '../articles/index.ts';
import type { Diagnostic, Digest, Drop, DropReport, PublishedArticle, RenderDiagnostic, TopicTag } from '../model.ts';
import { renderExcerpt, renderInline } from '../render/index.ts';
import { tagArticle } from '../topics/index.ts';
import type { TextCache } from './text-cache-store.ts';

/** Everything an excerpt's text alone determines: the costly part of a build, cached by text. */
export interface TextDerivation extends ExcerptDescription {
  tags: TopicTag[];
  titleHtml: string;
  summaryHtml: string;
  excerptHtml: string;
  renderDiagnostics: RenderDiagnostic[];
}

export type DerivationCache = TextCache<TextDerivation>;

export function deriveFromText(text: string): TextDerivation {
  const description = describeExcerpt(text);
  const tags = tagArticle({ text, ...description });
  const excerpt = renderExcerpt(text);
  return {
    ...description,
    tags,
    titleHtml: renderInline(description.title).html,
    summaryHtml: renderInline(description.summary).html,
    excerptHtml: excerpt.html,
    renderDiagnostics: excerpt.diagnostics,
  };
}

function cached(cache: DerivationCache | undefined): (text: string) => TextDerivation {
  return (text) => {
    let derivation = cache?.get(text);
    if (!derivation) {
      derivation = deriveFromText(text);
      cache?.set(text, derivation);
    }
    return derivation;
  };
}

/** `/digest/` + `articles/x/` → `/digest/articles/x/`; the base always ends with one slash. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/*$/, '/')}${path.replace(/^\/+/, '')}`;
}

/** Drops, then every article tagged and typeset: the pure core of a build. */
export function buildDigest(drops: readonly Drop[], base = '/', cache?: DerivationCache): Digest {
  const derive = cached(cache);
  const articles = collectArticles(drops, derive);
  const firstSeenIn = new Map(articles.map((article) => [article.id, article.firstDrop]));
  const articleOfEntry = new Map<string, string>();
  for (const article of articles) {
    for (const sighting of article.sightings) articleOfEntry.set(`${sighting.drop}:${sighting.line}`, article.id);
  }

  const fileOf = new Map(drops.map((drop) => [drop.id, drop.file]));
  const renderDiagnostics = new Map<string, Diagnostic[]>();
  const published = articles.map((article): PublishedArticle => {
    const origin = article.sightings[0]!;
    const file = fileOf.get(origin.drop) ?? origin.drop;
    const { tags, titleHtml, summaryHtml, excerptHtml, renderDiagnostics: found } = derive(article.text);
    if (found.length > 0) {
      const located = found.map((diagnostic) => ({ file, line: origin.line, ...diagnostic }));
      renderDiagnostics.set(file, [...(renderDiagnostics.get(file) ?? []), ...located]);
    }
    return {
      ...article,
      topics: tags.map((tag) => tag.topic),
      tags,
      url: withBase(base, `articles/${article.id}/`),
      titleHtml,
      summaryHtml,
      excerptHtml,
    };
  });

  const reports = drops.map((drop): DropReport => {
    const listing = drop.entries.map((entry) => {
      const articleId = articleOfEntry.get(`${drop.id}:${entry.line}`) ?? '';
      return { line: entry.line, articleId, isNew: firstSeenIn.get(articleId) === drop.id };
    });
    const fresh = new Set(listing.filter((item) => item.isNew).map((item) => item.articleId));
    const diagnostics = [...drop.diagnostics, ...(renderDiagnostics.get(drop.file) ?? [])];
    return { id: drop.id, file: drop.file, date: drop.date, entries: drop.entries.length, newArticles: fresh.size, listing, diagnostics };
  });

  const dropRank = new Map(drops.map((drop, index) => [drop.id, index]));
  const newestFirst = published
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (dropRank.get(b.article.firstDrop) ?? 0) - (dropRank.get(a.article.firstDrop) ?? 0) || a.index - b.index)
    .map(({ article }) => article);

  return {
    base,
    drops: reports,
    articles: newestFirst,
    diagnostics: reports.flatMap((report) => report.diagnostics),
  };
}
