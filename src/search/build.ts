// Articles to index files: a pure function, so the same articles always give the same bytes.
import { createHash } from 'node:crypto';
import type { PublishedArticle } from '../model.ts';
import { OTHER_TOPIC } from '../topics/index.ts';
import {
  byCodeUnit,
  encodeGaps,
  encodePostings,
  FIELD,
  joinPostings,
  type PostingList,
  recordShardFile,
  SEARCH_FORMAT_VERSION,
  type FieldRank,
  type IndexFile,
  type RecordShards,
  type SearchManifest,
  shardFile,
  type SearchRecord,
  type ShardNames,
  type TokenChunk,
  type TokenSegment,
  type TopicLabel,
  type TopicMembership,
} from './format.ts';
import { MAX_BODY_LENGTH, plainText } from './plain.ts';
import { indexTokens } from './tokens.ts';

export interface SearchIndexOptions {
  /**
   * Uncompressed bytes per token chunk. Postings are small integers that gzip about 3.5:1, so
   * the default 16 KB gives about 5 KB gzip per file (DEFAULTS below says why that size).
   */
  chunkBytes?: number;
  /** Records per shard: a page of results reads one shard per result it shows, so keep it small. */
  recordsPerShard?: number;
  /** Record shards per named block (see RecordShards). */
  shardsPerBlock?: number;
  /** Uncompressed bytes per token chunk of the newest segment, which a lookup reads besides the first's. */
  newestChunkBytes?: number;
  /** The newest segment of postings (see TokenSegment) holds at most about 1/tailShare of the documents… */
  tailShare?: number;
  /** …and at least this many, rounded as `segmentSplit` says. */
  minTail?: number;
  /** Keeps each text's plain fields and tokens between builds (the costly, per-article part). */
  textCache?: IndexedTextCache;
  /** The index the previous build wrote: when its documents lead this one's, only the rest are indexed. */
  previous?: PreviousIndex | null;
  /** Told after each document it reads: how many of those this build (re)indexes are done. */
  onProgress?: (indexed: number, total: number) => void;
}

/**
 * What a rebuild reads back of the index the previous build wrote. A drop appends documents, so
 * the old ones keep their numbers: the first token segment, when it ends where this build's does,
 * and the record shards of every block the new documents do not reach, are the old files
 * unchanged; a first segment that ends sooner is extended from its old chunks. Only the newest
 * segment's documents and records are read from the cache.
 */
export interface PreviousIndex {
  manifestFile: string;
  /** SearchIndex.documents as that build returned it. */
  documents: readonly string[];
  /** One of that index's files, by name; null when it cannot be read. */
  readFile(path: string): string | null;
}

/** What an article's text alone gives the index; its title and key terms derive from the text. */
export interface IndexedText {
  title: string;
  keyTerms: string[];
  body: string;
  /**
   * Each token once, space-separated (tokens hold no white space), and the best field of each as
   * one digit: two strings, not hundreds of pairs, are what the cache stores and reads back.
   */
  tokens: string;
  fields: string;
}

export interface IndexedTextCache {
  get(text: string): IndexedText | undefined;
  set(text: string, indexed: IndexedText): void;
}

export interface SearchIndex {
  /** The manifest's file name; every other file is named in it. */
  manifestFile: string;
  /** The files to write. */
  files: IndexFile[];
  /** Files of the previous index that are part of this one unchanged: record shards of old blocks. */
  unchangedFiles: string[];
  manifest: SearchManifest;
  /** A fingerprint of each document, in document order: what the next build's `previous` needs. */
  documents: string[];
}

// What a reader downloads while typing is mostly whole files holding far more than the query
// needs: the token chunks its words and bigrams fall in, and one record shard per result shown,
// fetched again at every keystroke whose ten results differ. Measured with
// bench/typed-query-bytes.ts on the 10,000-article bench site (KiB gzip, worst of its seven
// queries): 32 KB chunks with 8 records a shard, 196; 16 KB with 2 records, 87; 16 KB with 1
// record, 76 (all with one segment of postings). Smaller files cost files: a cold build writes
// a record file per two articles (0.5–1.3 s more at 10,000). Two records a shard is where the
// budget of 100 KB holds with room; a block of 64 shards keeps the manifest to one prefix per 128
// articles.
//
// The newest segment of postings holds up to 1/32 of the documents, so that the first segment is
// rewritten once every 512 documents at 10,000 articles (about 40 drops of 12 new articles). A
// token's lookup reads a chunk of each segment: at 16 KB the newest segment's chunks took the
// worst typed query to 111 KiB, so they are a quarter of that size (worst 92 KiB).
const DEFAULTS = { chunkBytes: 16_000, newestChunkBytes: 4_000, recordsPerShard: 2, shardsPerBlock: 64, tailShare: 32, minTail: 128 };

/**
 * Where the first segment of postings ends: at the last multiple of the newest segment's span,
 * a power of two that grows with the documents. A function of the document count alone, so
 * that any build of the same articles splits them alike, rebuilt or fresh.
 */
export function segmentSplit(documents: number, tailShare: number, minTail: number): number {
  let span = minTail;
  while (span * tailShare < documents) span *= 2;
  return Math.floor(documents / span) * span;
}

/** The hash in index file names: of each content in turn, each ended by a NUL. */
function contentHash() {
  const hash = createHash('sha256');
  return {
    add: (content: string): void => void hash.update(content).update('\0'),
    hex: (): string => hash.digest('hex').slice(0, 12),
  };
}

const hashOf = (contents: readonly string[]): string => {
  const hash = contentHash();
  for (const content of contents) hash.add(content);
  return hash.hex();
};

/** Content-addressed names: a rebuilt index never mixes with files a browser cached earlier. */
const fileName = (kind: string, content: string): string => `${kind}-${hashOf([content])}.json`;
const shardPrefix = (kind: string, hash: string): string => `${kind}-${hash}-`;

function named(kind: string, value: unknown): IndexFile {
  const content = JSON.stringify(value);
  return { path: fileName(kind, content), content };
}

/**
 * Record shards of `size` documents, named per block of `blockSize` shards. `keptBlocks` are the
 * names of the leading blocks, unchanged since the previous build; `records` start after them.
 */
function recordShards(
  records: readonly SearchRecord[],
  size: number,
  blockSize: number,
  keptBlocks: readonly string[],
): { shards: RecordShards; files: IndexFile[]; unchangedFiles: string[] } {
  const contents: string[] = [];
  for (let from = 0; from < records.length; from += size) contents.push(JSON.stringify(records.slice(from, from + size)));
  const shards: RecordShards = { size, blockSize, blocks: [...keptBlocks] };
  for (let from = 0; from < contents.length; from += blockSize) shards.blocks.push(shardPrefix('r', hashOf(contents.slice(from, from + blockSize))));
  const firstShard = keptBlocks.length * blockSize;
  return {
    shards,
    files: contents.map((content, index) => ({ path: recordShardFile(shards, firstShard + index), content })),
    unchangedFiles: Array.from({ length: firstShard }, (_, shard) => recordShardFile(shards, shard)),
  };
}

/** What indexing reads of an article: all of it derives from the text. */
export type IndexableText = Pick<PublishedArticle, 'title' | 'keyTerms' | 'text'>;

export function indexText(article: IndexableText): IndexedText {
  const title = plainText(article.title);
  const keyTerms = article.keyTerms.map((term) => term.normalize('NFKC'));
  const body = plainText(article.text, MAX_BODY_LENGTH);
  // Each token once, with the best field it appears in.
  const best = new Map<string, FieldRank>();
  const add = (text: string, field: FieldRank) => {
    for (const token of indexTokens(text)) if ((best.get(token) ?? -1) < field) best.set(token, field);
  };
  add(body, FIELD.body);
  for (const term of keyTerms) add(term, FIELD.keyTerms);
  add(title, FIELD.title);
  return { title, keyTerms, body, tokens: [...best.keys()].join(' '), fields: [...best.values()].join('') };
}

function cachedIndexText(article: PublishedArticle, cache: IndexedTextCache | undefined): IndexedText {
  let indexed = cache?.get(article.text);
  if (!indexed) {
    indexed = indexText(article);
    cache?.set(article.text, indexed);
  }
  return indexed;
}

function recordOf(article: PublishedArticle, { title, keyTerms, body }: IndexedText): SearchRecord {
  return {
    url: article.url,
    title,
    // Untagged articles show the "other" chip and are listed under it, like the topic pages.
    topics: article.topics.length > 0 ? [...article.topics] : [OTHER_TOPIC.id],
    ...(article.leaning.length > 0 ? { leaning: [...article.leaning] } : {}),
    keyTerms,
    body,
  };
}

export function searchRecord(article: PublishedArticle): SearchRecord {
  return recordOf(article, indexText(article));
}

/** Everything a document's record and postings follow from: its URL, its topics and its text. */
const documentFingerprint = (article: PublishedArticle): string =>
  hashOf([article.url, article.topics.join(' '), article.leaning.join(' '), article.textKey]);

/** The previous index's manifest, when its documents are the first of these; null otherwise. */
function previousManifest(previous: PreviousIndex, documents: readonly string[], recordShards: { size: number; blockSize: number }): SearchManifest | null {
  const kept = previous.documents.length;
  if (kept === 0 || kept > documents.length || previous.documents.some((fingerprint, doc) => fingerprint !== documents[doc])) return null;
  // Files someone edited, or a build that stopped half-way, must not leak into this index: each
  // file is checked against the hash in its name (the token chunks as they are read).
  const content = previous.readFile(previous.manifestFile);
  if (content === null || fileName('manifest', content) !== previous.manifestFile) return null;
  try {
    const manifest = JSON.parse(content) as SearchManifest;
    const fits =
      manifest.version === SEARCH_FORMAT_VERSION &&
      manifest.documents === kept &&
      manifest.recordShards.size === recordShards.size &&
      manifest.recordShards.blockSize === recordShards.blockSize &&
      Array.isArray(manifest.tokenSegments) &&
      manifest.tokenSegments.length > 0;
    return fits ? manifest : null;
  } catch {
    return null;
  }
}

/** A previous index file that is missing or not what its name says: the index is built afresh. */
class StaleIndexError extends Error {}

/** The previous index's token chunks, read one at a time; throws StaleIndexError unless all are as named. */
function* previousChunks(previous: PreviousIndex, files: ShardNames): Generator<TokenChunk> {
  const hash = contentHash();
  for (let index = 0; index < files.count; index++) {
    const content = previous.readFile(shardFile(files, index));
    if (content === null) throw new StaleIndexError();
    hash.add(content);
    yield JSON.parse(content) as TokenChunk;
  }
  if (shardPrefix('t', hash.hex()) !== files.prefix) throw new StaleIndexError();
}

/**
 * The postings of documents added in order, each a packed number (doc · 4 + field). At 100,000
 * articles there are thirty million. An array per token, grown one push at a time, took 5.5 s of
 * a profiled index to fill. So each token is numbered when first seen, each document keeps its
 * postings as token numbers in a typed array (which the garbage collector neither scans nor
 * copies), and a counting sort groups them by token at the end. The index of 100,000 articles,
 * its texts in memory, took 15.1–21.6 s before and 11.3–13.4 s after (three runs each, same bytes).
 */
class PostingsTable {
  private readonly numbers = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly added: { doc: number; packed: Int32Array }[] = [];

  add(doc: number, { tokens, fields }: IndexedText): void {
    if (tokens === '') return;
    const split = tokens.split(' ');
    const packed = new Int32Array(split.length);
    split.forEach((token, index) => {
      let number = this.numbers.get(token);
      if (number === undefined) {
        number = this.tokens.push(token) - 1;
        this.numbers.set(token, number);
      }
      packed[index] = number * 4 + fields.charCodeAt(index) - 48;
    });
    this.added.push({ doc, packed });
  }

  /** Each token and its encoded postings, in token order. Read once: the table lets go of its documents and tokens. */
  *sorted(): Generator<[string, PostingList]> {
    const vocabulary = this.tokens.length;
    // start[n] is where token n's postings begin: a count per token, then the running sum.
    const start = new Int32Array(vocabulary + 1);
    for (const { packed } of this.added) for (const value of packed) start[(value >>> 2) + 1]!++;
    for (let number = 0; number < vocabulary; number++) start[number + 1]! += start[number]!;
    const grouped = new Int32Array(start[vocabulary]!);
    const next = start.slice(0, vocabulary);
    for (const { doc, packed } of this.added.splice(0)) {
      for (const value of packed) grouped[next[value >>> 2]!++] = doc * 4 + (value & 3);
    }
    const tokens = this.tokens.splice(0);
    this.numbers.clear();
    const order = Array.from({ length: vocabulary }, (_, number) => number).sort((a, b) => byCodeUnit(tokens[a]!, tokens[b]!));
    for (const number of order) yield [tokens[number]!, encodePostings(grouped.subarray(start[number]!, start[number + 1]!))];
  }
}

/**
 * The previous index's tokens merged with the new documents' postings, both in token order, one
 * chunk read at a time. An old list is extended in its encoded form: the new documents' numbers
 * are all higher, so their gaps follow its last one, and the lists no new document holds pass
 * unchanged.
 */
function* withPrevious(chunks: Iterable<TokenChunk>, added: Iterable<[string, PostingList]>): Generator<[string, PostingList]> {
  const newer = added[Symbol.iterator]();
  let pending = newer.next();
  for (const chunk of chunks) {
    for (let index = 0; index < chunk.tokens.length; index++) {
      const token = chunk.tokens[index]!;
      for (; !pending.done && pending.value[0] < token; pending = newer.next()) yield pending.value;
      const list = chunk.postings[index]!;
      if (!pending.done && pending.value[0] === token) {
        yield [token, joinPostings([list, pending.value[1]])];
        pending = newer.next();
      } else yield [token, list];
    }
  }
  for (; !pending.done; pending = newer.next()) yield pending.value;
}

/** Decimal digits of a non-negative integer, without making its string. */
const digits = (value: number): number => (value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : String(value).length);

/** Token chunks of about `chunkBytes` uncompressed, each kept as its JSON text and first token. */
function packChunks(tokens: Iterable<[string, PostingList]>, chunkBytes: number): { first: string[]; contents: string[] } {
  const first: string[] = [];
  const contents: string[] = [];
  let current: TokenChunk = { tokens: [], postings: [] };
  let bytes = 0;
  const close = () => {
    first.push(current.tokens[0] ?? '');
    contents.push(JSON.stringify(current));
    current = { tokens: [], postings: [] };
    bytes = 0;
  };
  for (const [token, list] of tokens) {
    let size = token.length * 3 + 6;
    for (const value of list) size += digits(value) + 1;
    if (bytes > 0 && bytes + size > chunkBytes) close();
    current.tokens.push(token);
    current.postings.push(list);
    bytes += size;
  }
  if (current.tokens.length > 0 || contents.length === 0) close();
  return { first, contents };
}

/** A segment of postings: its chunks, packed from tokens in order. */
function tokenSegment(upTo: number, tokens: Iterable<[string, PostingList]>, chunkBytes: number): { segment: TokenSegment; contents: string[] } {
  const { first, contents } = packChunks(tokens, chunkBytes);
  return { segment: { upTo, first, files: { prefix: shardPrefix('t', hashOf(contents)), count: contents.length } }, contents };
}

const segmentFiles = ({ segment, contents }: { segment: TokenSegment; contents: string[] }): IndexFile[] =>
  contents.map((content, index) => ({ path: shardFile(segment.files, index), content }));

/** The index of the digest's articles, given newest first as the digest lists them. */
export function buildSearchIndex(
  newestFirst: readonly PublishedArticle[],
  topics: readonly TopicLabel[],
  options: SearchIndexOptions = {},
): SearchIndex {
  const { chunkBytes, newestChunkBytes, recordsPerShard, shardsPerBlock, tailShare, minTail } = { ...DEFAULTS, ...options };
  const arrivals = [...newestFirst].reverse();
  const documents = arrivals.map(documentFingerprint);
  const split = segmentSplit(arrivals.length, tailShare, minTail);
  const previous = options.previous ? previousManifest(options.previous, documents, { size: recordsPerShard, blockSize: shardsPerBlock }) : null;
  // The previous first segment is kept as it is when it ends where this one does, and extended
  // when it ends sooner. (One that ends at a positive split was cut as a first segment, not as the
  // newest in smaller chunks: a newest segment from document 0 ends below minTail.) The blocks of
  // record shards that hold old documents only are kept, by name.
  const previousFirst = previous?.tokenSegments[0];
  const keptFirst = split > 0 && previousFirst?.upTo === split ? previousFirst : null;
  const extendedFirst = previousFirst !== undefined && previousFirst.upTo < split ? previousFirst : null;
  const postingsFrom = keptFirst ? split : (extendedFirst?.upTo ?? 0);
  const keptBlocks = previous?.recordShards.blocks.slice(0, Math.floor(previous.documents / (recordsPerShard * shardsPerBlock))) ?? [];
  const recordsFrom = keptBlocks.length * recordsPerShard * shardsPerBlock;

  // One article's tokens at a time: at 100,000 articles all of them at once would take gigabytes.
  const records: SearchRecord[] = [];
  const firstPostings = new PostingsTable();
  const newestPostings = new PostingsTable();
  const indexFrom = Math.min(recordsFrom, postingsFrom);
  for (let doc = indexFrom; doc < arrivals.length; doc++) {
    const article = arrivals[doc]!;
    const indexed = cachedIndexText(article, options.textCache);
    if (doc >= recordsFrom) records.push(recordOf(article, indexed));
    if (doc >= postingsFrom) (doc < split ? firstPostings : newestPostings).add(doc, indexed);
    options.onProgress?.(doc + 1 - indexFrom, arrivals.length - indexFrom);
  }

  const segments: { segment: TokenSegment; contents: string[] }[] = [];
  if (keptFirst) segments.push({ segment: keptFirst, contents: [] });
  else if (split > 0) {
    try {
      const tokens = extendedFirst ? withPrevious(previousChunks(options.previous!, extendedFirst.files), firstPostings.sorted()) : firstPostings.sorted();
      segments.push(tokenSegment(split, tokens, chunkBytes));
    } catch (error) {
      // Whatever a previous file held (StaleIndexError says so only once all are read), it costs
      // this build its speed, never its index.
      if (extendedFirst === null) throw error;
      return buildSearchIndex(newestFirst, topics, { ...options, previous: null });
    }
  }
  if (arrivals.length > split || segments.length === 0) segments.push(tokenSegment(arrivals.length, newestPostings.sorted(), newestChunkBytes));
  const recordFiles = recordShards(records, recordsPerShard, shardsPerBlock, keptBlocks);

  const membership: TopicMembership = { tagged: {}, leaning: {} };
  const shownTopics = arrivals.map((article) => (article.topics.length > 0 ? (article.topics as string[]) : [OTHER_TOPIC.id]));
  for (const topic of topics) {
    const docsWhere = (holds: (doc: number) => boolean) => encodeGaps(arrivals.flatMap((_, doc) => (holds(doc) ? [doc] : [])));
    membership.tagged[topic.id] = docsWhere((doc) => shownTopics[doc]!.includes(topic.id));
    membership.leaning[topic.id] = docsWhere((doc) => (arrivals[doc]!.leaning as string[]).includes(topic.id));
  }
  const membershipFile = named('m', membership);

  const manifest: SearchManifest = {
    version: SEARCH_FORMAT_VERSION,
    documents: arrivals.length,
    tokenSegments: segments.map(({ segment }) => segment),
    recordShards: recordFiles.shards,
    topics: topics.map(({ id, labelZh, labelEn, searchNames }) => ({ id, labelZh, labelEn, searchNames: [...searchNames] })),
    topicMembership: membershipFile.path,
  };
  const manifestFile = named('manifest', manifest);
  const keptChunks = keptFirst ? Array.from({ length: keptFirst.files.count }, (_, index) => shardFile(keptFirst.files, index)) : [];
  return {
    manifestFile: manifestFile.path,
    manifest,
    files: [manifestFile, membershipFile, ...segments.flatMap(segmentFiles), ...recordFiles.files],
    unchangedFiles: [...keptChunks, ...recordFiles.unchangedFiles],
    documents,
  };
}
