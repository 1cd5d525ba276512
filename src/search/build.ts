// Articles to index files: a pure function, so the same articles always give the same bytes.
import { createHash } from 'node:crypto';
import type { PublishedArticle } from '../model.ts';
import { OTHER_TOPIC } from '../topics/index.ts';
import {
  decodePostings,
  encodeGaps,
  encodePostings,
  FIELD,
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
  /** Keeps each text's plain fields and tokens between builds (the costly, per-article part). */
  textCache?: IndexedTextCache;
  /** The index the previous build wrote: when its documents lead this one's, only the rest are indexed. */
  previous?: PreviousIndex | null;
}

/**
 * What a rebuild reads back of the index the previous build wrote. A drop appends documents, so
 * the old ones keep their numbers: their postings are read from the old token chunks, and their
 * record shards, in every block the new documents do not reach, are the old files unchanged. Only
 * the new documents' tokens and records are read from the cache, which at 10,000 articles saves
 * most of the index's second of work.
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
// record, 76. Smaller files cost files: every drop adds postings all over the sorted token space,
// so a rebuild rewrites every chunk (about 580 at 16 KB, 0.25 s more than at 32 KB at 10,000
// articles), and a cold build writes a record file per two articles (0.5–1.3 s more at 10,000).
// Two records a shard is where the budget of 100 KB holds with room; a block of 64 shards keeps the
// manifest to one prefix per 128 articles.
const DEFAULTS = { chunkBytes: 16_000, recordsPerShard: 2, shardsPerBlock: 64 };

const hashOf = (contents: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const content of contents) hash.update(content).update('\0');
  return hash.digest('hex').slice(0, 12);
};

/** Content-addressed names: a rebuilt index never mixes with files a browser cached earlier. */
const fileName = (kind: string, content: string): string => `${kind}-${hashOf([content])}.json`;
const shardPrefix = (kind: string, contents: readonly string[]): string => `${kind}-${hashOf(contents)}-`;

function named(kind: string, value: unknown): IndexFile {
  const content = JSON.stringify(value);
  return { path: fileName(kind, content), content };
}

function shards(kind: string, values: readonly unknown[]): { names: ShardNames; files: IndexFile[] } {
  const contents = values.map((value) => JSON.stringify(value));
  const names = { prefix: shardPrefix(kind, contents), count: contents.length };
  return { names, files: contents.map((content, index) => ({ path: shardFile(names, index), content })) };
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
  for (let from = 0; from < contents.length; from += blockSize) shards.blocks.push(shardPrefix('r', contents.slice(from, from + blockSize)));
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
  hashOf([article.url, article.topics.join(' '), article.leaning.join(' '), article.text]);

/** The previous index's postings, when its documents are the first of these; null otherwise. */
function previousPostings(
  previous: PreviousIndex,
  documents: readonly string[],
  recordShards: { size: number; blockSize: number },
): { postings: Map<string, number[]>; manifest: SearchManifest } | null {
  const kept = previous.documents.length;
  if (kept === 0 || kept > documents.length || previous.documents.some((fingerprint, doc) => fingerprint !== documents[doc])) return null;
  // Files someone edited, or a build that stopped half-way, must not leak into this index: each
  // file is checked against the hash in its name.
  const manifestContent = previous.readFile(previous.manifestFile);
  if (manifestContent === null || fileName('manifest', manifestContent) !== previous.manifestFile) return null;
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(manifestContent) as SearchManifest;
  } catch {
    return null;
  }
  const { files } = manifest.tokenChunks;
  if (
    manifest.version !== SEARCH_FORMAT_VERSION ||
    manifest.documents !== kept ||
    manifest.recordShards.size !== recordShards.size ||
    manifest.recordShards.blockSize !== recordShards.blockSize
  ) {
    return null;
  }
  const contents: string[] = [];
  for (let index = 0; index < files.count; index++) {
    const content = previous.readFile(shardFile(files, index));
    if (content === null) return null;
    contents.push(content);
  }
  if (shardPrefix('t', contents) !== files.prefix) return null;
  const postings = new Map<string, number[]>();
  for (const content of contents) {
    const chunk = JSON.parse(content) as TokenChunk;
    chunk.tokens.forEach((token, index) => postings.set(token, decodePostings(chunk.postings[index]!)));
  }
  return { postings, manifest };
}

/**
 * Postings per token, one packed number per posting (doc · 4 + field), not a pair: at 10,000
 * articles there are six million postings, and an array per pair would cost hundreds of megabytes.
 */
function addPostings(postings: Map<string, number[]>, doc: number, { tokens, fields }: IndexedText): void {
  if (tokens === '') return;
  tokens.split(' ').forEach((token, index) => {
    const posting = doc * 4 + fields.charCodeAt(index) - 48;
    const list = postings.get(token);
    if (list) list.push(posting);
    else postings.set(token, [posting]);
  });
}

function tokenChunks(postings: Map<string, number[]>, chunkBytes: number): TokenChunk[] {
  // Plain string order (UTF-16 code units), the order the client's binary search assumes.
  const tokens = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: TokenChunk[] = [];
  let current: TokenChunk = { tokens: [], postings: [] };
  let bytes = 0;
  for (const token of tokens) {
    const list = encodePostings(postings.get(token)!);
    const size = token.length * 3 + 6 + list.reduce((sum, value) => sum + String(value).length + 1, 0);
    if (bytes > 0 && bytes + size > chunkBytes) {
      chunks.push(current);
      current = { tokens: [], postings: [] };
      bytes = 0;
    }
    current.tokens.push(token);
    current.postings.push(list);
    bytes += size;
  }
  if (current.tokens.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The index of the digest's articles, given newest first as the digest lists them. */
export function buildSearchIndex(
  newestFirst: readonly PublishedArticle[],
  topics: readonly TopicLabel[],
  options: SearchIndexOptions = {},
): SearchIndex {
  const { chunkBytes, recordsPerShard, shardsPerBlock } = { ...DEFAULTS, ...options };
  const arrivals = [...newestFirst].reverse();
  const documents = arrivals.map(documentFingerprint);
  const previous = options.previous ? previousPostings(options.previous, documents, { size: recordsPerShard, blockSize: shardsPerBlock }) : null;
  // Postings of the old documents come from the previous index; the blocks of record shards that
  // hold old documents only are kept, by name.
  const postings = previous?.postings ?? new Map<string, number[]>();
  const indexedFrom = previous?.manifest.documents ?? 0;
  const keptBlocks = previous?.manifest.recordShards.blocks.slice(0, Math.floor(indexedFrom / (recordsPerShard * shardsPerBlock))) ?? [];
  const recordsFrom = keptBlocks.length * recordsPerShard * shardsPerBlock;

  // One article's tokens at a time: at 100,000 articles all of them at once would take gigabytes.
  const records: SearchRecord[] = [];
  for (let doc = recordsFrom; doc < arrivals.length; doc++) {
    const article = arrivals[doc]!;
    const indexed = cachedIndexText(article, options.textCache);
    records.push(recordOf(article, indexed));
    if (doc >= indexedFrom) addPostings(postings, doc, indexed);
  }

  const chunks = tokenChunks(postings, chunkBytes);
  postings.clear();
  const chunkFiles = shards('t', chunks);
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
    tokenChunks: { first: chunks.map((chunk) => chunk.tokens[0] ?? ''), files: chunkFiles.names },
    recordShards: recordFiles.shards,
    topics: topics.map(({ id, labelZh, labelEn, searchNames }) => ({ id, labelZh, labelEn, searchNames: [...searchNames] })),
    topicMembership: membershipFile.path,
  };
  const manifestFile = named('manifest', manifest);
  return {
    manifestFile: manifestFile.path,
    manifest,
    files: [manifestFile, membershipFile, ...chunkFiles.files, ...recordFiles.files],
    unchangedFiles: recordFiles.unchangedFiles,
    documents,
  };
}
