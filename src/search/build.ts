// Articles to index files: a pure function, so the same articles always give the same bytes.
import { createHash } from 'node:crypto';
import type { PublishedArticle } from '../model.ts';
import { OTHER_TOPIC } from '../topics/index.ts';
import {
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
  files: IndexFile[];
  manifest: SearchManifest;
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
function named(kind: string, value: unknown): IndexFile {
  const content = JSON.stringify(value);
  return { path: `${kind}-${hashOf([content])}.json`, content };
}

function shards(kind: string, values: readonly unknown[]): { names: ShardNames; files: IndexFile[] } {
  const contents = values.map((value) => JSON.stringify(value));
  const names = { prefix: `${kind}-${hashOf(contents)}-`, count: contents.length };
  return { names, files: contents.map((content, index) => ({ path: shardFile(names, index), content })) };
}

/** Record shards of `size` documents, named per block of `blockSize` shards. */
function recordShards(records: readonly SearchRecord[], size: number, blockSize: number): { shards: RecordShards; files: IndexFile[] } {
  const contents: string[] = [];
  for (let from = 0; from < records.length; from += size) contents.push(JSON.stringify(records.slice(from, from + size)));
  const shards: RecordShards = { size, blockSize, blocks: [] };
  for (let from = 0; from < contents.length; from += blockSize) shards.blocks.push(`r-${hashOf(contents.slice(from, from + blockSize))}-`);
  return { shards, files: contents.map((content, shard) => ({ path: recordShardFile(shards, shard), content })) };
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
  // One article's tokens at a time: at 100,000 articles all of them at once would take gigabytes.
  const records: SearchRecord[] = [];
  const postings = new Map<string, number[]>();
  for (let doc = 0; doc < newestFirst.length; doc++) {
    const article = newestFirst[newestFirst.length - 1 - doc]!;
    const indexed = cachedIndexText(article, options.textCache);
    records.push(recordOf(article, indexed));
    addPostings(postings, doc, indexed);
  }

  const chunks = tokenChunks(postings, chunkBytes);
  postings.clear();
  const chunkFiles = shards('t', chunks);
  const recordFiles = recordShards(records, recordsPerShard, shardsPerBlock);

  const membership: TopicMembership = { tagged: {}, leaning: {} };
  for (const topic of topics) {
    const docsWhere = (holds: (record: SearchRecord) => boolean) => encodeGaps(records.flatMap((record, doc) => (holds(record) ? [doc] : [])));
    membership.tagged[topic.id] = docsWhere((record) => record.topics.includes(topic.id));
    membership.leaning[topic.id] = docsWhere((record) => record.leaning?.includes(topic.id) === true);
  }
  const membershipFile = named('m', membership);

  const manifest: SearchManifest = {
    version: SEARCH_FORMAT_VERSION,
    documents: records.length,
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
  };
}
