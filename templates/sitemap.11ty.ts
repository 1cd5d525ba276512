import { sitemapXml } from '../src/site/sitemap.ts';
import type { SiteModel } from '../src/site/views.ts';
import { singlePage } from './_includes/single.ts';

/** Written only when the site's URL is known: a sitemap must list absolute URLs. */
export default class Sitemap {
  data() {
    return singlePage('sitemap', '/sitemap.xml', (site) => site.config.url !== null);
  }

  render({ site }: { site: SiteModel }): string {
    return sitemapXml(site) ?? '';
  }
}
