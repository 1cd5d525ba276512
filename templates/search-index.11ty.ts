import type { IndexFile } from '../src/search/format.ts';
import { SEARCH_INDEX_PATH } from '../src/search/index.ts';
import type { SiteModel } from '../src/site/views.ts';

/** One output file per index file; the index itself is built once per digest in src/search/. */
export default class SearchIndexFiles {
  data() {
    return {
      pagination: {
        data: 'digest.articles',
        size: 1,
        alias: 'indexFile',
        before: (_articles: unknown[], data: { site: SiteModel }): IndexFile[] => data.site.searchIndex.files,
      },
      permalink: ({ indexFile }: { indexFile: IndexFile }) => `${SEARCH_INDEX_PATH}${indexFile.path}`,
      eleventyExcludeFromCollections: true,
    };
  }

  render({ indexFile }: { indexFile: IndexFile }): string {
    return indexFile.content;
  }
}
