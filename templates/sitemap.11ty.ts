import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { withBase } from '../src/site/digest.ts';
import type { SiteModel } from '../src/site/views.ts';
import { articlePath, dropPath } from '../src/site/views.ts';

/** Sitemaps want absolute URLs; without a known host we list paths under the base, which crawlers resolve. */
export default class Sitemap {
  data() {
    return { permalink: '/sitemap.xml' };
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    const paths = [
      '/',
      '/search/',
      '/drops/',
      ...site.topicPages.map((topicPage) => topicPage.path),
      ...site.digest.drops.map((drop) => dropPath(drop.id)),
      ...site.digest.articles.map((article) => articlePath(article.id)),
    ];
    const tree = x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
        paths.map((path) => x('url', [x('loc', withBase(base, path))]))),
    ]);
    return `${toXml(tree)}\n`;
  }
}
