import { sitemapXml } from '../src/site/sitemap.ts';
import type { SiteModel } from '../src/site/views.ts';

/** Written only when the site's URL is known: a sitemap must list absolute URLs. */
export default class Sitemap {
  data() {
    return { permalink: ({ site }: { site: SiteModel }) => (site.config.url === null ? false : '/sitemap.xml') };
  }

  render({ site }: { site: SiteModel }): string {
    return sitemapXml(site) ?? '';
  }
}
