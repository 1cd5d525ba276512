// The search index as the build writes it and the browser reads it: one set of types for both.
//
//   manifest ──▶ token segments ──▶ token chunks (sorted token ranges → postings) ──▶ candidate doc numbers
//            ──▶ record shards (consecutive doc numbers → title, url, topics, key terms, body)
//            ──▶ topic membership (topic → doc numbers), read only for a topic filter or a query naming a topic
//
// Documents are numbered 0…n-1 in arrival order: the digest's newest-first order read backwards
// (older drops first, and a drop's new articles from its last line up). A new drop only appends
// numbers, so the record shards of every older document stay byte-identical and are reused like
// pages; "higher number" is the recency tie-break everywhere.

/**
 * Bumped whenever the files change shape. `/assets/search.js` is not content-hashed, so a browser
 * may pair a cached client with a newer index (or the reverse): the client refuses any other version.
 */
export const SEARCH_FORMAT_VERSION = 4;

/** Where in an article a token was seen; a posting keeps the best one. */
export const FIELD = { body: 0, keyTerms: 1, title: 2 } as const;
export type FieldRank = (typeof FIELD)[keyof typeof FIELD];

/**
 * One posting packed into one integer: `gap * 4 + field`, where gap is the distance from the
 * previous document number in the list (the first gap is the number itself). Small integers keep
 * the JSON short and gzip well; a list is decoded in one pass.
 */
export type PostingList = number[];

/** A run of tokens in sorted order (JavaScript string order) with their postings. */
export interface TokenChunk {
  tokens: string[];
  postings: PostingList[];
}

/** What a result needs to be ranked by Fuse, highlighted and shown; all plain text. */
export interface SearchRecord {
  /** Article URL, already under the site's base path. */
  url: string;
  title: string;
  /** Topic ids, strongest first; `other` for untagged articles. */
  topics: string[];
  /** Topics it leans toward without a tag; absent when none. */
  leaning?: string[];
  keyTerms: string[];
  /** The excerpt without formulas (placeholders and TeX become `⋯`), NFKC-normalized. */
  body: string;
}

export interface TopicLabel {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Every name a query may use for the topic (labels and aliases); a query naming it lists its articles first. */
  searchNames: readonly string[];
}

/**
 * Topic id → doc numbers, gap-encoded like postings but without the field: the articles tagged
 * with the topic, and those that lean toward it without a tag.
 */
export interface TopicMembership {
  tagged: Record<string, number[]>;
  leaning: Record<string, number[]>;
}

/**
 * The postings of a run of documents, cut into token chunks. Every drop adds postings all over
 * the sorted token space, so one set of chunks over all documents is rewritten whole by each
 * drop (618 files at 10,000 articles). The documents are split instead into a large segment that
 * stays the same for many drops and a small one after it that each drop rewrites; where the
 * split falls follows from the number of documents alone (see the build), so a rebuild still
 * writes what a fresh build writes. A token's postings are its lists in each segment, joined.
 */
export interface TokenSegment {
  /** The segment holds documents from the previous segment's `upTo` (0 for the first) to `upTo - 1`. */
  upTo: number;
  /** `first[i]` is the smallest token in chunk i; chunks are contiguous and in token order. */
  first: string[];
  files: ShardNames;
}

export interface SearchManifest {
  version: typeof SEARCH_FORMAT_VERSION;
  documents: number;
  /** The postings of documents 0…upTo-1 of the first segment, then of the next ones in turn (see TokenSegment). */
  tokenSegments: TokenSegment[];
  /** Record shard k holds doc numbers k·size … k·size+size-1; see recordShardFile for its name. */
  recordShards: RecordShards;
  /** Filter chips, in table order, "other" last. */
  topics: TopicLabel[];
  topicMembership: string;
}

/**
 * Shard k of a kind is `${prefix}${k}.json`. The prefix carries a hash of all the kind's shards,
 * so a rebuilt index never mixes with files a browser cached, and the manifest stays a few KB
 * instead of listing 1,000 hashed names.
 */
export interface ShardNames {
  prefix: string;
  count: number;
}

export const shardFile = (names: ShardNames, index: number): string => `${names.prefix}${index}.json`;

/**
 * Record shards are named per block of `blockSize` shards, each block's prefix hashing only that
 * block: appending documents renames the newest block alone, and the manifest carries one short
 * prefix per block (a few KB at 100,000 articles) rather than one hash per shard.
 */
export interface RecordShards {
  /** Records per shard. */
  size: number;
  /** Shards per block. */
  blockSize: number;
  /** Block b's file prefix; shard k is `${blocks[⌊k / blockSize⌋]}${k}.json`. */
  blocks: string[];
}

export const recordShardFile = (shards: RecordShards, shard: number): string =>
  `${shards.blocks[Math.floor(shard / shards.blockSize)]}${shard}.json`;

/** The other side of the version check in the client: an index this client cannot read. */
export class IndexVersionError extends Error {
  constructor(found: unknown) {
    super(`search index format ${String(found)}, but this page's search reads format ${SEARCH_FORMAT_VERSION}`);
    this.name = 'IndexVersionError';
  }
}

/** File names are relative to the manifest's own URL, so the index works under any base path. */
export interface IndexFile {
  path: string;
  content: string;
}

/** From `doc · 4 + field` in ascending doc order to the gap form above. */
export function encodePostings(packed: ArrayLike<number>): PostingList {
  // A loop rather than Array.from: the index hands typed arrays in, which Array.from walks through
  // the iterator protocol (2.3 s for the 30 million postings of 100,000 articles).
  const gaps: PostingList = [];
  let previous = 0;
  for (let index = 0; index < packed.length; index++) {
    const value = packed[index]!;
    const doc = value >>> 2;
    gaps.push((doc - previous) * 4 + (value & 3));
    previous = doc;
  }
  return gaps;
}

/** Plain string order (UTF-16 code units): how chunks are sorted, and the order lookups assume. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists of one token from consecutive segments as one list: each list's first gap counts from 0,
 * and becomes the gap from the last document of the lists before it.
 */
export function joinPostings(lists: readonly PostingList[]): PostingList {
  const joined: PostingList = [];
  let last = 0;
  for (const list of lists) {
    let doc = 0;
    list.forEach((value, index) => {
      doc += value >>> 2;
      joined.push(index === 0 ? (doc - last) * 4 + (value & 3) : value);
    });
    if (list.length > 0) last = doc;
  }
  return joined;
}

export function encodeGaps(docs: readonly number[]): number[] {
  return docs.map((doc, index) => doc - (index === 0 ? 0 : docs[index - 1]!));
}

export function decodeGaps(gaps: readonly number[]): number[] {
  let doc = 0;
  return gaps.map((gap) => (doc += gap));
}
