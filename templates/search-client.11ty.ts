import { SEARCH_CLIENT_PATH } from '../src/search/index.ts';
import { bundleScript } from './_includes/bundle.ts';
import { singlePage } from './_includes/single.ts';

/** The search client, bundled with Fuse.js (templates/_includes/bundle.ts). */
export default class SearchClient {
  data() {
    return singlePage('search-client', SEARCH_CLIENT_PATH);
  }

  render(): Promise<string> {
    return bundleScript('src/search/client.ts');
  }
}
