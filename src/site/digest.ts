import { groupArticles, type ArticleGroup } from '../articles/index.ts';
import type { Diagnostic, Digest, Drop, DropReport, PublishedArticle } from '../model.ts';
import { textKey as hashText } from './cache-store.ts';
import { renderFromText, type TextDerivation } from './derive.ts';

/** `/digest/` + `articles/x/` → `/digest/articles/x/`; the base always ends with one slash. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/*$/, '/')}${path.replace(/^\/+/, '')}`;
}

export interface DigestOptions {
  base?: string;
  /** The drops' articles, when the caller has merged them already (the build does, to derive their texts first). */
  groups?: readonly ArticleGroup[];
  /** Titles, tags and typeset title and summary of a text; derived on the spot by default. */
  describe?: (text: string) => TextDerivation;
  /** The hash of a text (the build passes the one its derivations computed already). */
  textKey?: (text: string) => string;
}

/** Drops, then every article tagged and typeset: the pure core of a build. */
export function buildDigest(drops: readonly Drop[], options: DigestOptions = {}): Digest {
  const { base = '/', describe = (text: string) => renderFromText(text).text, textKey = hashText } = options;
  const groups = options.groups ?? groupArticles(drops);
  const articles = groups.map((group) => ({ group, derived: describe(group.text) }));
  const firstSeenIn = new Map(groups.map((group) => [group.id, group.firstDrop]));
  const articleOfEntry = new Map<string, string>();
  for (const { group } of articles) {
    for (const sighting of group.sightings) articleOfEntry.set(`${sighting.drop}:${sighting.line}`, group.id);
  }

  const fileOf = new Map(drops.map((drop) => [drop.id, drop.file]));
  const renderDiagnostics = new Map<string, Diagnostic[]>();
  const published = articles.map(({ group, derived }): PublishedArticle => {
    const origin = group.sightings[0]!;
    const file = fileOf.get(origin.drop) ?? origin.drop;
    const { title, summary, keyTerms, tags, leaning, titleHtml, summaryHtml, renderDiagnostics: found } = derived;
    if (found.length > 0) {
      const located = found.map((diagnostic) => ({ file, line: origin.line, ...diagnostic }));
      renderDiagnostics.set(file, [...(renderDiagnostics.get(file) ?? []), ...located]);
    }
    return {
      id: group.id,
      title,
      summary,
      text: group.text,
      truncated: group.truncated,
      source: group.source,
      keyTerms,
      drops: group.drops,
      firstDrop: group.firstDrop,
      sightings: group.sightings,
      math: group.math,
      topics: tags.map((tag) => tag.topic),
      tags,
      leaning,
      url: withBase(base, `articles/${group.id}/`),
      textKey: textKey(group.text),
      titleHtml,
      summaryHtml,
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
