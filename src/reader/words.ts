// Words a reader wants highlighted or muted, matched the way search matches a query (through the
// same tokenizer): Chinese by substring, Latin case-insensitively from the start of a word, so
// "rl" mutes "RL" and "RLHF" but not "world"; a phrase matches when all of its words do.
import { indexTokens, isCjk, queryPieces } from '../search/tokens.ts';

/** A few words each, as the issue asks; more would be a filter language, which this is not. */
export const MAX_WORDS = 20;
const MAX_WORD_LENGTH = 40;

export interface ReaderWords {
  highlight: string[];
  mute: string[];
}

export const NO_WORDS: ReaderWords = { highlight: [], mute: [] };

/** What a reader typed into a box: words split on commas, 、, semicolons or new lines. */
export function parseWordList(typed: string): string[] {
  const words = typed
    .split(/[,,、;;\n]+/)
    .map((word) => word.trim().slice(0, MAX_WORD_LENGTH))
    .filter((word) => queryPieces(word).length > 0);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** A stored value, or no words when it is missing or not one of ours. */
export function parseWords(value: unknown): ReaderWords {
  if (typeof value !== 'object' || value === null) return NO_WORDS;
  const list = (field: unknown) => (Array.isArray(field) ? parseWordList(field.filter((w) => typeof w === 'string').join('\n')) : []);
  const { highlight, mute } = value as Record<string, unknown>;
  return { highlight: list(highlight), mute: list(mute) };
}

/** A text prepared once for matching against many words. */
export interface MatchableText {
  folded: string;
  words: string[];
}

export function matchable(text: string): MatchableText {
  const pieces = queryPieces(text);
  return {
    folded: pieces.map((piece) => piece.text).join(' '),
    words: [...new Set(indexTokens(text).filter((token) => !isCjk(token)))],
  };
}

export function holdsWord(text: MatchableText, word: string): boolean {
  const pieces = queryPieces(word);
  return (
    pieces.length > 0 &&
    pieces.every((piece) => (piece.cjk ? text.folded.includes(piece.text) : text.words.some((token) => token.startsWith(piece.text))))
  );
}

/** The first of the words the text holds, or undefined. */
export const firstHeld = (text: MatchableText, words: readonly string[]): string | undefined => words.find((word) => holdsWord(text, word));
