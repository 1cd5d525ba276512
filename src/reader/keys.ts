// Reading with the keyboard, as feed readers do: j and k move between the cards of a list with a
// visible focus ring, o or Enter opens the focused one, / goes to search, ? lists the keys.
import { element, mainLink } from './dom.ts';
import { ITEM_SELECTOR, KEYS } from './index.ts';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Items a reader can see: muted cards folded away are skipped. */
const visibleItems = (): HTMLElement[] =>
  [...document.querySelectorAll<HTMLElement>(ITEM_SELECTOR)].filter((item) => item.getClientRects().length > 0);

function move(step: 1 | -1): void {
  const items = visibleItems();
  if (items.length === 0) return;
  const at = items.findIndex((item) => item.contains(document.activeElement));
  const next = items[at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step))]!;
  // The card itself takes focus (and the ring), not one of its several links.
  next.tabIndex = -1;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

let dialog: HTMLDialogElement | null = null;

function showKeys(): void {
  if (dialog === null) {
    dialog = element('dialog', 'keys-dialog');
    dialog.setAttribute('aria-labelledby', 'keys-title');
    const list = element('dl');
    for (const [keys, action] of KEYS) list.append(element('dt', '', keys), element('dd', '', action));
    const close = element('button', '', '关闭');
    close.type = 'button';
    close.addEventListener('click', () => dialog?.close());
    const title = element('h2', '', '键盘快捷键');
    title.id = 'keys-title';
    dialog.append(title, list, close);
    document.body.append(dialog);
  }
  if (!dialog.open) dialog.showModal();
}

export function listenForKeys(): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target) || dialog?.open) return;
    const focused = document.activeElement;
    const item = focused?.closest<HTMLElement>(ITEM_SELECTOR);
    switch (event.key) {
      case 'j':
      case 'k':
        move(event.key === 'j' ? 1 : -1);
        break;
      case 'o':
      case 'Enter': {
        // Enter on a link or a button already does its own thing; on a card it opens the card.
        if (!item || (event.key === 'Enter' && item !== focused)) return;
        mainLink(item)?.click();
        break;
      }
      case '/': {
        const box = document.getElementById('search-input') ?? document.getElementById('site-search');
        if (box === null || box.getClientRects().length === 0) return;
        box.focus();
        break;
      }
      case '?':
        showKeys();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
