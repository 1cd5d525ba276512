// The summary of an excerpt: its first one or two sentences, at most SUMMARY_WIDTH wide.

import { PLACEHOLDERS } from '../model.ts';
import { isGenericHeading, splitLeadingHeadings } from './headings.ts';
import {
  boundedPrefix,
  charWidth,
  displayWidth,
  hasWords,
  insideFormula,
  SCAN_LIMIT,
  withoutLinksAndEmoji,
} from './text.ts';

/** Wide enough for two sentences of a Chinese blog post; a CJK character counts 1, Latin 0.5. */
export const SUMMARY_WIDTH = 120;
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';']);
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '】', '」', '』', '》']);
const CLAUSE_END = new Set(['，', ',', '、', '：', ':']);

/** Indices just past each sentence end (。!?; and `.` before white space), outside formulas. */
function sentenceEnds(text: string, inside: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (inside[i] === 1) continue;
    const char = text[i] ?? '';
    const next = text[i + 1];
    const fullStop = char === '.' && (next === undefined || /\s/u.test(next)) && !/\d/u.test(text[i - 1] ?? '');
    if (!SENTENCE_END.has(char) && !fullStop) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end] ?? '')) end++;
    ends.push(end);
    i = end - 1;
  }
  return ends;
}

const TRAILING_PUNCTUATION = new Set([...'。！？!?；;，,、:：.']);

/** Whether `text.slice(0, end)` ends, punctuation aside, on a placeholder; scans back, not forward. */
function endsOnPlaceholder(text: string, end = text.length): boolean {
  let last = end;
  while (last > 0 && (/\s/u.test(text[last - 1] ?? '') || TRAILING_PUNCTUATION.has(text[last - 1] ?? ''))) last--;
  return PLACEHOLDERS.some((placeholder) => text.startsWith(placeholder, last - placeholder.length));
}

/** The last clause or word boundary that keeps `text` within `width`, outside formulas and brackets. */
function lastBoundary(text: string, inside: Uint8Array, width: number): number {
  let clause = -1;
  let space = -1;
  let used = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    used += charWidth(char.codePointAt(0) ?? 0);
    if (used > width) break;
    if (inside[i] === 1) continue;
    if ('(（《“'.includes(char)) depth++;
    else if (')）》”'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.has(char) && !endsOnPlaceholder(text, i)) clause = i;
    else if (/\s/u.test(char) && inside[i - 1] !== 1 && !endsOnPlaceholder(text, i)) space = i;
  }
  return clause > 0 ? clause : space;
}

/** Cut `text` to `width`, at a clause boundary if there is one, else a word boundary, and mark the cut. */
export function clipWithEllipsis(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const inside = insideFormula(text);
  let cut = lastBoundary(text, inside, width - 1);
  if (cut <= 0) {
    cut = 0;
    for (let used = 0; cut < text.length && inside[cut] !== 1; cut++) {
      used += charWidth(text.codePointAt(cut) ?? 0);
      if (used > width - 1) break;
    }
    if (cut > 0 && /[\uD800-\uDBFF]/u.test(text[cut - 1] ?? '')) cut--;
  }
  return `${text.slice(0, cut).replace(/[\s，,、：:；;]+$/u, '')}…`;
}

/**
 * One or two sentences from the start of the excerpt, the leading heading dropped, within
 * SUMMARY_WIDTH; cut at a clause or word boundary with `…` when even the first sentence is
 * longer. Formulas and placeholders stay whole (the renderer typesets them).
 */
export function deriveSummary(text: string): string {
  const prefix = boundedPrefix(text, SCAN_LIMIT);
  const { rest } = splitLeadingHeadings(prefix);
  const body = withoutLinksAndEmoji(rest).replace(/\s+/gu, ' ').trim();
  if (!hasWords(body) || isGenericHeading(body)) return '';
  if (prefix.length === text.length && displayWidth(body) <= SUMMARY_WIDTH) return body;
  const inside = insideFormula(body);
  const fitting = sentenceEnds(body, inside)
    .slice(0, 2)
    .filter((end) => displayWidth(body.slice(0, end)) <= SUMMARY_WIDTH);
  const chosen = [...fitting].reverse().find((end) => !endsOnPlaceholder(body, end)) ?? fitting[0];
  if (chosen !== undefined) return body.slice(0, chosen).trim();
  const clipped = clipWithEllipsis(body, SUMMARY_WIDTH);
  return hasWords(clipped) ? clipped : '';
}
