import { atomFeed, type FeedSpec } from '../src/site/feeds.ts';
import type { SiteModel } from '../src/site/views.ts';

interface Data {
  site: SiteModel;
  feed: FeedSpec;
}

export default class AtomFeeds {
  data() {
    return {
      pagination: { data: 'feeds', size: 1, alias: 'feed' },
      permalink: ({ feed }: Data) => feed.path,
    };
  }

  render({ site, feed }: Data): string {
    return atomFeed(site, feed);
  }
}
