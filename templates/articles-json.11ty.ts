import { publicJson } from '../src/site/public-json.ts';
import type { SiteModel } from '../src/site/views.ts';
import { singlePage } from './_includes/single.ts';

export default class ArticlesJson {
  data() {
    return singlePage('articles-json', '/articles.json');
  }

  // Compact: every build writes the whole file again, and a reader importing a shared list of
  // saved articles downloads it; indented, it was 21 MB at 10,000 articles rather than 16.
  render({ site }: { site: SiteModel }): string {
    return `${JSON.stringify(publicJson(site.digest))}\n`;
  }
}
