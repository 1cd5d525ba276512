// A short window of the body around the first match, as plain-text pieces that are either
// highlighted or not; the client turns them into text nodes and <mark> elements.
import type { Range } from './rank.ts';

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

const SNIPPET_LENGTH = 110;
/** How much text to show before the first match, so it reads in context. */
const LEAD = 24;

const isLowSurrogate = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Never cut an astral character (an emoji, a rare Han character) in half. */
function safeIndex(text: string, index: number): number {
  const clamped = Math.max(0, Math.min(text.length, index));
  return clamped < text.length && isLowSurrogate(text, clamped) ? clamped - 1 : clamped;
}

/** Splits `text[from, to)` at the highlighted ranges. */
export function highlight(text: string, ranges: readonly Range[], from = 0, to = text.length): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let at = from;
  for (const [rawStart, rawEnd] of ranges) {
    const start = safeIndex(text, Math.max(rawStart, from));
    const end = safeIndex(text, Math.min(rawEnd, to));
    if (end <= start || start < at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  return pieces;
}

export function snippet(body: string, ranges: readonly Range[], length = SNIPPET_LENGTH): SnippetPiece[] {
  const first = ranges[0];
  const start = first === undefined ? 0 : Math.max(0, first[0] - LEAD);
  // Near the end, start earlier so the snippet keeps its length.
  const from = safeIndex(body, Math.min(start, Math.max(0, body.length - length)));
  const to = safeIndex(body, from + length);
  const pieces = highlight(body, ranges, from, to);
  if (from > 0) pieces.unshift({ text: '…', mark: false });
  if (to < body.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
