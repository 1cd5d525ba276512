// Marks on cards: 新 for articles first seen in a drop the reader had not seen, and the reader's
// highlighted and muted words. Marks sit on the card's top edge, out of the flow, so adding them
// moves nothing on the page.
import { element, readableText } from './dom.ts';
import { CARD_SELECTOR, VISIT_SLOT_ID } from './index.ts';
import type { ReaderStore } from './storage.ts';
import { allRead, freshCount, parseVisit, visitAt, type VisitRecord } from './visit.ts';
import { firstHeld, matchable, parseWords } from './words.ts';

/** The row of marks on a card's top edge, made when the first mark arrives. */
function flagsOf(card: Element): HTMLElement {
  let flags = card.querySelector<HTMLElement>(':scope > .card-flags');
  if (flags === null) {
    flags = element('span', 'card-flags');
    card.prepend(flags);
  }
  return flags;
}

function markUnseen(record: VisitRecord): void {
  for (const mark of document.querySelectorAll('.new-mark')) mark.remove();
  for (const item of document.querySelectorAll<HTMLElement>(`${CARD_SELECTOR}[data-drop], .drop-index > li[data-drop]`)) {
    const unseen = Number(item.dataset['drop']) > record.before;
    item.classList.toggle('is-unseen', unseen);
    if (!unseen) continue;
    const mark = element('span', 'new-mark', '新');
    mark.title = '上次来访后新出现';
    if (item.matches(CARD_SELECTOR)) flagsOf(item).prepend(mark);
    else item.append(mark);
  }
}

function showCount(slot: HTMLElement, record: VisitRecord, latest: number, onAllRead: () => void): void {
  const fresh = (slot.dataset['fresh'] ?? '').split(' ').map(Number).filter(Number.isInteger);
  const { count, atLeast } = freshCount(record, latest, fresh);
  const line = element('span', 'visit-count', count === 0 ? '自上次来访以来没有新文章' : `自上次来访,新增 ${atLeast ? '至少 ' : ''}${count} 篇文章`);
  line.tabIndex = -1;
  slot.replaceChildren(line);
  if (count === 0) return;
  const button = element('button', 'visit-all-read', '全部标为已读');
  button.type = 'button';
  button.addEventListener('click', onAllRead);
  slot.append(' ', button);
}

/**
 * Records this page view in the visit and marks the cards that are new to the reader. List pages
 * name the newest drop and show the count in the header; other pages (an article's related cards,
 * a topic's archive pages) mark by what the reader's record already knows.
 */
export function showVisit(store: ReaderStore, now: number): void {
  const stored = parseVisit(store.read('visit'));
  const slot = document.getElementById(VISIT_SLOT_ID);
  const latest = Number(slot?.dataset['latest']);
  if (slot === null || !Number.isInteger(latest) || latest < 1) {
    if (stored === null) return;
    const record = visitAt(stored, stored.seen, now);
    if (store.write('visit', record)) markUnseen(record);
    return;
  }
  const show = (record: VisitRecord) => {
    if (!store.write('visit', record)) {
      slot.hidden = true;
      return;
    }
    markUnseen(record);
    showCount(slot, record, latest, () => {
      show(allRead(record));
      // The button is gone; the reader's place is the header line that replaced it.
      slot.querySelector<HTMLElement>('.visit-count')?.focus();
    });
  };
  show(visitAt(stored, latest, now));
}

/**
 * Cards holding a highlighted word get a mark; cards holding a muted word fold, per list and
 * per word, into one line that opens them again.
 */
export function applyWords(store: ReaderStore): void {
  const words = parseWords(store.read('words'));
  if (words.highlight.length === 0 && words.mute.length === 0) return;
  const folds = new Map<Element, Map<string, HTMLElement[]>>();
  for (const card of document.querySelectorAll<HTMLElement>(CARD_SELECTOR)) {
    const text = matchable(`${readableText(card.querySelector('.card-title'))} ${readableText(card.querySelector('.card-summary'))}`);
    const muted = firstHeld(text, words.mute);
    const list = card.parentElement;
    if (muted !== undefined && list !== null) {
      const byWord = folds.get(list) ?? new Map<string, HTMLElement[]>();
      byWord.set(muted, [...(byWord.get(muted) ?? []), card]);
      folds.set(list, byWord);
      continue;
    }
    const highlighted = firstHeld(text, words.highlight);
    if (highlighted === undefined) continue;
    card.classList.add('is-highlighted');
    flagsOf(card).append(element('span', 'word-mark', `关注:${highlighted}`));
  }
  for (const [list, byWord] of folds) {
    for (const [word, cards] of byWord) {
      const toggle = element('button', 'muted-fold');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = `已隐藏 ${cards.length} 篇含“${word}”的文章`;
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        for (const card of cards) card.hidden = !open;
      });
      for (const card of cards) {
        card.hidden = true;
        card.classList.add('is-muted');
      }
      list.insertBefore(toggle, cards[0]!);
    }
  }
}
