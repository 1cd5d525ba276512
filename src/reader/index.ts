// The reader stage: what a returning reader keeps in their own browser (the drop they last saw,
// saved articles, words to highlight or mute) and the keys they read with. Pages are static and
// identical for everyone; src/reader/client.ts adds all of this in the browser, from localStorage
// only, so nothing leaves the device. This file is the contract between the two sides: the paths
// and the data attributes the templates write and the client reads.

/** The bundle of src/reader/client.ts, written by templates/reader-client.11ty.ts; on every page. */
export const READER_CLIENT_PATH = '/assets/reader.js';
export const SAVED_PATH = '/saved/';
export const POPULAR_PATH = '/popular/';

/**
 * What list pages tell the client about the digest, on the `#visit` slot in the header:
 * `data-latest` is the newest drop's number (1-based, arrival order, as in "第 5 次传输"), and
 * `data-fresh` the new-article counts of the newest drops, newest first, space-separated.
 * Article pages carry neither, so they stay reusable from build to build.
 */
export const VISIT_SLOT_ID = 'visit';
/** How many drops' new-article counts a list page carries for the header's count. */
export const VISIT_FRESH_DROPS = 30;

/** Every card holds `data-id` (the article id) and `data-drop` (the number of its first drop). */
export const CARD_SELECTOR = '.card';
/** What j and k move through on a list page: cards, search results, rows of drops. */
export const ITEM_SELECTOR = '.card, .search-result, .drop-entry, .drop-index > li';

/** The reading keys: the ? dialog lists them, and so does every page's footer. */
export const KEYS: readonly [keys: string, action: string][] = [
  ['j', '下一篇'],
  ['k', '上一篇'],
  ['o / Enter', '打开选中的一篇'],
  ['/', '搜索'],
  ['?', '显示这些按键'],
  ['Esc', '关闭'],
];
