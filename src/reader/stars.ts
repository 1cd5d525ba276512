// ☆ on every card and article page: saves the article in the reader's own list.
import { element, readableText } from './dom.ts';
import { CARD_SELECTOR } from './index.ts';
import type { ReaderStore } from './storage.ts';
import { dayOf, parseSaved, toggleSaved, type SavedArticle } from './saved.ts';

/** Fired on document after the saved list changed, for the saved page's share link. */
export const SAVED_CHANGED = 'td:saved';

export const readSaved = (store: ReaderStore): SavedArticle[] => parseSaved(store.read('saved'));

function starButton(store: ReaderStore, article: SavedArticle, saved: boolean): HTMLButtonElement {
  const button = element('button', 'star');
  button.type = 'button';
  const show = (saved: boolean) => {
    button.textContent = saved ? '★' : '☆';
    button.setAttribute('aria-pressed', String(saved));
    button.title = saved ? '已收藏,点击取消' : '收藏';
  };
  button.setAttribute('aria-label', `收藏:${article.title.slice(0, 40)}`);
  show(saved);
  button.addEventListener('click', () => {
    // Read again: another tab may have changed the list since this page loaded.
    const list = toggleSaved(readSaved(store), article);
    if (!store.write('saved', list)) return;
    show(list.some((item) => item.id === article.id));
    document.dispatchEvent(new CustomEvent(SAVED_CHANGED));
  });
  return button;
}

/** Stars on the cards and the article under `root` that have none yet. */
export function addStars(store: ReaderStore, root: ParentNode = document): void {
  const saved = new Map(readSaved(store).map((item) => [item.id, item]));
  let stale = false;
  for (const card of root.querySelectorAll<HTMLElement>(`${CARD_SELECTOR}[data-id], .article[data-id]`)) {
    if (card.querySelector(':scope > .star, :scope > header > .star') !== null) continue;
    const isArticle = !card.matches(CARD_SELECTOR);
    const heading = card.querySelector(isArticle ? 'h1' : '.card-title');
    const article = {
      id: card.dataset['id']!,
      title: readableText(heading),
      drop: Number(card.dataset['drop']) || 0,
      day: dayOf(card.querySelector('time')?.dateTime),
    };
    const kept = saved.get(article.id);
    if (kept && (kept.title !== article.title || kept.drop !== article.drop || kept.day !== article.day)) {
      saved.set(article.id, article);
      stale = true;
    }
    const star = starButton(store, article, kept !== undefined);
    if (isArticle) heading?.parentElement?.append(star);
    else card.append(star);
  }
  // Titles get better as the digest's code does: a saved article seen again refreshes what /saved/ shows.
  if (stale) store.write('saved', [...saved.values()]);
}
