import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { DropReport, PublishedArticle } from '../model.ts';
import { withBase } from './digest.ts';
import { articlePath, type SiteModel, type TopicView } from './views.ts';

const FEED_ENTRIES = 100;
const TAG_AUTHORITY = 'tag:transmission-digest,2026:';

export interface FeedSpec {
  path: string;
  title: string;
  /** The page the feed mirrors. */
  pagePath: string;
  articles: PublishedArticle[];
}

/**
 * Drops carry no timestamp, and pages must not depend on the clock. A drop named with a date
 * (`2026-11-24_…`, `20261124…`) gets that date; any other drop gets a stand-in, one day per drop
 * from 2000-01-01, so that feed readers still order entries by arrival.
 */
export function dropDate(drop: DropReport, index: number): Date {
  const match = /(\d{4})-?(\d{2})-?(\d{2})/.exec(drop.file);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1990) return date;
  }
  return new Date(Date.UTC(2000, 0, 1 + index));
}

export function feedSpecs(site: SiteModel): FeedSpec[] {
  const topicFeed = (topic: TopicView): FeedSpec => ({
    path: `/topics/${topic.id}/feed.xml`,
    title: `传输摘要 · ${topic.labelZh} ${topic.labelEn}`,
    pagePath: `/topics/${topic.id}/`,
    articles: topic.articles,
  });
  return [
    { path: '/feed.xml', title: '传输摘要 Transmission Digest', pagePath: '/', articles: site.digest.articles },
    ...site.topics.filter((topic) => topic.id !== 'other').map(topicFeed),
  ];
}

/** An Atom document built as an xast tree, so feed text is escaped by the serializer. */
export function atomFeed(site: SiteModel, spec: FeedSpec): string {
  const base = site.digest.base;
  const dateOf = new Map(site.digest.drops.map((drop, index) => [drop.id, dropDate(drop, index)]));
  const entries = spec.articles.slice(0, FEED_ENTRIES);
  const newest = entries[0] ? dateOf.get(entries[0].firstDrop) : undefined;
  const updated = newest ?? new Date(Date.UTC(2000, 0, 1));
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' }, [
      x('title', spec.title),
      x('id', `${TAG_AUTHORITY}${spec.path}`),
      x('updated', dateToRfc3339(updated)),
      x('link', { rel: 'self', href: withBase(base, spec.path) }),
      x('link', { rel: 'alternate', type: 'text/html', href: withBase(base, spec.pagePath) }),
      x('author', [x('name', 'Transmission Digest')]),
      ...entries.map((article) =>
        x('entry', [
          x('title', article.title),
          x('id', `${TAG_AUTHORITY}article:${article.id}`),
          x('link', { rel: 'alternate', type: 'text/html', href: withBase(base, articlePath(article.id)) }),
          x('updated', dateToRfc3339(dateOf.get(article.firstDrop) ?? updated)),
          ...article.topics.map((topic) => x('category', { term: topic })),
          x('summary', article.summary),
          x('content', { type: 'text' }, article.text),
        ]),
      ),
    ]),
  ]);
  return `${toXml(tree)}\n`;
}
