import { createHash } from 'node:crypto';
import { PLACEHOLDERS, type Article, type Drop, type Entry, type MathCount } from '../model.ts';
import { articleIdOf, groupEntries } from './dedup.ts';
import { extractKeyTerms } from './key-terms.ts';
import { deriveSummary } from './summary.ts';
import { deriveTitle } from './title.ts';

export { identityOf, MIN_PREFIX } from './dedup.ts';


/** Closed `open…close` pairs, by indexOf rather than a regex so 20,000 unclosed `\(` stay linear. */
function countPairs(text: string, open: string, close: string): number {
  let count = 0;
  for (let start = text.indexOf(open); start !== -1; ) {
    const end = text.indexOf(close, start + open.length);
    if (end === -1) break;
    count++;
    start = text.indexOf(open, end + close.length);
  }
  return count;
}

export function countMath(text: string): MathCount {
  return {
    placeholders: PLACEHOLDERS.reduce((sum, placeholder) => sum + text.split(placeholder).length - 1, 0),
    tex: countPairs(text, '\\(', '\\)') + countPairs(text, '\\[', '\\]'),
  };
}

/** For an excerpt with nothing to name, such as one that is only a lost formula. */
const UNTITLED = '无标题摘录';

/** Two distinct articles whose first 40 characters agree: the later one hashes its whole text. */
function uniqueId(identity: string, taken: Set<string>): string {
  let id = articleIdOf(identity);
  for (let salt = 0; taken.has(id); salt++) {
    id = createHash('sha256').update(`${salt}\0${identity}`).digest('hex').slice(0, 10);
  }
  taken.add(id);
  return id;
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** What an excerpt's text alone determines; pure, so a build may cache it by text. */
export interface ExcerptDescription {
  title: string;
  summary: string;
  keyTerms: string[];
}

export function describeExcerpt(text: string): ExcerptDescription {
  return { title: deriveTitle(text) || UNTITLED, summary: deriveSummary(text), keyTerms: extractKeyTerms(text) };
}

/** An article before anything is derived from its text: which entries it merges, and its identity. */
export type ArticleGroup = Omit<Article, keyof ExcerptDescription>;

/** Merge the entries of every drop into distinct articles, in order of first sighting. */
export function groupArticles(drops: readonly Drop[]): ArticleGroup[] {
  const order = new Map<Entry, number>();
  for (const drop of drops) for (const entry of drop.entries) order.set(entry, order.size);
  const rank = (entry: Entry): number => order.get(entry) ?? 0;

  const groups = groupEntries([...order.keys()])
    .map((group) => ({ ...group, entries: [...group.entries].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.entries[0]!) - rank(b.entries[0]!));

  const taken = new Set<string>();
  return groups.map(({ identity, entries, longest: longestCuts }): ArticleGroup => {
    const first = entries[0]!;
    // The first sighting of the longest cut.
    const longest = longestCuts.reduce((a, b) => (rank(b) < rank(a) ? b : a), longestCuts[0] ?? first);
    return {
      id: uniqueId(identity, taken),
      text: longest.text,
      truncated: longest.truncated,
      source: entries.find((entry) => entry.source !== null)?.source ?? null,
      drops: uniqueInOrder(entries.map((entry) => entry.drop)),
      firstDrop: first.drop,
      sightings: entries.map((entry) => ({ drop: entry.drop, line: entry.line })),
      math: countMath(longest.text),
    };
  });
}

/** Distinct articles with their titles, summaries and key terms, in order of first sighting. */
export function collectArticles(
  drops: readonly Drop[],
  describe: (text: string) => ExcerptDescription = describeExcerpt,
): Article[] {
  return groupArticles(drops).map((group) => ({ ...group, ...describe(group.text) }));
}
