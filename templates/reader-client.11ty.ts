import { READER_CLIENT_PATH } from '../src/reader/index.ts';
import { bundleScript } from './_includes/bundle.ts';
import { singlePage } from './_includes/single.ts';

/** The reader client (keys, new marks, stars, words, the saved page), on every page. */
export default class ReaderClient {
  data() {
    return singlePage('reader-client', READER_CLIENT_PATH);
  }

  render(): Promise<string> {
    return bundleScript('src/reader/client.ts');
  }
}
