import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { absoluteUrl, articlePath, dropPath, latestTime, type SiteModel } from './views.ts';

/**
 * The sitemap protocol wants absolute `<loc>` URLs, so there is a sitemap only when the site's
 * URL is known. `lastmod` is when a page last changed: the newest drop for the pages that list
 * drops, a drop's own date, and for an article the latest drop that carried it (its page lists it).
 */
export function sitemapXml(site: SiteModel): string | null {
  if (site.config.url === null) return null;
  const dateOf = (dropId: string) => site.dropById.get(dropId)?.date.time ?? null;
  const newestDrop = latestTime(site.digest.drops.map((drop) => drop.date.time));
  const pages: [path: string, lastmod: string | null][] = [
    ['/', newestDrop],
    ['/search/', newestDrop],
    ['/drops/', newestDrop],
    ['/popular/', newestDrop],
    ['/saved/', newestDrop],
    ...site.topicPages.map((topicPage): [string, string | null] => [
      topicPage.path,
      latestTime(topicPage.topic.articles.map((article) => dateOf(article.firstDrop)).filter((time) => time !== null)),
    ]),
    ...site.digest.drops.map((drop): [string, string | null] => [dropPath(drop.id), drop.date.time]),
    ...site.digest.articles.map((article): [string, string | null] => [articlePath(article.id), dateOf(article.drops.at(-1)!)]),
  ];
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      pages.map(([path, lastmod]) => x('url', [x('loc', absoluteUrl(site, path)), lastmod ? x('lastmod', lastmod) : null]))),
  ]);
  return `${toXml(tree)}\n`;
}

/** robots.txt may only name a sitemap by its absolute URL. */
export function robotsTxt(site: SiteModel): string {
  const sitemap = absoluteUrl(site, '/sitemap.xml');
  return `User-agent: *\nAllow: /\n${sitemap ? `Sitemap: ${sitemap}\n` : ''}`;
}
