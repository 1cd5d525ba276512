import { createHash } from 'node:crypto';
import type { Entry } from '../model.ts';

/** A shorter cut merges with a longer one only when the shared prefix is at least this long. */
export const MIN_PREFIX = 40;

/** Identity of an excerpt: NFKC, white space folded. Markers and `...` are gone already. */
export function identityOf(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

function firstCodePoints(text: string, count: number): string {
  return Array.from(text.slice(0, count * 2)).slice(0, count).join('');
}

/**
 * The id hashes the first 40 code points of the identity: every cut that merges into an article
 * shares them, so the id survives a longer version arriving later and new drops around it.
 */
export function articleIdOf(identity: string): string {
  return createHash('sha256').update(firstCodePoints(identity, MIN_PREFIX)).digest('hex').slice(0, 10);
}

export interface EntryGroup {
  /** The longest identity of the group; its first entry supplies the article's text. */
  identity: string;
  entries: Entry[];
  /** The entries whose identity is `identity` itself. */
  longest: Entry[];
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Group entries that are the same article. Sorting identities makes every prefix sit right before
 * the strings that extend it, so one backward pass finds each chain's longest member in
 * O(n log n) comparisons, with no pairwise scan that hostile drops of thousands of lines could blow up.
 * A prefix that two distinct longer texts share joins the first of them in sort order.
 */
export function groupEntries(entries: readonly Entry[]): EntryGroup[] {
  const byIdentity = new Map<string, Entry[]>();
  for (const entry of entries) {
    const identity = identityOf(entry.text);
    const same = byIdentity.get(identity);
    if (same) same.push(entry);
    else byIdentity.set(identity, [entry]);
  }
  const sorted = [...byIdentity.keys()].sort(compareCodeUnits);
  const root = new Array<number>(sorted.length);
  for (let index = sorted.length - 1; index >= 0; index--) {
    const identity = sorted[index] ?? '';
    const next = sorted[index + 1];
    const extends_ = next !== undefined && identity.length >= MIN_PREFIX && next.startsWith(identity);
    root[index] = extends_ ? (root[index + 1] ?? index) : index;
  }
  const groups = new Map<number, EntryGroup>();
  sorted.forEach((identity, index) => {
    const rootIndex = root[index] ?? index;
    let group = groups.get(rootIndex);
    if (!group) {
      const rootIdentity = sorted[rootIndex] ?? identity;
      group = { identity: rootIdentity, entries: [], longest: byIdentity.get(rootIdentity) ?? [] };
      groups.set(rootIndex, group);
    }
    group.entries.push(...(byIdentity.get(identity) ?? []));
  });
  return [...groups.values()];
}
