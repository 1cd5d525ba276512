// The raw material of the synthetic corpus: headings, sentences and short clauses cut out of the
// real seed excerpts, so generated text keeps their mix of Chinese, English terms, placeholders and TeX.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SeedText {
  /** Short leading labels such as 概述, 引言与背景, 摘掉Softmax. */
  headings: string[];
  /** Whole sentences, each ending with its terminator (。!?; and ASCII kin). */
  sentences: string[];
  /** Short comma-delimited pieces, used to vary how an excerpt opens. */
  clauses: string[];
}

const SEED_FEEDS = fileURLToPath(new URL('../feeds/', import.meta.url));
const HEADER_LINES = 3;
const PAGINATION = /^[\d\s]+$/;
const MARKERS = /^(?:💡\uFE0F?\s*|🔖\uFE0F?\s*https?:\/\/\S+\s*)+/u;
const SENTENCE_END = new Set(['。', '!', '?', ';', '!', '?', ';']);
const CLAUSE_END = new Set([',', ',', '、']);
const MAX_HEADING = 8;
const HEADING_PUNCTUATION = /[,。,::;;!?!?()()“”"]/u;

/** Every excerpt line of the seed drops (pagination lines and the header left out), deduplicated. */
export function readSeedExcerpts(feedsDir: string = SEED_FEEDS): string[] {
  const lines = new Set<string>();
  for (const name of readdirSync(feedsDir).filter((file) => file.endsWith('.txt')).sort()) {
    const content = readFileSync(`${feedsDir}/${name}`, 'utf8').replace(/^\uFEFF/, '');
    for (const line of content.split(/\r\n|\r|\n/).slice(HEADER_LINES)) {
      if (line.trim() !== '' && !PAGINATION.test(line)) lines.add(line.trim());
    }
  }
  return [...lines];
}

/**
 * Split at the given terminators, but never inside `\( \)` or `\[ \]`: a cut there would leave
 * unbalanced TeX in the middle of a generated excerpt, which the real feeds only show at the cut end.
 * The piece after the last terminator is dropped, since in a seed it is the truncated tail.
 */
function splitOutsideTex(text: string, ends: ReadonlySet<string>): string[] {
  const pieces: string[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const pair = text.slice(index, index + 2);
    if (pair === '\\(' || pair === '\\[') {
      const close = text.indexOf(pair === '\\(' ? '\\)' : '\\]', index + 2);
      if (close === -1) break;
      index = close + 2;
      continue;
    }
    if (ends.has(text[index] ?? '')) {
      const piece = text.slice(start, index + 1).trim();
      if (piece.length > 1) pieces.push(piece);
      start = index + 1;
    }
    index++;
  }
  return pieces;
}

export function extractSeedText(excerpts: readonly string[]): SeedText {
  const headings = new Set<string>();
  const sentences = new Set<string>();
  const clauses = new Set<string>();
  for (const line of excerpts) {
    let body = line.replace(MARKERS, '').replace(/(?:\.{3,}|…+)$/u, '');
    const first = body.split(/\s/, 1)[0] ?? '';
    if (first.length > 0 && Array.from(first).length <= MAX_HEADING && !HEADING_PUNCTUATION.test(first)) {
      headings.add(first);
      body = body.slice(first.length).trimStart();
    }
    for (const sentence of splitOutsideTex(body, SENTENCE_END)) {
      sentences.add(sentence);
      for (const clause of splitOutsideTex(sentence, CLAUSE_END)) {
        const length = Array.from(clause).length;
        if (length >= 4 && length <= 24) clauses.add(clause);
      }
    }
  }
  return { headings: [...headings], sentences: [...sentences], clauses: [...clauses] };
}
