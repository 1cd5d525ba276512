import { atomFeed, feedSpecs, type FeedSpec } from '../src/site/feeds.ts';
import type { SinglePage } from '../src/site/page-plan.ts';
import type { SiteModel } from '../src/site/views.ts';

interface Data {
  site: SiteModel;
  feed: FeedSpec;
}

export default class AtomFeeds {
  data() {
    return {
      pagination: {
        data: 'slice.singles',
        size: 1,
        alias: 'feed',
        before: (singles: readonly SinglePage[], { site }: { site: SiteModel }) => (singles.includes('feeds') ? feedSpecs(site) : []),
      },
      eleventyExcludeFromCollections: true,
      permalink: ({ feed }: Data) => feed.path,
    };
  }

  render({ site, feed }: Data): string {
    return atomFeed(site, feed);
  }
}
