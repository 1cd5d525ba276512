// Index keys to documents: which chunk holds a token, exact and prefix lookups, and spelling
// correction for Latin words against the words that sort next to them.
import { byCodeUnit, joinPostings, shardFile, type FieldRank, type PostingList, type SearchManifest, type TokenChunk, type TokenSegment } from './format.ts';
import { isCjk } from './tokens.ts';

export type MatchKind = 'exact' | 'prefix' | 'synonym' | 'fuzzy';

/**
 * Index-side relevance: a match in the title beats one in the key terms, which beats the body;
 * the word as typed beats a longer word it begins or a synonym, which beat a spelling
 * correction. Every exact match outranks every correction, so "exact above fuzzy" holds
 * whatever the field.
 */
const WEIGHT: Record<MatchKind, readonly [body: number, keyTerms: number, title: number]> = {
  exact: [4, 8, 12],
  prefix: [3, 6, 9],
  synonym: [3, 6, 9],
  fuzzy: [1, 2, 3],
};

export const weightOf = (kind: MatchKind, field: FieldRank): number => WEIGHT[kind][field];

/** Prefix expansion stops reading after this many chunks: "the…" must not fetch half the index. */
const MAX_PREFIX_CHUNKS = 2;
const MAX_EXPANSIONS = 40;
const MAX_CORRECTIONS = 6;

export type ChunkLoader = (file: string) => Promise<TokenChunk>;

/** A token the index holds and how it relates to what was typed. */
export interface Variant {
  token: string;
  kind: 'exact' | 'prefix' | 'fuzzy';
}

/** One segment's chunks (see TokenSegment). */
class SegmentLookup {
  constructor(
    private readonly segment: TokenSegment,
    private readonly load: ChunkLoader,
  ) {}

  /** The chunk whose range holds `token`: the last one whose first token is not after it. */
  chunkIndexOf(token: string): number {
    const { first } = this.segment;
    let low = 0;
    let high = first.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (first[middle]! <= token) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  async chunkAt(index: number): Promise<TokenChunk | null> {
    const { files } = this.segment;
    return index < 0 || index >= files.count ? null : this.load(shardFile(files, index));
  }

  async postings(token: string): Promise<PostingList> {
    const chunk = await this.chunkAt(this.chunkIndexOf(token));
    if (chunk === null) return [];
    const at = lowerBound(chunk.tokens, token);
    return chunk.tokens[at] === token ? chunk.postings[at]! : [];
  }

  /** The chunks that hold the words `word` begins (no more than MAX_PREFIX_CHUNKS), and the range they span. */
  async around(word: string): Promise<{ chunks: TokenChunk[]; start: number; end: number }> {
    const start = this.chunkIndexOf(word);
    const end = Math.min(this.chunkIndexOf(`${word}\uffff`), start + MAX_PREFIX_CHUNKS - 1);
    const chunks = (await Promise.all(range(start, end).map((index) => this.chunkAt(index)))).filter((chunk) => chunk !== null);
    return { chunks, start, end };
  }
}

export class TokenLookup {
  private readonly segments: SegmentLookup[];

  constructor(manifest: SearchManifest, load: ChunkLoader) {
    this.segments = manifest.tokenSegments.map((segment) => new SegmentLookup(segment, load));
  }

  async postings(token: string): Promise<PostingList> {
    return joinPostings(await Promise.all(this.segments.map((segment) => segment.postings(token))));
  }

  /**
   * Index words a typed Latin word stands for: itself, the words it begins, and — for words long
   * enough that one slip leaves them recognisable — words within one or two edits that sort near
   * it (a typo rarely touches the first letters, so the right word sits in the same chunk).
   */
  async variants(word: string): Promise<Variant[]> {
    const near = await Promise.all(this.segments.map((segment) => segment.around(word)));
    const chunks = near.flatMap((found) => found.chunks);
    const begun = new Set<string>();
    for (const chunk of chunks) {
      for (let at = lowerBound(chunk.tokens, word); at < chunk.tokens.length && chunk.tokens[at]!.startsWith(word); at++) begun.add(chunk.tokens[at]!);
    }
    const found: Variant[] = [...begun]
      .sort(byCodeUnit)
      .slice(0, MAX_EXPANSIONS)
      .map((token) => ({ token, kind: token === word ? 'exact' : 'prefix' }));
    const maxEdits = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (maxEdits === 0) return found;
    // Only when nothing begins with the word is it worth reading the neighbouring chunks too.
    const neighbours =
      found.length === 0
        ? await Promise.all(near.flatMap(({ start, end }, at) => [this.segments[at]!.chunkAt(start - 1), this.segments[at]!.chunkAt(end + 1)]))
        : [];
    // A word's documents are counted over the segments: the chunks of each segment are seen once.
    const corrections = new Map<string, number>();
    for (const chunk of [...chunks, ...neighbours]) {
      if (chunk === null) continue;
      chunk.tokens.forEach((token, index) => {
        if (token[0] !== word[0] || token.startsWith(word) || isCjk(token)) return;
        if (Math.abs(token.length - word.length) > maxEdits || !withinEdits(word, token, maxEdits)) return;
        corrections.set(token, (corrections.get(token) ?? 0) + chunk.postings[index]!.length);
      });
    }
    const best = [...corrections].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0])).slice(0, MAX_CORRECTIONS);
    return [...found, ...best.map(([token]) => ({ token, kind: 'fuzzy' as const }))];
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

/** First index whose token is not before `token`. */
function lowerBound(tokens: readonly string[], token: string): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]! < token) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Optimal-string-alignment distance ≤ max: insertions, deletions, substitutions, swaps. */
export function withinEdits(a: string, b: string, max: number): boolean {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}
