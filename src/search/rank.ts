// Fuse.js over one page of candidates: it checks that each really contains every term (the index
// only knows bigrams and words), orders candidates the index scored alike, and says where the
// terms are for highlighting.
import Fuse, { type Expression, type FuseResult, type IFuseOptions } from 'fuse.js';
import type { SearchRecord } from './format.ts';
import type { Corrections, QueryPlan, Spelling } from './query.ts';

/** A half-open range [start, end) of UTF-16 code units. */
export type Range = readonly [start: number, end: number];

export interface RankedHit {
  doc: number;
  record: SearchRecord;
  /** The index's score: field and kind of match (higher is better). */
  score: number;
  title: Range[];
  body: Range[];
}

const FUSE_OPTIONS: IFuseOptions<SearchRecord> = {
  // A title match counts most, then key terms, then the body, as in the index's own score.
  keys: [
    { name: 'title', weight: 3 },
    { name: 'keyTerms', weight: 2 },
    { name: 'body', weight: 1 },
    // Only so that a query naming a topic accepts the topic's articles (see fuseQuery).
    { name: 'topics', weight: 0.5 },
    { name: 'leaning', weight: 0.5 },
  ],
  // Without it Fuse only looks near the start of each field (about 60 characters; Fuse #455).
  ignoreLocation: true,
  // Terms are combined with $and/$or and matched as substrings ('term); see fuseQuery. No fuzzy
  // pattern is sent, so `threshold` plays no part: typos are corrected against the index's own
  // words (lookup.ts), which costs no scan of every article (FINDINGS: 556/1216 ms at 10k in
  // fuzzy mode), and a fuzzy "tranformer" would also light up "Reformer" in the snippets.
  useExtendedSearch: true,
  // Where each term is, for <mark>; every occurrence of a substring pattern is reported.
  includeMatches: true,
  includeScore: true,
  // The index drops accents (Nyströmformer ↔ nystromformer); Fuse must agree or reject the hit.
  ignoreDiacritics: true,
  // rankPage sorts: the index score first, Fuse's score only among equals.
  shouldSort: false,
};

/**
 * The plan as a Fuse logical query. Every leaf is keyless, so a term may match in any field, and
 * the pieces come from queryPieces, which keeps no spaces, quotes or operators, so no reader's
 * input can become Fuse syntax. A misspelt Latin word also accepts the index words it was
 * corrected to.
 */
export function fuseQuery(plan: QueryPlan, corrections: Corrections): Expression {
  const piecePattern = (piece: string): Expression | string => {
    const fixes = corrections.get(piece);
    return fixes === undefined ? `'${piece}` : { $or: [`'${piece}`, ...fixes.map((fix) => `'${fix}`)] };
  };
  const spellingPattern = (spelt: Spelling): Expression => ({ $and: spelt.pieces.map(piecePattern) as Expression[] });
  // `=` is Fuse's exact match: the record's topic id itself, not a word that contains it.
  const topicPattern = (topic: string | undefined): Expression[] =>
    topic === undefined ? [] : [{ topics: `=${topic}` }, { leaning: `=${topic}` }];
  return { $and: plan.groups.map((group) => ({ $or: [...group.spellings.map(spellingPattern), ...topicPattern(group.topic)] })) };
}

function rangesOf(result: FuseResult<SearchRecord>, key: 'title' | 'body'): Range[] {
  const ranges = (result.matches ?? [])
    .filter((match) => match.key === key)
    .flatMap((match) => match.indices.map(([start, end]): Range => [start, end + 1]));
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export interface PageCandidate {
  doc: number;
  score: number;
  record: SearchRecord;
}

/** Candidates Fuse confirms, best first: index score, then Fuse's score, then newest (highest number). */
export function rankPage(plan: QueryPlan, corrections: Corrections, candidates: readonly PageCandidate[]): RankedHit[] {
  if (plan.groups.length === 0) return candidates.map((candidate) => ({ ...candidate, title: [], body: [] }));
  const fuse = new Fuse(
    candidates.map((candidate) => candidate.record),
    FUSE_OPTIONS,
  );
  return fuse
    .search(fuseQuery(plan, corrections))
    .map((result) => ({ result, candidate: candidates[result.refIndex]! }))
    .sort((a, b) => b.candidate.score - a.candidate.score || (a.result.score ?? 1) - (b.result.score ?? 1) || b.candidate.doc - a.candidate.doc)
    .map(({ result, candidate }) => ({ ...candidate, title: rangesOf(result, 'title'), body: rangesOf(result, 'body') }));
}
