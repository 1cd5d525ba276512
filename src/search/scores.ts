// Per-document scores as one Float32Array over all document numbers (0 = no match). At 10,000
// articles an array is 40 KB and every combination below is one tight loop, where Maps of
// thousands of entries cost a typed query several milliseconds of hashing and garbage.
import type { PostingList } from './format.ts';
import { weightOf, type MatchKind } from './lookup.ts';

export type Scores = Float32Array;

/** Raises each posting's document to the weight of its field, for one kind of match. */
export function addPostings(scores: Scores, postings: PostingList, kind: MatchKind): void {
  let doc = 0;
  for (const packed of postings) {
    doc += packed >>> 2;
    const weight = weightOf(kind, (packed & 3) as 0 | 1 | 2);
    if (weight > scores[doc]!) scores[doc] = weight;
  }
}

/** Documents found in every array, scored by the sum (or mean) of their scores. */
export function allOf(arrays: readonly Scores[], size: number, combine: 'sum' | 'mean'): Scores {
  const result = new Float32Array(size);
  if (arrays.length === 0) return result;
  const divisor = combine === 'mean' ? arrays.length : 1;
  for (let doc = 0; doc < size; doc++) {
    let total = 0;
    for (const scores of arrays) {
      const score = scores[doc]!;
      if (score === 0) {
        total = 0;
        break;
      }
      total += score;
    }
    result[doc] = total / divisor;
  }
  return result;
}

/** Documents found in any array, with their best score. */
export function anyOf(arrays: readonly Scores[], size: number): Scores {
  const result = new Float32Array(size);
  for (const scores of arrays) for (let doc = 0; doc < size; doc++) if (scores[doc]! > result[doc]!) result[doc] = scores[doc]!;
  return result;
}

/** Matching documents, best score first, newest (highest number) first among equals. */
export function ranked(scores: Scores): { doc: number; score: number }[] {
  const found: { doc: number; score: number }[] = [];
  for (let doc = scores.length - 1; doc >= 0; doc--) if (scores[doc]! > 0) found.push({ doc, score: scores[doc]! });
  // Array.prototype.sort is stable, and documents were pushed newest first.
  return found.sort((a, b) => b.score - a.score);
}
