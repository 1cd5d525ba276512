import { robotsTxt } from '../src/site/sitemap.ts';
import type { SiteModel } from '../src/site/views.ts';
import { singlePage } from './_includes/single.ts';

export default class Robots {
  data() {
    return singlePage('robots', '/robots.txt');
  }

  render({ site }: { site: SiteModel }): string {
    return robotsTxt(site);
  }
}
