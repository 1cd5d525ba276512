// The search stage's build-side entry. The build makes the index once (src/build/index.ts),
// extending the previous build's when it can; the templates that write its files and the search
// page that points at its manifest share it.
export { buildSearchIndex, indexText, type IndexedText, type PreviousIndex, type SearchIndex, type SearchIndexOptions } from './build.ts';
export type { SearchManifest, SearchRecord } from './format.ts';

/** Where the index files live under the site's base path. */
export const SEARCH_INDEX_PATH = '/search/index/';
/** The client bundle, written by templates/search-client.11ty.ts. */
export const SEARCH_CLIENT_PATH = '/assets/search.js';
