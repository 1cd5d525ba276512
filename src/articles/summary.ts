// The summary of an excerpt: its first one or two sentences, at most SUMMARY_WIDTH wide.
// This file also holds the text measures the title and the key terms share (display width,
// formula spans, leading headings), so that all three read an excerpt the same way.

/** Wide enough for two sentences of a Chinese blog post; a CJK character counts 1, Latin 0.5. */
export const SUMMARY_WIDTH = 120;
/** Summaries and titles look only this far, so a 100 KB line costs what a short one does. */
export const SCAN_LIMIT = 2000;

const PLACEHOLDERS = ['[Math]', '[公式]', '[Formula]'];
// A `$` that finds no partner within this distance is a dollar sign, not TeX.
const MAX_DOLLAR_SPAN = 200;
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';']);
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '】', '」', '』', '》']);
const CLAUSE_END = new Set(['，', ',', '、', '：', ':']);
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
function insideFormula(text: string): Uint8Array {
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

// Section headings that say where in a post we are, not what it is about. A heading made
// only of these words (概述与理论背景, 背景和动机) is generic.
const GENERIC_WORDS = (
  '写在前面 概述 引言 简介 前言 背景 问题 引入 简短 总结 基本 概念 理论 原理 分析 定义 设定 描述 网络 架构 模型 ' +
  '结构 设计 方法 摘要 导言 导读 介绍 小结 动机 核心 思想 贡献 论文 阅读 名称 正文 目录 前置 预备 知识 基础 相关 ' +
  '工作 算法 综述 概览 要点 与 和 及 、 &'
).split(' ');
const GENERIC_LATIN = new Set(['introduction', 'overview', 'background', 'abstract', 'summary', 'motivation', 'preface']);

export function isGenericHeading(heading: string): boolean {
  const word = heading.replace(/[:：]$/u, '');
  if (word === '') return false;
  if (GENERIC_LATIN.has(word.toLowerCase())) return true;
  let i = 0;
  while (i < word.length) {
    const match = GENERIC_WORDS.find((generic) => word.startsWith(generic, i));
    if (match === undefined) return false;
    i += match.length;
  }
  return /\p{Script=Han}/u.test(word);
}

export interface LeadingHeading {
  text: string;
  generic: boolean;
}

const HAN = /\p{Script=Han}/u;
const CLAUSE_PUNCTUATION = /[,，。;；!！、]/u;
const NUMBERING = /^(?:\d{1,2}|[一二三四五六七八九十])[.、．)）]\s*/u;
// A heading is followed by a sentence; these cannot open one, so what precedes them is a subject.
const CONTINUATIONS = new Set(['是', '的', '为', '和', '与', '及', '或', '等', '之', '了', '着']);

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if ('(（[【《'.includes(char)) depth++;
    else if (')）]】》'.includes(char) && --depth < 0) return false;
  }
  return depth === 0;
}

function looksLikeMath(token: string): boolean {
  return /^[A-Za-z]\d*[,.;:]?$/u.test(token) || /[_^=\\{}$]/u.test(token) || PLACEHOLDERS.some((p) => token.startsWith(p));
}

function opensWithContinuation(token: string): boolean {
  return CONTINUATIONS.has(token[0] ?? '');
}

/** A short Chinese heading: `摘掉Softmax`, `CLIP算法原理`, `1.深度学习偏置的作用?`. */
function hanHeading(token: string, next: string | undefined): boolean {
  // A trailing colon introduces the sentence (`做到了什么: 1. …`); a trailing question mark asks it.
  const body = token.replace(/[?？]$/u, '');
  return (
    next !== undefined &&
    displayWidth(body) >= 2 &&
    HAN.test(body) &&
    !CLAUSE_PUNCTUATION.test(body) &&
    !/[:：?？]/u.test(body) &&
    balanced(body) &&
    displayWidth(body) <= 16 &&
    !looksLikeMath(next) &&
    !opensWithContinuation(next) &&
    // `本文的任务是Object detection`: a space between two Latin words is inline spacing.
    !(/[A-Za-z]$/u.test(body) && /^[A-Za-z]/u.test(next))
  );
}

/**
 * A run of Latin words before the first Chinese token is a heading (`Score based generative
 * model`, `SigLIP`) unless it is the subject of the sentence that follows (`Kimi k1.5采用了…`,
 * `Trust Region Policy Optimization (TRPO) 是…`). Returns how many tokens the heading takes.
 */
function latinHeading(tokens: string[]): number {
  let run = 0;
  while (run < tokens.length && run < 6 && !HAN.test(tokens[run] ?? '')) {
    if (looksLikeMath(tokens[run] ?? '') || CLAUSE_PUNCTUATION.test(tokens[run] ?? '')) return 0;
    run++;
  }
  const next = tokens[run];
  if (run === 0 || next === undefined || !/^[A-Za-z]/u.test(tokens[0] ?? '')) return 0;
  const glued = /^[A-Za-z][\w.-]*/u.exec(next)?.[0];
  if (glued !== undefined) return /^[A-Z]/u.test(glued) ? run : 0;
  if (opensWithContinuation(next)) return 0;
  if (isGenericHeading(next)) return run;
  const headingLike = !CLAUSE_PUNCTUATION.test(next) && displayWidth(next) <= 12 && tokens[run + 1] !== undefined;
  return headingLike ? run + 1 : 0;
}

/**
 * Peel the headings off the start of an excerpt: any number of generic ones (`概述`, `网络架构:`)
 * and at most one specific one. `rest` is what follows them.
 */
export function splitLeadingHeadings(text: string): { headings: LeadingHeading[]; rest: string } {
  const headings: LeadingHeading[] = [];
  let rest = text.trim();
  let specificTaken = false;
  for (let round = 0; round < 6; round++) {
    const numbered = rest.replace(NUMBERING, '');
    const tokens = numbered.split(/\s+/u, 8);
    const first = tokens[0] ?? '';
    const label = /^([^\s:：]{1,10})[:：]/u.exec(first)?.[1];
    let taken = 0;
    let generic = false;
    if (first !== '' && isGenericHeading(first) && tokens.length > 1) {
      taken = 1;
      generic = true;
    } else if (label !== undefined && isGenericHeading(label)) {
      headings.push({ text: label, generic: true });
      rest = numbered.slice(numbered.indexOf(label) + label.length + 1).trim();
      continue;
    } else if (!specificTaken && hanHeading(first, tokens[1])) {
      taken = /^[(（][^)）]*[)）][:：]?$/u.test(tokens[1] ?? '') ? 2 : 1;
    } else if (!specificTaken) {
      taken = latinHeading(tokens);
    }
    if (taken === 0) break;
    const headingTokens = tokens.slice(0, taken);
    let end = 0;
    for (const token of headingTokens) end = numbered.indexOf(token, end) + token.length;
    headings.push({ text: numbered.slice(0, end).replace(/[:：]$/u, '').trim(), generic });
    specificTaken ||= !generic;
    rest = numbered.slice(end).replace(/^[\s:：]+/u, '');
  }
  return { headings, rest };
}

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
