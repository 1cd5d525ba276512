import type { SinglePage } from '../../src/site/page-plan.ts';
import type { SiteModel } from '../../src/site/views.ts';

/**
 * A page with no list behind it, rendered by the one slice of a build that carries it: every
 * template paginates over the slice it is handed, so a run renders exactly the pages planned.
 * `when` leaves out a page the site does not have (the sitemap, without the site's URL).
 */
export function singlePage(name: SinglePage, permalink: string, when: (site: SiteModel) => boolean = () => true) {
  return {
    pagination: {
      data: 'slice.singles',
      size: 1,
      alias: 'single',
      before: (singles: readonly SinglePage[], { site }: { site: SiteModel }) => singles.filter((single) => single === name && when(site)),
    },
    permalink,
    eleventyExcludeFromCollections: true,
  };
}
