import { robotsTxt } from '../src/site/sitemap.ts';
import type { SiteModel } from '../src/site/views.ts';

export default class Robots {
  data() {
    return { permalink: '/robots.txt' };
  }

  render({ site }: { site: SiteModel }): string {
    return robotsTxt(site);
  }
}
