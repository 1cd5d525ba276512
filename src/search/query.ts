// A query, as the index and Fuse will answer it: every term group must match (AND); a group
// matches through any of its spellings (the typed words or a synonym); a spelling matches when
// all of its keys do.
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
const LONGEST_SYNONYM = Math.max(...SYNONYM_ENTRIES.flatMap((entry) => entry.spellings.map((pieces) => pieces.length)));

const sameText = (a: readonly Piece[], b: readonly Piece[]): boolean =>
  a.length === b.length && a.every((piece, index) => piece.text === b[index]!.text);

/** The synonym entry whose spelling equals the pieces starting at `from`, longest first. */
function synonymAt(pieces: readonly Piece[], from: number): { entry: SynonymEntry; typed: Piece[] } | null {
  for (let length = Math.min(LONGEST_SYNONYM, pieces.length - from); length >= 1; length--) {
    const typed = pieces.slice(from, from + length);
    const entry = SYNONYM_ENTRIES.find((candidate) => candidate.spellings.some((spelt) => sameText(spelt, typed)));
    if (entry) return { entry, typed };
  }
  return null;
}

export function planQuery(query: string): QueryPlan {
  const pieces = queryPieces(query.slice(0, MAX_QUERY_LENGTH));
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < pieces.length && groups.length < MAX_TERMS; ) {
    const found = synonymAt(pieces, index);
    const typed = found ? found.typed : [pieces[index]!];
    index += typed.length;
    const key = typed.map((piece) => piece.text).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const others = found ? found.entry.spellings.filter((spelt) => !sameText(spelt, typed)) : [];
    groups.push({ spellings: [spelling(typed, false), ...others.map((spelt) => spelling(spelt, true))] });
  }
  return { groups };
}
