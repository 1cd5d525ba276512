// The search page's state as it lives in the URL, so a search can be shared, bookmarked and
// walked through with Back and Forward: `?q=扩散&topic=diffusion&topic=vision`.
import { MAX_QUERY_LENGTH } from './query.ts';

export interface SearchState {
  query: string;
  /** Selected topic ids, sorted, without duplicates. */
  topics: string[];
}

export function readState(search: string, knownTopics: ReadonlySet<string>): SearchState {
  const params = new URLSearchParams(search);
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  // Comma-separated lists are accepted too, for hand-written links.
  const topics = params.getAll('topic').flatMap((value) => value.split(',')).map((topic) => topic.trim());
  return { query, topics: [...new Set(topics.filter((topic) => knownTopics.has(topic)))].sort() };
}

export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set('q', state.query);
  for (const topic of state.topics) params.append('topic', topic);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export const sameState = (a: SearchState, b: SearchState): boolean =>
  a.query === b.query && a.topics.length === b.topics.length && a.topics.every((topic, index) => topic === b.topics[index]);
