// A query, as the index and Fuse will answer it: every term group must match (AND); a group
// matches through any of its spellings (the typed words or a synonym), or, when it names a topic,
// through the topic's articles; a spelling matches when all of its keys do.
import { SYNONYMS } from './synonyms.ts';
import { coveringBigrams, queryPieces, type Piece } from './tokens.ts';

/** Past these a query is noise or an attack, and each term costs index fetches. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

/**
 * A key the index must hold. `token`: that exact token (a CJK bigram or character, or a Latin
 * word too short to expand). `word`: a Latin word of two letters or more, which also matches
 * longer words it begins (instant search while typing) and, being possibly misspelt, close words.
 */
export type KeyRequirement = { type: 'token'; token: string } | { type: 'word'; word: string };

export interface Spelling {
  /** The spelling as typed or as the synonym table writes it, normalized. */
  text: string;
  synonym: boolean;
  keys: KeyRequirement[];
  /** The pieces Fuse must find, each as a substring: CJK runs and Latin words. */
  pieces: string[];
}

export interface TermGroup {
  spellings: Spelling[];
  /** The topic the group names (强化学习, RL, Transformer…): its articles match whatever their words. */
  topic?: string;
}

/** A topic and the names a query may call it by. */
export interface TopicNames {
  id: string;
  searchNames: readonly string[];
}

export interface QueryPlan {
  groups: TermGroup[];
}

/** Fuse needs each Latin word's corrections as patterns too; keyed by the typed word. */
export type Corrections = Map<string, string[]>;

/** A one-letter word is looked up as it is; from two letters on, it also finds the words it begins. */
const MIN_EXPANDED_WORD = 2;

function keysOf(piece: Piece): KeyRequirement[] {
  const chars = Array.from(piece.text);
  if (piece.cjk) {
    if (chars.length === 1) return [{ type: 'token', token: piece.text }];
    return coveringBigrams(piece.text).map((token) => ({ type: 'token', token }));
  }
  return chars.length < MIN_EXPANDED_WORD ? [{ type: 'token', token: piece.text }] : [{ type: 'word', word: piece.text }];
}

function spelling(pieces: readonly Piece[], synonym: boolean): Spelling {
  return {
    text: pieces.map((piece) => piece.text).join(' '),
    synonym,
    keys: pieces.flatMap(keysOf),
    pieces: pieces.map((piece) => piece.text),
  };
}

interface SynonymEntry {
  spellings: Piece[][];
}

const SYNONYM_ENTRIES: SynonymEntry[] = SYNONYMS.map((spellings) => ({ spellings: spellings.map(queryPieces) }));

const sameText = (a: readonly Piece[], b: readonly Piece[]): boolean =>
  a.length === b.length && a.every((piece, index) => piece.text === b[index]!.text);

interface Phrase {
  pieces: Piece[];
  synonyms?: SynonymEntry;
  topic?: string;
}

const SYNONYM_PHRASES: Phrase[] = SYNONYM_ENTRIES.flatMap((entry) => entry.spellings.map((pieces) => ({ pieces, synonyms: entry })));

/** The longest phrase (a synonym or a topic name) that the pieces starting at `from` spell, with everything it means. */
function phraseAt(phrases: readonly Phrase[], pieces: readonly Piece[], from: number): { typed: Piece[]; synonyms?: SynonymEntry; topic?: string } | null {
  let best: { typed: Piece[]; synonyms?: SynonymEntry; topic?: string } | null = null;
  for (const phrase of phrases) {
    const length = phrase.pieces.length;
    if (length < (best?.typed.length ?? 1) || !sameText(phrase.pieces, pieces.slice(from, from + length))) continue;
    if (best === null || length > best.typed.length) best = { typed: pieces.slice(from, from + length) };
    best.synonyms ??= phrase.synonyms;
    best.topic ??= phrase.topic;
  }
  return best;
}

export function planQuery(query: string, topics: readonly TopicNames[] = []): QueryPlan {
  const phrases = [
    ...SYNONYM_PHRASES,
    ...topics.flatMap(({ id, searchNames }) => searchNames.map((name) => ({ pieces: queryPieces(name), topic: id }))),
  ];
  const pieces = queryPieces(query.slice(0, MAX_QUERY_LENGTH));
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < pieces.length && groups.length < MAX_TERMS; ) {
    const found = phraseAt(phrases, pieces, index);
    const typed = found ? found.typed : [pieces[index]!];
    index += typed.length;
    const key = typed.map((piece) => piece.text).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const others = found?.synonyms?.spellings.filter((spelt) => !sameText(spelt, typed)) ?? [];
    const group: TermGroup = { spellings: [spelling(typed, false), ...others.map((spelt) => spelling(spelt, true))] };
    if (found?.topic !== undefined) group.topic = found.topic;
    groups.push(group);
  }
  return { groups };
}
