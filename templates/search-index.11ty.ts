import type { IndexFile } from '../src/search/format.ts';
import { SEARCH_INDEX_PATH } from '../src/search/index.ts';

/** One output file per index file; the index itself is built once per build in src/search/. */
export default class SearchIndexFiles {
  data() {
    return {
      pagination: { data: 'slice.indexFiles', size: 1, alias: 'indexFile' },
      permalink: ({ indexFile }: { indexFile: IndexFile }) => `${SEARCH_INDEX_PATH}${indexFile.path}`,
      eleventyExcludeFromCollections: true,
    };
  }

  render({ indexFile }: { indexFile: IndexFile }): string {
    return indexFile.content;
  }
}
