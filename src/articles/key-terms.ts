// Latin terms and acronyms of a mostly-Chinese excerpt (DDPM, ViT, Actor-Critic, Swin
// Transformer), for search and display. Chinese words are left to the search index, which
// segments them into bigrams; here a run of Latin words between Chinese characters is the unit.
import { boundedPrefix, formulaSpans, withoutLinksAndEmoji } from './text.ts';

export const MAX_KEY_TERMS = 12;
const TERM_SCAN_LIMIT = 8000;
const MAX_PHRASE_WORDS = 4;

export interface RankedTerm {
  /** As first spelled in the text. */
  term: string;
  count: number;
  /** count × weight: an acronym or a name with digits weighs 3, a capitalised word 1.5, others 1. */
  score: number;
  /** Order of first appearance. */
  first: number;
  /** Capitalised, so probably a name rather than an ordinary word. */
  named: boolean;
}

// English words that join or frame a phrase; they split a run of words into terms.
const FUNCTION_WORDS = new Set(
  ('a an the of and or nor to in on at for with by from as is are was were be been being this that these those ' +
    'it its we our you your they their he she his her not no but if then than so such via using use used into ' +
    'onto over under about per between within without also only just more most very can could may might will ' +
    'would should must do does did has have had which who whom whose what when where how why all any each ' +
    'other some both either one two me my us them there here vs etc eg ie tldr like').split(' '),
);
// Ordinary words of ML prose: a term made only of them says nothing about the article.
const GENERIC_WORDS = new Set(
  ('model models method methods paper papers work works result results task tasks data dataset datasets image ' +
    'images text texts input inputs output outputs feature features pixel pixels loss debug performance ' +
    'condition conditions label labels mask caption captions top log class classes token tokens sequence ' +
    'sequences million billion function functions network networks layer layers value values example examples ' +
    'based step steps time new code part parts problem problems approach framework system training test train ' +
    'learning generalize faster linear simple first last best large small high low size type way case cases error cell').split(' '),
);

const WORD = /^[A-Za-z][A-Za-z0-9.'’-]*$/u;
const PLAIN = /^[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*$/u;
const VERSION = /^(?:[a-z]?\d+(?:\.\d+)+|[a-z]\d+|\d{1,2})$/u;
const MATH = /[_^\\{}=<>|~*+]/u;
// Chunks of ASCII that can make words or formulas; anything else (Chinese, punctuation, space) ends one.
const CHUNK = /[A-Za-z0-9_^\\{}=<>|~*+.'’-]+/gu;

interface Chunk {
  text: string;
  /** Followed by exactly one space and then another chunk. */
  joinsNext: boolean;
}

/** The text with links, emoji and formulas replaced by line breaks, which no phrase crosses. */
function prose(text: string): string {
  const clean = withoutLinksAndEmoji(boundedPrefix(text, TERM_SCAN_LIMIT));
  let result = '';
  let from = 0;
  for (const span of formulaSpans(clean)) {
    result += `${clean.slice(from, span.start)}\n`;
    from = span.end;
  }
  return (result + clean.slice(from)).trimEnd();
}

function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const end = match.index + match[0].length;
    // A word that runs into the end of a cut excerpt is probably cut too (`Linear Attentio`).
    if (end === text.length && /[A-Za-z]$/u.test(match[0])) {
      const previous = chunks.at(-1);
      if (previous !== undefined) previous.joinsNext = false;
      break;
    }
    chunks.push({ text: match[0], joinsNext: text[end] === ' ' && /[A-Za-z0-9]/u.test(text[end + 1] ?? '') });
  }
  return chunks;
}

function wordOf(chunk: string): string | null {
  if (MATH.test(chunk)) return null;
  const word = chunk.replace(/^[.'’-]+|[.'’-]+$/gu, '');
  if (VERSION.test(word)) return word;
  if (!WORD.test(word) || word.length < 2) return null;
  if (/^[a-z]+$/u.test(word) && word.length < 3) return null;
  return word;
}

const isName = (word: string): boolean => !PLAIN.test(word) && !VERSION.test(word);

/** Terms of one run of words separated by single spaces. */
function termsOfRun(words: string[]): string[][] {
  const terms: string[][] = [];
  let phrase: string[] = [];
  const flush = (): void => {
    if (phrase.length > MAX_PHRASE_WORDS) terms.push(...phrase.map((word) => [word]));
    else if (phrase.length > 0) terms.push(phrase);
    phrase = [];
  };
  let afterTerm = false;
  for (const word of words) {
    const wasAfterTerm = afterTerm;
    afterTerm = !FUNCTION_WORDS.has(word.toLowerCase());
    if (!afterTerm) {
      flush();
    } else if (VERSION.test(word)) {
      // `Kimi k1.5`, `Stable Diffusion 3`: a version belongs to the name just before it, unless
      // that name already holds a number (`UpsamplingBilinear2d 0)` is a list, not a version).
      flush();
      const previous = terms.at(-1);
      if (wasAfterTerm && previous !== undefined && !/\d/u.test(previous.join(''))) previous.push(word);
      afterTerm = false;
    } else if (isName(word)) {
      // `Faster RCNN`: one capitalised word before an acronym is part of it.
      const joins = phrase.length === 1 && /^[A-Z]/u.test(phrase[0] ?? '') && /^[A-Z0-9]+$/u.test(word);
      const joined = joins ? [...phrase, word] : [word];
      if (joins) phrase = [];
      flush();
      terms.push(joined);
    } else {
      phrase.push(word);
    }
  }
  flush();
  return terms;
}

function keyOf(words: string[]): string {
  return words
    .map((word) => word.toLowerCase().replace(/-/gu, ''))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

function weightOf(term: string): number {
  if ((term.match(/[A-Z]/gu)?.length ?? 0) >= 2 || /[A-Za-z].*\d|\d.*[A-Za-z]/u.test(term)) return 3;
  return /[A-Z]/u.test(term) ? 1.5 : 1;
}

/** Every Latin term of the text with its salience, the most salient first (ties: first seen). */
export function rankKeyTerms(text: string): RankedTerm[] {
  const byKey = new Map<string, RankedTerm>();
  let run: string[] = [];
  const closeRun = (): void => {
    for (const words of termsOfRun(run)) {
      if (words.every((word) => GENERIC_WORDS.has(word.toLowerCase()))) continue;
      const key = keyOf(words);
      const known = byKey.get(key);
      if (known !== undefined) {
        known.count++;
        continue;
      }
      const term = words.join(' ');
      byKey.set(key, { term, count: 1, score: 0, first: byKey.size, named: /[A-Z]/u.test(term) });
    }
    run = [];
  };
  for (const chunk of chunksOf(prose(text))) {
    const word = wordOf(chunk.text);
    if (word === null) {
      closeRun();
      continue;
    }
    run.push(word);
    if (!chunk.joinsNext) closeRun();
  }
  closeRun();
  const ranked = [...byKey.values()].map((term) => ({ ...term, score: term.count * weightOf(term.term) }));
  return ranked.sort((a, b) => b.score - a.score || a.first - b.first);
}

/**
 * Up to MAX_KEY_TERMS Latin terms and acronyms, most salient first (an acronym or a name that
 * recurs outranks a word seen once), deduplicated case-insensitively under their first spelling.
 * Words glued by the scrape (`ActorCritic`, `policybased`) stay as they appear.
 */
export function extractKeyTerms(text: string): string[] {
  return rankKeyTerms(text)
    .slice(0, MAX_KEY_TERMS)
    .map((ranked) => ranked.term);
}
