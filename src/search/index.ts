// The search stage's build-side entry: the index for a digest, built once and shared by the
// templates that write its files and the search page that points at its manifest.
import type { SiteModel } from '../site/views.ts';
import { buildSearchIndex, type SearchIndex } from './build.ts';

export { buildSearchIndex, type IndexedText, type SearchIndex, type SearchIndexOptions } from './build.ts';
export type { SearchManifest, SearchRecord } from './format.ts';

/** Where the index files live under the site's base path. */
export const SEARCH_INDEX_PATH = '/search/index/';
/** The client bundle, written by templates/search-client.11ty.ts. */
export const SEARCH_CLIENT_PATH = '/assets/search.js';

const built = new WeakMap<SiteModel, SearchIndex>();

/** Hands over an index built ahead (with a cache) for the templates of this site to use. */
export function rememberSearchIndex(site: SiteModel, index: SearchIndex): void {
  built.set(site, index);
}

export function searchIndexFor(site: SiteModel): SearchIndex {
  let index = built.get(site);
  if (!index) {
    index = buildSearchIndex(site.digest.articles, site.topics);
    built.set(site, index);
  }
  return index;
}
