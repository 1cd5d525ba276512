// Small DOM helpers for the reader client. Titles and summaries come from feeds: they are only
// ever read as text and written with textContent, never parsed as HTML.

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (text !== '') node.textContent = text;
  return node;
}

/**
 * The text a reader sees in an element, with each formula as its TeX source (or ⋯ for a lost one)
 * rather than KaTeX's doubled MathML and HTML glyphs.
 */
export function readableText(root: Element | null): string {
  if (root === null) return '';
  let text = '';
  const walk = (node: Node) => {
    if (node instanceof Element && node.classList.contains('katex')) {
      text += ` ${node.querySelector('annotation')?.textContent ?? '⋯'} `;
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text.replace(/\s+/g, ' ').trim();
}

/** The main link of a card or row: its title's. */
export const mainLink = (item: Element): HTMLAnchorElement | null =>
  item.querySelector<HTMLAnchorElement>('.card-title a, .search-result-link, a[href]');
