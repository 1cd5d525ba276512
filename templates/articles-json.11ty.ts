import type { Digest } from '../src/model.ts';
import { publicJson } from '../src/site/public-json.ts';

export default class ArticlesJson {
  data() {
    return { permalink: '/articles.json', eleventyExcludeFromCollections: true };
  }

  render({ digest }: { digest: Digest }): string {
    return `${JSON.stringify(publicJson(digest), null, 2)}\n`;
  }
}
