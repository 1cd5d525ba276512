import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { PublishedArticle } from '../model.ts';
import { withBase } from './digest.ts';
import { absoluteUrl, articlePath, latestTime, siteTitle, type SiteModel, type TopicView } from './views.ts';

const FEED_ENTRIES = 100;
const TAG_AUTHORITY = 'tag:transmission-digest,2026:';

export interface FeedSpec {
  path: string;
  title: string;
  /** The page the feed mirrors. */
  pagePath: string;
  articles: PublishedArticle[];
}

export function feedSpecs(site: SiteModel): FeedSpec[] {
  const topicFeed = (topic: TopicView): FeedSpec => ({
    path: `/topics/${topic.id}/feed.xml`,
    title: `${site.config.name} · ${topic.labelZh} ${topic.labelEn}`,
    pagePath: `/topics/${topic.id}/`,
    articles: topic.articles,
  });
  return [
    { path: '/feed.xml', title: siteTitle(site), pagePath: '/', articles: site.digest.articles },
    ...site.topics.filter((topic) => topic.id !== 'other').map(topicFeed),
  ];
}

/** Before any drop there is no date to give; a fixed one keeps builds free of the clock. */
const NO_DATE = '1970-01-01T00:00:00Z';

/**
 * An Atom document (RFC 4287) built as an xast tree, so feed text is escaped by the serializer.
 * With the site's URL, every id and link is an absolute IRI. Without it, links are relative
 * references (path-absolute, under an `xml:base` of the base path) that readers resolve against
 * the feed's own URL, and ids are tag URIs (RFC 4151), which are absolute and permanent.
 * An entry is published and updated when the drop that first carried it arrived: a re-sent
 * excerpt is not news, so it does not come back up in readers.
 */
export function atomFeed(site: SiteModel, spec: FeedSpec): string {
  const { config } = site;
  const base = site.digest.base;
  const link = (path: string) => absoluteUrl(site, path) ?? withBase(base, path);
  const id = (path: string, tag: string) => absoluteUrl(site, path) ?? `${TAG_AUTHORITY}${tag}`;
  const published = (article: PublishedArticle) => site.dropById.get(article.firstDrop)?.date.time ?? NO_DATE;
  const entries = spec.articles.slice(0, FEED_ENTRIES);
  const updated = latestTime(entries.length > 0 ? entries.map(published) : site.digest.drops.map((drop) => drop.date.time)) ?? NO_DATE;
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': config.language, 'xml:base': config.url === null ? base : undefined }, [
      x('title', spec.title),
      config.description ? x('subtitle', config.description) : null,
      x('id', id(spec.path, spec.path)),
      x('updated', updated),
      x('link', { rel: 'self', type: 'application/atom+xml', href: link(spec.path) }),
      x('link', { rel: 'alternate', type: 'text/html', href: link(spec.pagePath) }),
      x('author', [x('name', siteTitle(site))]),
      ...entries.map((article) =>
        x('entry', [
          x('title', article.title),
          x('id', id(articlePath(article.id), `article:${article.id}`)),
          x('link', { rel: 'alternate', type: 'text/html', href: link(articlePath(article.id)) }),
          x('published', published(article)),
          x('updated', published(article)),
          ...article.topics.map((topic) => x('category', { term: topic })),
          x('summary', article.summary),
          x('content', { type: 'text' }, article.text),
        ]),
      ),
    ]),
  ]);
  return `${toXml(tree)}\n`;
}
