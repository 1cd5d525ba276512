// Everything a returning reader gets in the browser, added to the static page: keys, the new
// marks and count, stars, highlighted and muted words, the saved page. Bundled by
// templates/reader-client.11ty.ts and loaded as a module on every page. Without script, or with
// storage blocked, the page stays exactly the static page (the keys still work).
import { VISIT_SLOT_ID } from './index.ts';
import { listenForKeys } from './keys.ts';
import { applyWords, showVisit } from './marks.ts';
import { showSavedPage } from './saved-page.ts';
import { addStars } from './stars.ts';
import { openStore } from './storage.ts';

// This file is served at <base>assets/reader.js: the base path is two steps up from it.
const base = new URL('../', import.meta.url).pathname;
const store = openStore(base);

listenForKeys();
if (store !== null) {
  showVisit(store, Date.now());
  applyWords(store);
  addStars(store);
} else {
  // The header's place for the count stays empty: give the space back.
  document.getElementById(VISIT_SLOT_ID)?.setAttribute('hidden', '');
}
if (document.getElementById('saved') !== null) showSavedPage(base, store);
