// Result DOM, built with createElement and textContent only: titles and snippets come from feeds
// and are untrusted, so no string of theirs is ever parsed as HTML.
import type { TopicLabel } from './format.ts';
import type { RankedHit } from './rank.ts';
import { highlight, snippet, type SnippetPiece } from './snippet.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function pieces(target: HTMLElement, parts: readonly SnippetPiece[]): void {
  for (const part of parts) target.append(part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text));
}

/** A chip as pages draw it (same classes, so the topic colours apply), but not a link. */
export function topicChip(topic: TopicLabel): HTMLElement {
  const chip = element('span', `chip topic-${topic.id}`, topic.labelZh);
  chip.lang = 'zh-CN';
  const english = element('span', 'chip-en', topic.labelEn);
  english.lang = 'en';
  chip.append(english);
  return chip;
}

export function resultItem(hit: RankedHit, topics: ReadonlyMap<string, TopicLabel>): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = hit.record.url;
  pieces(link, highlight(hit.record.title, hit.title));
  const heading = element('h2', 'search-result-title');
  heading.append(link);

  const chips = element('ul', 'chips');
  chips.setAttribute('aria-label', '主题');
  for (const id of hit.record.topics) {
    const topic = topics.get(id);
    if (topic === undefined) continue;
    const chipItem = element('li');
    chipItem.append(topicChip(topic));
    chips.append(chipItem);
  }

  const text = element('p', 'search-snippet');
  pieces(text, snippet(hit.record.body, hit.body));
  item.append(heading, chips, text);
  return item;
}

/** The result links in order, for arrow-key movement. */
export const resultLinks = (results: HTMLElement): HTMLAnchorElement[] => [...results.querySelectorAll<HTMLAnchorElement>('a.search-result-link')];
