import { withBase } from '../src/site/digest.ts';
import type { SiteModel } from '../src/site/views.ts';

export default class Robots {
  data() {
    return { permalink: '/robots.txt' };
  }

  render({ site }: { site: SiteModel }): string {
    return `User-agent: *\nAllow: /\nSitemap: ${withBase(site.digest.base, '/sitemap.xml')}\n`;
  }
}
