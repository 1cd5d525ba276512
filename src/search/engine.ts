// The query engine, the same in the browser and in tests: the index narrows 10,000 articles to
// candidates with an index-side score; only the page of candidates on screen has its records
// fetched, and Fuse ranks, verifies and highlights them.
import {
  decodeGaps,
  IndexVersionError,
  recordShardFile,
  SEARCH_FORMAT_VERSION,
  type SearchManifest,
  type SearchRecord,
  type TokenChunk,
  type TopicMembership,
} from './format.ts';
import { TokenLookup, type MatchKind } from './lookup.ts';
import { planQuery, type Corrections, type KeyRequirement, type QueryPlan, type Spelling } from './query.ts';
import { rankPage, type RankedHit } from './rank.ts';
import { addPostings, allOf, anyOf, ranked, type Scores } from './scores.ts';

/** Reads one index file by the name the manifest gives it; the signal cancels a page's records. */
export type IndexFileLoader = (file: string, signal?: AbortSignal) => Promise<unknown>;

export interface ResultSet {
  query: string;
  topics: string[];
  /** No usable term and no topic: nothing was asked. */
  empty: boolean;
  /** No usable term but a topic: every article of the chosen topics, newest first. */
  listing: boolean;
  /** Articles matching, less those Fuse has already rejected on pages read so far. */
  total(): number;
  /**
   * Ranked hits for candidates `from … from + count - 1`; a page may come back shorter. Aborting
   * the signal cancels its record fetches, which frees the connections for a newer query.
   */
  page(from: number, count: number, signal?: AbortSignal): Promise<RankedHit[]>;
}

interface Candidate {
  doc: number;
  score: number;
}

/**
 * A query that names a topic lists the topic's tagged articles first, ordered among themselves by
 * how well their words match. The rest rank by their words, and an article that leans toward the
 * topic counts as a match between the two kinds of word match: above the words in a body alone
 * (4 exact, 3 by a synonym), below the words in key terms or a title (6–12).
 */
const TOPIC_SCORE = { tagged: 26, leaning: 5 } as const;

function raiseTopic(words: Scores, inTopic: Scores): void {
  for (let doc = 0; doc < words.length; doc++) {
    if (inTopic[doc] === TOPIC_SCORE.tagged) words[doc] = TOPIC_SCORE.tagged + words[doc]!;
    else if (inTopic[doc] === TOPIC_SCORE.leaning) words[doc] = Math.max(TOPIC_SCORE.leaning, words[doc]!);
  }
}

export class SearchEngine {
  private readonly files = new Map<string, { promise: Promise<unknown>; signal: AbortSignal | undefined; loaded: boolean }>();
  private manifestPromise: Promise<SearchManifest> | null = null;

  constructor(
    private readonly load: IndexFileLoader,
    private readonly manifestFile: string,
  ) {}

  /**
   * Each file is fetched once. A failed fetch is forgotten, so a later query retries it, and one
   * whose query was cancelled before it arrived is never handed to a newer query, even before its
   * rejection has settled. A file that did arrive stays, whatever became of its query.
   */
  private read<T>(file: string, signal?: AbortSignal): Promise<T> {
    const cached = this.files.get(file);
    if (cached !== undefined && (cached.loaded || cached.signal?.aborted !== true)) return cached.promise as Promise<T>;
    const entry = { promise: this.load(file, signal), signal, loaded: false };
    entry.promise.then(
      () => (entry.loaded = true),
      () => {
        if (this.files.get(file) === entry) this.files.delete(file);
      },
    );
    this.files.set(file, entry);
    return entry.promise as Promise<T>;
  }

  manifest(): Promise<SearchManifest> {
    if (this.manifestPromise === null) {
      const loading = this.read<SearchManifest>(this.manifestFile).then((manifest) => {
        if (manifest?.version !== SEARCH_FORMAT_VERSION) throw new IndexVersionError(manifest?.version);
        return manifest;
      });
      loading.catch(() => {
        if (this.manifestPromise === loading) this.manifestPromise = null;
      });
      this.manifestPromise = loading;
    }
    return this.manifestPromise;
  }

  /**
   * Aborting the signal stops the search at its next step with an AbortError: while a reader
   * types, each keystroke's search would otherwise go on scoring every document for a prefix
   * nobody waits for, on the thread the newest keystroke's search needs.
   */
  async search(query: string, topics: readonly string[] = [], signal?: AbortSignal): Promise<ResultSet> {
    const manifest = await this.manifest();
    signal?.throwIfAborted();
    const plan = planQuery(query, manifest.topics);
    const known = new Set(manifest.topics.map((topic) => topic.id));
    const chosen = [...new Set(topics)].filter((topic) => known.has(topic)).sort();
    const base = { query, topics: chosen };
    const size = manifest.documents;
    const lookup = new TokenLookup(manifest, (file) => this.read<TokenChunk>(file));
    const corrections: Corrections = new Map();
    // Topic membership is fetched beside the token chunks, not after them: a query naming a topic
    // (注意力, Transformer, 强化学习) would otherwise wait for one more round trip.
    const [inTopics, groups] = await Promise.all([
      chosen.length > 0 ? this.topicDocs(manifest, chosen) : null,
      Promise.all(
        plan.groups.map(async (group) => {
          const [spellings, inTopic] = await Promise.all([
            Promise.all(group.spellings.map((spelt) => this.spellingScores(lookup, spelt, corrections, size, signal))),
            group.topic === undefined ? null : this.topicDocs(manifest, [group.topic], 'both'),
          ]);
          signal?.throwIfAborted();
          const words = anyOf(spellings, size);
          if (inTopic !== null) raiseTopic(words, inTopic);
          return words;
        }),
      ),
    ]);
    signal?.throwIfAborted();

    if (plan.groups.length === 0) {
      if (inTopics === null) return { ...base, empty: true, listing: false, total: () => 0, page: async () => [] };
      return this.resultSet(base, manifest, plan, ranked(inTopics), new Map());
    }
    // The topic filter joins as one more group; its score of 1 is the same for every article.
    if (inTopics !== null) groups.push(inTopics);
    const candidates = ranked(allOf(groups, size, 'sum'));
    return this.resultSet(base, manifest, plan, candidates, corrections);
  }

  /** Every key of the spelling must be present; averaged, so a two-word synonym does not outweigh the one word typed. */
  private async spellingScores(lookup: TokenLookup, spelt: Spelling, corrections: Corrections, size: number, signal: AbortSignal | undefined): Promise<Scores> {
    const perKey = await Promise.all(spelt.keys.map((key) => this.keyScores(lookup, key, spelt.synonym, corrections, size, signal)));
    signal?.throwIfAborted();
    return allOf(perKey, size, 'mean');
  }

  private async keyScores(
    lookup: TokenLookup,
    key: KeyRequirement,
    synonym: boolean,
    corrections: Corrections,
    size: number,
    signal: AbortSignal | undefined,
  ): Promise<Scores> {
    const typedKind: MatchKind = synonym ? 'synonym' : 'exact';
    const variants = key.type === 'token' ? [{ token: key.token, kind: 'exact' as const }] : await lookup.variants(key.word);
    signal?.throwIfAborted();
    if (key.type === 'word') {
      const fixes = variants.filter((variant) => variant.kind === 'fuzzy').map((variant) => variant.token);
      if (fixes.length > 0) corrections.set(key.word, fixes);
    }
    const lists = await Promise.all(variants.map(async (variant) => ({ variant, postings: await lookup.postings(variant.token) })));
    signal?.throwIfAborted();
    const scores = new Float32Array(size);
    for (const { variant, postings } of lists) addPostings(scores, postings, variant.kind === 'exact' ? typedKind : variant.kind);
    return scores;
  }

  /**
   * Articles in any of the topics: as scores of 1 for a filter (tagged only), or as the topic
   * scores above for a query naming a topic (tagged, then leaning).
   */
  private async topicDocs(manifest: SearchManifest, topics: readonly string[], which: 'tagged' | 'both' = 'tagged'): Promise<Scores> {
    const membership = await this.read<TopicMembership>(manifest.topicMembership);
    const scores = new Float32Array(manifest.documents);
    for (const topic of topics) {
      if (which === 'both') for (const doc of decodeGaps(membership.leaning[topic] ?? [])) scores[doc] = TOPIC_SCORE.leaning;
      for (const doc of decodeGaps(membership.tagged[topic] ?? [])) scores[doc] = which === 'both' ? TOPIC_SCORE.tagged : 1;
    }
    return scores;
  }

  private async records(manifest: SearchManifest, docs: readonly number[], signal?: AbortSignal): Promise<Map<number, SearchRecord>> {
    const { size } = manifest.recordShards;
    const shards = [...new Set(docs.map((doc) => Math.floor(doc / size)))];
    const loaded = await Promise.all(
      shards.map(async (shard) => [shard, await this.read<SearchRecord[]>(recordShardFile(manifest.recordShards, shard), signal)] as const),
    );
    const byShard = new Map(loaded);
    return new Map(docs.map((doc) => [doc, byShard.get(Math.floor(doc / size))![doc % size]!]));
  }

  private resultSet(
    base: { query: string; topics: string[] },
    manifest: SearchManifest,
    plan: QueryPlan,
    candidates: Candidate[],
    corrections: Corrections,
  ): ResultSet {
    const rejected = new Set<number>();
    return {
      ...base,
      empty: false,
      listing: plan.groups.length === 0,
      total: () => candidates.length - rejected.size,
      page: async (from, count, signal) => {
        const slice = candidates.slice(from, from + count);
        const records = await this.records(manifest, slice.map((candidate) => candidate.doc), signal);
        const hits = rankPage(plan, corrections, slice.map((candidate) => ({ ...candidate, record: records.get(candidate.doc)! })));
        const kept = new Set(hits.map((hit) => hit.doc));
        for (const candidate of slice) if (!kept.has(candidate.doc)) rejected.add(candidate.doc);
        return hits;
      },
    };
  }
}
