import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeExcerpt, type ExcerptDescription } from '../articles/index.ts';
import type { RenderDiagnostic, TopicId, TopicTag } from '../model.ts';
import { renderExcerpt, renderInline } from '../render/index.ts';
import { indexText, type IndexedText } from '../search/index.ts';
import { assessTopics } from '../topics/index.ts';
import { textKey, type CacheStore } from './cache-store.ts';

/** What cards, listings and feeds need of a text: small enough to hold for every article. */
export interface TextDerivation extends ExcerptDescription {
  tags: TopicTag[];
  leaning: TopicId[];
  titleHtml: string;
  summaryHtml: string;
  renderDiagnostics: RenderDiagnostic[];
}

/** Everything an excerpt's text alone determines: the costly part of a build, cached by text. */
export interface FullDerivation {
  text: TextDerivation;
  /** The typeset excerpt, read back only for the article pages a build renders. */
  excerptHtml: string;
  /** The search fields and tokens, read back one article at a time while indexing. */
  search: IndexedText;
}

/** What pages show of a text: everything but its search fields. */
export function renderFromText(text: string): Omit<FullDerivation, 'search'> {
  const description = describeExcerpt(text);
  const { tags, leaning } = assessTopics({ text, ...description });
  const excerpt = renderExcerpt(text);
  return {
    text: {
      ...description,
      tags,
      leaning,
      titleHtml: renderInline(description.title).html,
      summaryHtml: renderInline(description.summary).html,
      renderDiagnostics: excerpt.diagnostics,
    },
    excerptHtml: excerpt.html,
  };
}

export function deriveFromText(text: string): FullDerivation {
  const rendered = renderFromText(text);
  return { ...rendered, search: indexText({ ...rendered.text, text }) };
}

/** Below this many texts a worker's start-up (loading tsx and the stages, ~0.5 s) costs more than it saves. */
const WORTH_A_WORKER = 400;
/**
 * Texts per share of work. Threads take shares from one queue, so a worker that starts slowly
 * (it loads tsx and the stages) or a core that other work keeps busy simply takes fewer.
 */
const SHARE = 50;
/** Derived texts written to the store at a time, so a cold 100,000-article build never holds them all. */
const FLUSH_EVERY = 2_000;

export interface DeriveOptions {
  threads?: number;
  /**
   * Told how many texts are missing before any is derived, then how many are done after each share.
   * A cold build of 100,000 articles spends minutes here, and said nothing until it was over.
   */
  onProgress?: (derived: number, missing: number) => void;
}

/** One worker thread that derives the shares it is sent, for the whole of a build. */
function startWorker(): { derive(texts: string[]): Promise<FullDerivation[]>; stop(): Promise<number> } {
  const worker = new Worker(new URL('./derive-worker.mjs', import.meta.url));
  let pending: { resolve: (value: FullDerivation[]) => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (derived: FullDerivation[]) => pending?.resolve(derived));
  worker.on('error', (error) => pending?.reject(error));
  return {
    derive: (texts) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(texts);
      }),
    stop: () => worker.terminate(),
  };
}

/**
 * The derivations of a build's texts, through its cache store: `deriveMissing` derives every text
 * the store lacks, on every core (each text's derivation is a pure function of it, so which thread
 * derived it changes nothing); the readers then read one part back at a time, deriving on the
 * spot whatever went missing since.
 */
export function derivations(store: CacheStore) {
  // Each text is looked up in three tables: hash it once.
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = textKey(text)));
    return key;
  };
  const keep = (text: string, derivation: FullDerivation): void => {
    const key = keyOf(text);
    store.table<TextDerivation>('derivations').set(key, derivation.text);
    store.table<string>('excerpts').set(key, derivation.excerptHtml);
    store.table<IndexedText>('search').set(key, derivation.search);
  };
  const read = <T>(table: 'derivations' | 'excerpts' | 'search', pick: (derived: FullDerivation) => T) => {
    const values = store.table<T>(table);
    return (text: string): T => {
      const found = values.get(keyOf(text));
      if (found !== undefined) return found;
      const derived = deriveFromText(text);
      keep(text, derived);
      return pick(derived);
    };
  };
  // The descriptions deriveMissing finds or derives, for the digest to take rather than look up
  // and decode each a second time; the digest holds them all anyway. (Read back from a store just
  // filled, 100,000 of them took 11 s of a cold build: lmdb-js maps a new store in chunks.)
  const descriptions = new Map<string, TextDerivation>();
  const describe = read('derivations', (derived) => derived.text);
  return {
    async deriveMissing(texts: readonly string[], { threads = availableParallelism(), onProgress }: DeriveOptions = {}): Promise<number> {
      const described = store.table<TextDerivation>('derivations');
      const missing = [...new Set(texts)].filter((text) => {
        const found = described.get(keyOf(text));
        if (found !== undefined) descriptions.set(text, found);
        return found === undefined;
      });
      const shares: string[][] = [];
      for (let from = 0; from < missing.length; from += SHARE) shares.push(missing.slice(from, from + SHARE));
      let next = 0;
      let unflushed = 0;
      let derivedCount = 0;
      if (missing.length > 0) onProgress?.(0, missing.length);
      const done = async (share: readonly string[], derived: readonly FullDerivation[]) => {
        share.forEach((text, index) => {
          keep(text, derived[index]!);
          descriptions.set(text, derived[index]!.text);
        });
        derivedCount += share.length;
        onProgress?.(derivedCount, missing.length);
        unflushed += share.length;
        if (unflushed >= FLUSH_EVERY) {
          unflushed = 0;
          await store.flush();
        }
      };
      const workers = threads > 1 && missing.length >= WORTH_A_WORKER ? Array.from({ length: threads - 1 }, startWorker) : [];
      try {
        const fed = workers.map(async (worker) => {
          while (next < shares.length) {
            const share = shares[next++]!;
            await done(share, await worker.derive(share));
          }
        });
        while (next < shares.length) {
          const share = shares[next++]!;
          await done(share, share.map(deriveFromText));
          // Lets a worker's finished share in, so it gets its next one without waiting for ours.
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(fed);
        await store.flush();
      } finally {
        await Promise.all(workers.map((worker) => worker.stop()));
      }
      return missing.length;
    },
    description: (text: string): TextDerivation => descriptions.get(text) ?? describe(text),
    textKey: keyOf,
    excerptHtml: read('excerpts', (derived) => derived.excerptHtml),
    search: read('search', (derived) => derived.search),
  };
}

export type Derivations = ReturnType<typeof derivations>;
