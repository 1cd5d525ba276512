// Synthetic transmission drops for the benchmarks: N distinct articles over N/12 drops, recombined
// from the real seed sentences, deterministic from a seed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { extractSeedText, readSeedExcerpts, type SeedText } from './seed-text.ts';

export interface CorpusFile {
  name: string;
  content: string;
}

/** One distinct article as its first drop carries it. */
export interface GeneratedArticle {
  line: string;
  /** The excerpt without markers and without the trailing `...`: what the build renders. */
  text: string;
}

export interface Corpus {
  files: CorpusFile[];
  articles: GeneratedArticle[];
  /** One more drop, dated after the others (9 new articles, 3 repeats), for the rebuild measurement. */
  nextDrop: CorpusFile;
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Seed excerpt lines to recombine; the repository's feeds/ by default. */
  seedExcerpts?: readonly string[];
}

export const NEW_PER_DROP = 12;
export const REPEATS_PER_DROP = 4;
const NEXT_DROP_NEW = 9;
const NEXT_DROP_REPEATS = 3;
/** The build merges an excerpt into another when it is a prefix of at least this many code points. */
export const IDENTITY_PREFIX = 40;
const SEED_CUT = 350;
const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';
export const SUPPORTED_SIZES = [1_000, 10_000];
export const HUGE_SIZE = 100_000;

/**
 * mulberry32: Math.random cannot be seeded, and a corpus that changes between runs would make
 * two benchmark runs incomparable. Four lines of 32-bit state are plenty for picking sentences.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the build keys an excerpt on: NFKC, white space folded, first 40 code points. */
export function identityKey(text: string): string {
  const folded = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return Array.from(folded).slice(0, IDENTITY_PREFIX).join('');
}

function codePoints(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('').trimEnd();
}

class ArticleWriter {
  private readonly random: () => number;
  private readonly keys = new Set<string>();

  constructor(
    private readonly material: SeedText,
    seed: number,
  ) {
    this.random = mulberry32(seed);
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  integer(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.integer(items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  }

  hex(digits: number): string {
    let hex = '';
    while (hex.length < digits) hex += this.integer(16).toString(16);
    return hex;
  }

  private join(pieces: readonly string[]): string {
    return pieces.reduce((text, piece) => {
      if (text === '' || text.endsWith(' ')) return text + piece;
      return /[\p{Script=Han},。;:!?、]$/u.test(text) ? text + piece : `${text} ${piece}`;
    }, '');
  }

  /**
   * A heading and a sentence give only a few thousand openings, so once they collide the opening
   * gains a short clause, then a second one, and at last an ordinal: the 40-code-point identity
   * must be new for every article, or the build would rightly merge two of them.
   */
  private opening(): string {
    for (let attempt = 0; ; attempt++) {
      // A heading stands apart from its text by a space, as in the seeds (`概述 本文介绍…`).
      const heading = this.chance(0.7) && this.material.headings.length > 0 ? `${this.pick(this.material.headings)} ` : '';
      const pieces: string[] = [];
      if (attempt >= 32) pieces.push(`(${this.keys.size + 1})`);
      else if (attempt >= 2) pieces.push(this.pick(this.material.clauses));
      if (attempt >= 8 && attempt < 32) pieces.push(this.pick(this.material.clauses));
      let text = heading + this.join(pieces);
      do text = this.join([text, this.pick(this.material.sentences)]);
      while (Array.from(text).length < IDENTITY_PREFIX);
      const key = identityKey(text);
      if (!this.keys.has(key)) {
        this.keys.add(key);
        return text;
      }
    }
  }

  article(): GeneratedArticle {
    const shape = this.random();
    // Most seed lines are cut at 350 code points; some are shorter or longer, a few end whole.
    const cut = shape < 0.75 ? SEED_CUT : shape < 0.9 ? 120 + this.integer(380) : null;
    const target = cut ?? 150 + this.integer(250);
    let body = this.opening();
    while (Array.from(body).length < target) body = this.join([body, this.pick(this.material.sentences)]);
    // A cut that ends in dots loses them to the `...` the parser strips, so the text does too.
    const text = cut === null ? body : codePoints(body, cut).replace(/\.+$/u, '').trimEnd();
    const marker = this.marker();
    return { line: `${marker}${text}${cut === null ? '' : '...'}`, text };
  }

  private marker(): string {
    const roll = this.random();
    if (roll < 0.08) return '💡 ';
    if (roll < 0.11) return `🔖 https://arxiv.org/abs/${2000 + this.integer(600)}.${10000 + this.integer(9000)} `;
    return '';
  }

  /** An earlier article again: mostly the same line, sometimes a shorter cut of it (which the build merges). */
  repeat(earlier: readonly GeneratedArticle[], recentFrom: number): string {
    const recent = this.chance(0.75) && recentFrom < earlier.length;
    const article = recent ? this.pick(earlier.slice(recentFrom)) : this.pick(earlier);
    const length = Array.from(article.text).length;
    if (this.chance(0.1) && length > 100) return `${codePoints(article.text, 60 + this.integer(length - 90))}...`;
    return article.line;
  }
}

function dropFile(writer: ArticleWriter, index: number, lines: readonly string[]): CorpusFile {
  const pagination = writer.chance(0.3) ? '1 2\n' : '';
  return { name: `${String(index).padStart(6, '0')}_${writer.hex(16)}.txt`, content: `${HEADER}${lines.join('\n')}\n${pagination}` };
}

function shuffledIn(writer: ArticleWriter, lines: string[], extra: readonly string[]): string[] {
  for (const line of extra) lines.splice(writer.integer(lines.length + 1), 0, line);
  return lines;
}

export function generateCorpus(options: CorpusOptions): Corpus {
  if (!Number.isInteger(options.articles) || options.articles < 1) throw new RangeError('articles must be a positive integer');
  const material = extractSeedText(options.seedExcerpts ?? readSeedExcerpts());
  if (material.sentences.length === 0 || material.clauses.length === 0) throw new Error('seed excerpts hold no sentences');
  const writer = new ArticleWriter(material, options.seed);
  const articles: GeneratedArticle[] = [];
  const files: CorpusFile[] = [];
  const recentWindow = NEW_PER_DROP * 5;
  const addDrop = (fresh: number, repeats: number): CorpusFile => {
    const before = articles.length;
    const lines: string[] = [];
    for (let count = 0; count < fresh; count++) {
      const article = writer.article();
      articles.push(article);
      lines.push(article.line);
    }
    const earlier = articles.slice(0, before);
    const repeated = earlier.length === 0 ? [] : Array.from({ length: repeats }, () => writer.repeat(earlier, Math.max(0, before - recentWindow)));
    return dropFile(writer, files.length, shuffledIn(writer, lines, repeated));
  };
  while (articles.length < options.articles) {
    const fresh = Math.min(NEW_PER_DROP, options.articles - articles.length);
    // A short last drop keeps the same share of repeats as the others.
    files.push(addDrop(fresh, Math.round((fresh * REPEATS_PER_DROP) / NEW_PER_DROP)));
  }
  const nextDrop = addDrop(NEXT_DROP_NEW, NEXT_DROP_REPEATS);
  articles.length = options.articles;
  return { files, articles, nextDrop };
}

export function writeCorpus(corpus: Corpus, folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of corpus.files) writeFileSync(join(folder, file.name), file.content);
}

export function checkSize(articles: number, huge: boolean): void {
  if (SUPPORTED_SIZES.includes(articles) || (huge && articles === HUGE_SIZE)) return;
  const sizes = [...SUPPORTED_SIZES, `${HUGE_SIZE} (with --huge)`].join(', ');
  throw new RangeError(`--articles must be one of ${sizes}; got ${articles}`);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      huge: { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  checkSize(articles, values.huge);
  const out = resolve(values.out ?? `bench/corpus/${articles}/feeds`);
  const corpus = generateCorpus({ articles, seed: Number(values.seed) });
  writeCorpus(corpus, out);
  console.log(`${corpus.articles.length} articles in ${corpus.files.length} drops → ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
