// Text measures the title, the summary and the key terms share (display width, formula spans,
// links and emoji), so that all three read an excerpt the same way.
import { PLACEHOLDERS } from '../model.ts';

/** Summaries and titles look only this far, so a 100 KB line costs what a short one does. */
export const SCAN_LIMIT = 2000;

// A `$` that finds no partner within this distance is a dollar sign, not TeX.
const MAX_DOLLAR_SPAN = 200;
const URL_START = /https?:\/\/|www\./giu;
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;

// East Asian wide ranges: Hangul Jamo, CJK and kana, Hangul, compatibility ideographs,
// vertical and full-width forms, emoji, the supplementary ideograph planes.
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];

/** East Asian wide characters count 1; everything else 0.5. */
export function charWidth(codePoint: number): number {
  return WIDE_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high) ? 1 : 0.5;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/**
 * Where the global `pattern` next matches in `text` at or after `from`, else the text's length. A
 * scan that acts only on a few characters passes the rest in one search, not one test each.
 */
export function nextMatchAt(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}

/** The first `limit` UTF-16 units, never ending on half a surrogate pair. */
export function boundedPrefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

export interface FormulaSpan {
  start: number;
  end: number;
}

/**
 * `\(…\)`, `\[…\]`, `$…$`, `$$…$$` and the `[Math]`-style placeholders, in one pass: every
 * search resumes after the span it found, so the scan stays linear. An unclosed `\(` runs to
 * the end, because the excerpt was cut inside it.
 */
export function formulaSpans(text: string): FormulaSpan[] {
  const spans: FormulaSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (char === '\\' && (next === '(' || next === '[')) {
      const close = text.indexOf(next === '(' ? '\\)' : '\\]', i + 2);
      const end = close === -1 ? text.length : close + 2;
      spans.push({ start: i, end });
      i = end;
      continue;
    }
    if (char === '$') {
      const delimiter = next === '$' ? '$$' : '$';
      const close = text.indexOf(delimiter, i + delimiter.length);
      if (close > i + delimiter.length && close - i <= MAX_DOLLAR_SPAN) {
        spans.push({ start: i, end: close + delimiter.length });
        i = close + delimiter.length;
        continue;
      }
    }
    if (char === '[') {
      const placeholder = PLACEHOLDERS.find((candidate) => text.startsWith(candidate, i));
      if (placeholder !== undefined) {
        spans.push({ start: i, end: i + placeholder.length });
        i += placeholder.length;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** Whether any letter or digit stands outside the formulas and placeholders. */
export function hasWords(text: string): boolean {
  let from = 0;
  for (const span of formulaSpans(text)) {
    if (/[\p{L}\p{N}]/u.test(text.slice(from, span.start))) return true;
    from = span.end;
  }
  return /[\p{L}\p{N}]/u.test(text.slice(from));
}

/** Marks, per UTF-16 index, whether it lies inside a formula span. */
export function insideFormula(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  for (const span of formulaSpans(text)) inside.fill(1, span.start, span.end);
  return inside;
}

/**
 * URLs and emoji out of running text. A URL takes its short label with it (`代码地址: https://…`),
 * since the label means nothing once the link is gone.
 */
export function withoutLinksAndEmoji(text: string): string {
  let result = '';
  let from = 0;
  for (const match of text.matchAll(URL_START)) {
    if (match.index < from) continue;
    let end = match.index;
    while (end < text.length && !/\s/u.test(text[end] ?? ' ')) end++;
    const before = text.slice(from, match.index).replace(/[\p{L}\p{N}]{1,8}\s*[:：]\s*$/u, '');
    result += `${before} `;
    from = end;
  }
  result += text.slice(from);
  return result.replace(PICTOGRAPH, ' ');
}
