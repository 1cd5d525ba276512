import { publicJson } from '../src/site/public-json.ts';
import type { SiteModel } from '../src/site/views.ts';
import { singlePage } from './_includes/single.ts';

export default class ArticlesJson {
  data() {
    return singlePage('articles-json', '/articles.json');
  }

  render({ site }: { site: SiteModel }): string {
    return `${JSON.stringify(publicJson(site.digest), null, 2)}\n`;
  }
}
