// Leading section headings: which are generic (概述, 实验结果), and where the headings end and
// the body begins. The excerpts are Markdown flattened to one line, so a heading's end is only a
// space; what follows tells whether that space ended a heading or sat inside a sentence.
import { PLACEHOLDERS } from '../model.ts';
import {
  CONTINUATIONS,
  COPULA,
  ENUMERATED_LABELS,
  GENERIC_HAN_WORDS,
  GENERIC_LATIN_WORDS,
  HEAD_NOUNS,
  NEVER_HEADING_START,
  INTRODUCTION_WORDS,
  NOT_CONTINUATIONS,
  NOT_OPENERS,
  NUMERAL,
  PREDICATE_MARKERS,
  SECTION_NUMBER,
  SENTENCE_OPENERS,
  SUBJECT_VERBS,
} from './heading-words.ts';
import { displayWidth, nextMatchAt } from './text.ts';

const HAN = /\p{Script=Han}/u;
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const GENERIC_HAN = new RegExp(`^(?:${alternation(GENERIC_HAN_WORDS)})+$`, 'u');
const INTRODUCTION = new RegExp(`^(?:${alternation(INTRODUCTION_WORDS)}|\\s)+[:：]?$`, 'iu');
const ENUMERATED = new RegExp(
  `^(?:(?:${alternation(ENUMERATED_LABELS)})\\s*${NUMERAL}(?:[和与、,~-]${NUMERAL})*|第${NUMERAL}(?:步|阶段|部分|节|课))$`,
  'iu',
);
// Headings are short; a longer text is never one, and the regex above then never runs long.
const MAX_GENERIC_LENGTH = 24;
// The widest heading this reads: a post title (`笔记|扩散模型(八)DALL-E 2 (unCLIP) 理论与实现`).
const MAX_HEADING_WIDTH = 32;
// A Chinese heading is a phrase; wider than this it is a sentence that lost its punctuation, and
// up to the second width only if nothing in it reads like a predicate (`已经`, `进行`, `了`).
const MAX_HAN_HEADING_WIDTH = 16;
const MAX_PLAIN_HEADING_WIDTH = 22;
// Chinese after a Latin name in a heading is a short phrase (`MAML 分类结果`, `理论与实现(一)基础理论`).
const MAX_HAN_AFTER_LATIN = 12;
const MAX_TOKENS = 24;
// A numbered label with its subtitle (`情况1:我对虚幻引擎一无所知,是虚幻引擎的初学者`).
const MAX_ENUMERATED_WIDTH = 28;
const CLAUSE_PUNCTUATION = /[,，。;；!！、]/u;

export function isGenericHeading(heading: string): boolean {
  const word = heading
    .trim()
    .replace(/[:：]$/u, '')
    .replace(/\s*[(（][^()（）]*[)）]$/u, '')
    .trim();
  if (word === '' || word.length > MAX_GENERIC_LENGTH) return false;
  if (ENUMERATED.test(word)) return true;
  if (/^[A-Za-z][A-Za-z&;\s-]*$/u.test(word)) {
    const words = word.toLowerCase().split(/[\s-]+/u);
    return words.every((part) => GENERIC_LATIN_WORDS.has(part)) && words.some((part) => part.length > 3);
  }
  return HAN.test(word) && GENERIC_HAN.test(word);
}

export interface LeadingHeading {
  text: string;
  generic: boolean;
  /** How deep its section number is: 0 for none, 1 for `第8章` or `3.`, 2 for `13.2`, 3 for `14.2.1`. */
  level: number;
}

interface Token {
  text: string;
  /** Offsets in the text the tokens were cut from. */
  start: number;
  end: number;
}

/** White space and brackets: the characters that end, open or hold a token. */
const TOKEN_BREAK = /[\s(（[【《)）\]】》]/g;

/** Words split at white space, except inside brackets: `3D卷积(3D Convolution)` is one token. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i <= text.length && tokens.length < MAX_TOKENS; i++) {
    // A run of other characters only opens a token: one search passes it, where a test per
    // character was a twentieth of the cost of deriving an article.
    const runEnd = i < text.length ? nextMatchAt(TOKEN_BREAK, text, i) : i;
    if (runEnd > i) {
      if (start === -1) start = i;
      i = runEnd - 1;
      continue;
    }
    const char = text[i] ?? ' ';
    if ('(（[【《'.includes(char)) depth++;
    else if (')）]】》'.includes(char)) depth = Math.max(0, depth - 1);
    const space = /\s/u.test(char) && (depth === 0 || i === text.length);
    if (space && start !== -1) {
      tokens.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    } else if (!space && start === -1) {
      start = i;
    }
  }
  return tokens;
}

/** Clause punctuation outside brackets. */
function hasClausePunctuation(token: string): boolean {
  let depth = 0;
  for (const char of token) {
    if ('(（[【《'.includes(char)) depth++;
    else if (')）]】》'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_PUNCTUATION.test(char)) return true;
  }
  return false;
}

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

const startsWithAny = (token: string, words: readonly string[]): boolean => words.some((word) => token.startsWith(word));
const opensSentence = (token: string): boolean => startsWithAny(token, SENTENCE_OPENERS) && !startsWithAny(token, NOT_OPENERS);
const continues = (token: string): boolean => startsWithAny(token, CONTINUATIONS) && !startsWithAny(token, NOT_CONTINUATIONS);
// Latin words, numbers, glosses and citation marks (`[1]`) go together in a name.
const isLatin = (token: string): boolean => /^[A-Za-z0-9(（["'-]/u.test(token) && !HAN.test(token);
/** A token that is a section number, or opens with one glued to its heading (`1.1.DeepLabV1`). */
function startsSection(token: string): boolean {
  const number = SECTION_NUMBER.exec(`${token} x`)?.[0].trim() ?? '';
  return number !== '' && (number === token || /[.、．)）章节]$/u.test(number));
}

/** The text of a heading, `X:` `Y` joined as `X: Y`, its own colon at the end dropped. */
function headingText(text: string, tokens: readonly Token[], count: number): string {
  return text.slice(0, tokens[count - 1]?.end ?? 0).replace(/[:：]$/u, '').trim();
}

/** A first token that can open a heading: a short phrase, `X:Y` with a short `Y`, a Latin word. */
function opensHeading(token: string): boolean {
  if (opensSentence(token) || startsWithAny(token, NEVER_HEADING_START) || continues(token)) return false;
  if (looksLikeMath(token) || !balanced(token)) return false;
  const [head = '', ...tail] = token.split(/[:：]/u);
  const subtitle = tail.join(':');
  if (subtitle !== '' && (hasClausePunctuation(subtitle) || continues(subtitle) || tail.length > 1)) return false;
  if (hasClausePunctuation(head)) return false;
  // A blog's category label (`笔记|`) does not count towards the width of its title.
  const title = token.replace(/^[^|｜]{1,6}[|｜]/u, '').replace(/[?？:：]/gu, '');
  const width = displayWidth(title);
  return width <= MAX_HAN_HEADING_WIDTH || (width <= MAX_PLAIN_HEADING_WIDTH && !PREDICATE_MARKERS.test(title)) || isLatin(token);
}

/** The first Latin word or Chinese run of a text, to tell when the body repeats the heading's subject. */
function leadingWord(text: string): string {
  return (/^[A-Za-z][A-Za-z0-9.-]*|^\p{Script=Han}{2,}/u.exec(text)?.[0] ?? '').toLowerCase();
}

/** The body repeats the heading's subject: `LoRA LoRA 是…`, `Stable Diffusion XL Stable Diffusion XL (SDXL) 是…`. */
function repeatsHeading(tokens: readonly Token[], j: number): boolean {
  const opening = tokens
    .slice(0, j)
    .map((token) => token.text)
    .join(' ')
    .replace(/^[^\s|｜]*[|｜]/u, '');
  const next = tokens
    .slice(j, j + 2)
    .map((token) => token.text)
    .join(' ')
    .toLowerCase();
  const first = leadingWord(opening);
  if (first === '' || !next.startsWith(first)) return false;
  const second = opening.slice(first.length).trim().split(/\s+/u)[0] ?? '';
  return !/^[A-Za-z]/u.test(second) || next.slice(first.length).trim().startsWith(second.toLowerCase());
}

/**
 * How many tokens a specific heading takes, or 0. The heading ends where the body shows: a new
 * section number, a sentence opener (`在…`, `为了…`), clause punctuation, the subject said again,
 * a generic heading, or a space between two Chinese characters (a lost line break).
 */
function specificHeadingLength(tokens: readonly Token[], text: string, numbered: boolean): number {
  const first = tokens[0]?.text ?? '';
  if (tokens.length < 2 || !opensHeading(first)) return 0;
  // `One-Hot编码: 一种简单的单词编码方式`, `Longformer: The Long-Document Transformer`: a colon after
  // the first word lets a subtitle follow; before a list (`做到了什么: 1. …`) it opens the sentence.
  if (/[:：]$/u.test(first)) {
    const subtitle = tokens[1]?.text ?? '';
    if (tokens.length < 3 || startsSection(subtitle)) return 0;
    if (!isLatin(subtitle)) return opensHeading(subtitle) && !/[:：]$/u.test(subtitle) && !hasClausePunctuation(subtitle) ? 2 : 0;
  }
  // `生成对抗网络是由Ian Goodfellow…`: a Chinese predicate running into Latin words is a sentence.
  const runsOn = /[A-Za-z]$/u.test(first) && HAN.test(first) && /^[A-Za-z]/u.test(tokens[1]?.text ?? '');
  if (runsOn && (COPULA.test(first) || PREDICATE_MARKERS.test(first))) return 0;
  let end = 1;
  let lastUnit = 0;
  // Set when the heading ends at a sentence with no opener, where a Latin name may be its subject.
  let unmarkedSentence = false;
  for (let j = 1; j < tokens.length; j++) {
    const token = tokens[j]?.text ?? '';
    const previous = tokens[j - 1]?.text ?? '';
    // `DALL-E 2`: a bare number after a name is its version, not a section.
    const version = /^v?\d+$/iu.test(token) && /[A-Za-z]$/u.test(previous);
    if ((startsSection(token) && !version) || INTRODUCTION.test(token) || repeatsHeading(tokens, j)) break;
    // A colon ends the heading (`混合专家模型 (MoEs):`); a label ending in one is the body's (`附录:`).
    if (/[:：]$/u.test(previous) && j > 1) break;
    if (/[:：]$/u.test(token)) {
      if (/^[(（][^()（）]*[)）][:：]$/u.test(token)) end = j + 1;
      break;
    }
    if (opensSentence(token) || (numbered && startsWithAny(token, SUBJECT_VERBS))) break;
    if (startsWithAny(token, SUBJECT_VERBS) && isLatin(previous)) return lastUnit;
    if (looksLikeMath(token) && !version) return j === 1 && !isLatin(first) ? 0 : end;
    if (continues(token)) return lastUnit;
    // `Longformer Attention的实现`: a short phrase glued to a Latin word goes on with the heading.
    const gluedPhrase = !hasClausePunctuation(token) && displayWidth(token) <= MAX_HAN_AFTER_LATIN && !PREDICATE_MARKERS.test(token);
    if (/^[A-Za-z]/u.test(token) && HAN.test(token) && !gluedPhrase) {
      // A Latin word glued to a sentence: a capitalised one is a new subject after the heading
      // (`BCQ算法是…`), unless it makes a name with the words before it that the text says again
      // (`Swin Transformer涉及…`); a lower-case one continues the name before it (`Kimi k1.5采用了…`).
      const glued = /^[A-Za-z][\w.-]*/u.exec(token)?.[0] ?? '';
      const name = `${tokens.slice(lastUnit, j).map((unit) => unit.text).join(' ')} ${glued}`;
      const continuesName = isLatin(previous) && (/^[a-z0-9]/u.test(glued) || text.includes(name, (tokens[j]?.start ?? 0) + glued.length));
      if (continuesName) return lastUnit;
      unmarkedSentence = !/^[A-Z]/u.test(token);
      break;
    }
    const clause = hasClausePunctuation(token) || /[:：?？]./u.test(token);
    if (clause && !(isLatin(token) && /^[^,，]*[,，]$/u.test(token))) {
      unmarkedSentence = true;
      break;
    }
    if (HAN.test(previous.at(-1) ?? '') && HAN.test(token[0] ?? '')) break;
    if (HAN.test(token) && isLatin(previous) && (displayWidth(token) > MAX_HAN_AFTER_LATIN || PREDICATE_MARKERS.test(token))) {
      unmarkedSentence = true;
      break;
    }
    if (j + 1 >= tokens.length || displayWidth(headingText(text, tokens, j + 1)) > MAX_HEADING_WIDTH) break;
    if (!(isLatin(token) && isLatin(previous))) lastUnit = j;
    end = j + 1;
  }
  const heading = tokens.slice(0, end).map((token) => token.text);
  // `We use v1.5 here. It works.`: a full stop inside a run of Latin words makes it prose.
  if (heading.slice(0, -1).some((token) => /[.!?]$/u.test(token) && !startsSection(token))) return 0;
  if (heading.every(isLatin) && unmarkedSentence) return latinNameIsHeading(tokens, end, text, numbered) ? end : 0;
  return end;
}

/**
 * A Latin name before a sentence without an opener is a heading when a section number or more
 * words make it one (`3.2 Self-Attention 自注意力是…`, `Random Ensemble Mixture 文献[3]中,…`), or
 * when the text says it again (`ParaAttention 大型…`); not when the sentence goes on with the
 * noun it qualifies (`CTC 算法主要…`) or says it once (`CLIP 不…`).
 */
function latinNameIsHeading(tokens: readonly Token[], end: number, text: string, numbered: boolean): boolean {
  const next = tokens[end]?.text ?? '';
  if (startsWithAny(next, HEAD_NOUNS)) return false;
  if (end >= 2 || numbered) return true;
  const name = tokens[0]?.text ?? '';
  return text.indexOf(name, tokens[0]?.end ?? 0) !== -1;
}

/** How many tokens a generic heading takes: one word, or a Latin one with its gloss (`Motivation (Why):`). */
function genericHeadingLength(tokens: readonly Token[]): number {
  const [first, second, third] = tokens.map((token) => token.text);
  if (first === undefined || second === undefined) return 0;
  if (third !== undefined && /^[A-Za-z]/u.test(first) && /^[(（]/u.test(second) && isGenericHeading(`${first} ${second}`)) return 2;
  if (third !== undefined && /^[A-Za-z]/u.test(first) && /^[A-Za-z]/u.test(second) && isGenericHeading(`${first} ${second}`)) return 2;
  return isGenericHeading(first) ? 1 : 0;
}

/**
 * Peel the headings off the start of an excerpt: section numbers (`13.2`, `第8章`), any number
 * of generic headings (`概述`, `网络架构:`), one specific heading, and further specific ones only
 * when a section number introduces them (`15.3 基于特征的迁移 15.3.1 特征选择`). `rest` is the body.
 */
export function splitLeadingHeadings(text: string): { headings: LeadingHeading[]; rest: string } {
  const headings: LeadingHeading[] = [];
  let rest = text.trim();
  let specificTaken = false;
  for (let round = 0; round < 8; round++) {
    const number = SECTION_NUMBER.exec(rest)?.[0] ?? '';
    const level = number === '' ? 0 : number.startsWith('第') ? 1 : Math.max(1, number.match(/\d+/gu)?.length ?? 1);
    const numbered = rest.slice(number.length);
    const tokens = tokensOf(numbered);
    const first = tokens[0]?.text ?? '';
    const generic = genericHeadingLength(tokens);
    const label = /^([^\s:：]{1,12})[:：]/u.exec(first);
    let taken: string;
    if (generic > 0) {
      headings.push({ text: headingText(numbered, tokens, generic), generic: true, level });
      taken = numbered.slice(0, tokens[generic - 1]?.end ?? 0);
    } else if (label?.[1] !== undefined && ENUMERATED.test(label[1]) && !specificTaken && tokens.length > 1 && displayWidth(first) <= MAX_ENUMERATED_WIDTH) {
      // `情况1:我对虚幻引擎一无所知,是初学者`, `优化三:与梯度累积共同使用`: the label needs what it numbers.
      headings.push({ text: first, generic: false, level });
      specificTaken = true;
      taken = first;
    } else if (label?.[1] !== undefined && isGenericHeading(label[1]) && numbered.length > label[0].length) {
      headings.push({ text: label[1], generic: true, level });
      taken = label[0];
    } else {
      const length = specificTaken && number === '' ? 0 : specificHeadingLength(tokens, numbered, number !== '');
      // A number after a heading numbers what follows, heading or not (`习题 1-1 强化学习的…?`).
      if (length === 0 && headings.length > 0) rest = numbered.trim();
      if (length === 0) break;
      headings.push({ text: headingText(numbered, tokens, length), generic: false, level });
      specificTaken = true;
      taken = numbered.slice(0, tokens[length - 1]?.end ?? 0);
    }
    rest = numbered.slice(taken.length).replace(/^[\s:：]+/u, '');
  }
  return { headings, rest };
}
