// The reader's saved articles: a list in their own storage, and the same list as a link, which is
// how it moves between devices without an account.

/** What the saved page shows without fetching anything: the title and first drop when saved. */
export interface SavedArticle {
  id: string;
  title: string;
  /** The number of the article's first drop ("第 3 次传输"), 0 when unknown. */
  drop: number;
  /** The day that drop arrived, `2026-11-24`, or '' when unknown. */
  day: string;
}

/** Article ids are short ASCII hashes; anything else in storage or a link is not one of ours. */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A link must stay a link: a few hundred ids fit in any browser's address bar. */
export const MAX_SHARED = 500;
const MAX_TITLE = 300;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-11-24` from an RFC 3339 time or a day, else ''. */
export const dayOf = (time: unknown): string => (typeof time === 'string' && DAY.test(time.slice(0, 10)) ? time.slice(0, 10) : '');

export function parseSaved(value: unknown): SavedArticle[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const list: SavedArticle[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, title, drop, day } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !ARTICLE_ID.test(id) || seen.has(id)) continue;
    seen.add(id);
    list.push({
      id,
      title: typeof title === 'string' ? title.slice(0, MAX_TITLE) : id,
      drop: Number.isInteger(drop) ? (drop as number) : 0,
      day: dayOf(day),
    });
  }
  return list;
}

/** Newest saved first. */
export function toggleSaved(list: readonly SavedArticle[], article: SavedArticle): SavedArticle[] {
  return list.some((item) => item.id === article.id) ? list.filter((item) => item.id !== article.id) : [article, ...list];
}

export const shareFragment = (list: readonly SavedArticle[]): string => `#ids=${list.map((item) => item.id).join(',')}`;

/** The ids a shared link carries (`#ids=a,b,c`), or null when the fragment is not a shared list. */
export function sharedIds(hash: string): string[] | null {
  const match = /^#ids=([^&]*)/.exec(hash);
  if (match === null) return null;
  // Ids are ASCII; a link mangled in transit just loses the ids it mangled.
  const ids = match[1]!.replace(/%2C/gi, ',').split(',').filter((id) => ARTICLE_ID.test(id));
  return [...new Set(ids)].slice(0, MAX_SHARED);
}
