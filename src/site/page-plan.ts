import { createHash } from 'node:crypto';
import type { DropReport, PublishedArticle } from '../model.ts';
import type { IndexFile } from '../search/format.ts';
import { SEARCH_INDEX_PATH, type SearchIndex } from '../search/index.ts';
import { VISIT_FRESH_DROPS } from '../reader/index.ts';
import { visitFacts } from './reading.ts';
import { articlePath, dropPath, type SiteModel, type TopicPage } from './views.ts';

/** Pages with no list behind them: each is one template, rendered on every build. */
export const SINGLE_PAGES = ['home', 'drops', 'search', 'not-found', 'robots', 'sitemap', 'topics-css', 'articles-json', 'search-client', 'feeds', 'popular', 'saved', 'reader-client'] as const;
export type SinglePage = (typeof SINGLE_PAGES)[number];

/** The single pages that show nothing a drop changes, by output file. */
const FRAME_ONLY = {
  search: 'search/index.html',
  'not-found': '404.html',
  robots: 'robots.txt',
  'topics-css': 'assets/topics.css',
  'search-client': 'assets/search.js',
  'reader-client': 'assets/reader.js',
  saved: 'saved/index.html',
} as const;

/** What one Eleventy run renders: a share of each list, so no run holds every page at once. */
export interface PageSlice {
  articles: { article: PublishedArticle; excerptHtml: string }[];
  drops: DropReport[];
  topicPages: TopicPage[];
  indexFiles: IndexFile[];
  singles: SinglePage[];
  /** The search manifest's file name, for the search page. */
  searchManifest: string;
}

export interface PagePlan {
  singles: SinglePage[];
  articles: PublishedArticle[];
  drops: DropReport[];
  topicPages: TopicPage[];
  indexFiles: IndexFile[];
  /** Output files (relative to the site root) taken unchanged from the previous build. */
  reuse: string[];
  /** Every keyed page's output file and key, for the next build. */
  keys: Map<string, string>;
}

/** `/articles/x/` → `articles/x/index.html`; `/search/index/m-1.json` → `search/index/m-1.json`. */
export const outputFile = (path: string): string => (path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));

const hashOf = (inputs: unknown): string => createHash('sha256').update(JSON.stringify(inputs)).digest('base64url').slice(0, 22);

/**
 * Keys hash everything a page shows, so a page whose key is unchanged since the last build is the
 * same page byte for byte and can be reused instead of rendered. The frame (code, base path, site
 * config, the topic navigation) is part of every key.
 */
function pageKeys(site: SiteModel, codeVersion: string) {
  const frame = [codeVersion, site.digest.base, site.config, site.topics.map((topic) => [topic.id, topic.labelZh, topic.labelEn])];
  const dropNumber = (id: string) => site.dropNumber.get(id) ?? 0;
  const dropDate = (id: string) => site.dropById.get(id)?.date.time ?? null;
  const frontFacts = visitFacts(site.digest.drops, VISIT_FRESH_DROPS);
  // A card appears on up to a dozen pages: hash what it shows once, and let pages hash the hashes.
  const cards = new Map<string, string>();
  const card = (other: PublishedArticle): string => {
    let key = cards.get(other.id);
    if (key === undefined) {
      key = hashOf([other.id, other.textKey, dropNumber(other.firstDrop), dropDate(other.firstDrop), other.firstDrop, other.drops.length]);
      cards.set(other.id, key);
    }
    return key;
  };
  return {
    frameOnly: (single: SinglePage, searchManifest: string | null) => hashOf([frame, single, searchManifest]),
    article(article: PublishedArticle): string {
      const neighbours = site.neighbours.get(article.id);
      return hashOf([
        frame,
        article.id,
        // The title, summary, key terms, tags and typeset excerpt are functions of the text and the
        // code: hashing the text's hash instead of them halved the time planning takes.
        article.textKey,
        article.truncated,
        article.source,
        article.drops.map((drop) => [drop, dropNumber(drop), dropDate(drop)]),
        neighbours?.previous ? [neighbours.previous.id, neighbours.previous.textKey] : null,
        neighbours?.next ? [neighbours.next.id, neighbours.next.textKey] : null,
        (neighbours?.related ?? []).map(card),
      ]);
    },
    drop(drop: DropReport): string {
      const titles = drop.listing.map((item) => site.articleById.get(item.articleId)?.textKey ?? null);
      return hashOf([frame, drop, dropNumber(drop.id), titles]);
    },
    topicPage(page: TopicPage): string {
      const { topic, pageNumber, first, last, path, newer, older } = page;
      // The front page names the topic's count, its trend and the newest drops (for the reader's
      // new marks); an archive page names only its own range.
      const count = pageNumber === 0 ? [topic.articles.length, topic.trend, frontFacts] : null;
      return hashOf([frame, topic.id, topic.labelZh, topic.labelEn, pageNumber, first, last, path, newer, older, count, page.articles.map(card)]);
    },
  };
}

/** Where a search index file is written, relative to the site root. */
export const indexOutputFile = (path: string): string => outputFile(`${SEARCH_INDEX_PATH}${path}`);

/**
 * Which pages this build renders and which it takes from the previous build into the same output
 * folder: a page is reused when its key is the one the previous build recorded for it. Search index
 * files are named by their content, so one is reused whenever the previous build wrote it; the
 * index's unchanged files are reused as they are (the caller has checked that they can be).
 */
export function planPages(
  site: SiteModel,
  searchIndex: Pick<SearchIndex, 'files' | 'unchangedFiles' | 'manifestFile'>,
  codeVersion: string,
  reusable: (file: string, key: string) => boolean,
): PagePlan {
  const searchManifest = searchIndex.manifestFile;
  const keys = pageKeys(site, codeVersion);
  const plan: PagePlan = { singles: [], articles: [], drops: [], topicPages: [], indexFiles: [], reuse: [], keys: new Map() };
  const sort = <T>(file: string, key: string, item: T, render: T[]) => {
    plan.keys.set(file, key);
    if (reusable(file, key)) plan.reuse.push(file);
    else render.push(item);
  };
  for (const single of SINGLE_PAGES) {
    // Pages that show no article or drop depend on the code and the site's settings alone (the
    // search page also on the index it points at); the rest change with every drop.
    const file = FRAME_ONLY[single as keyof typeof FRAME_ONLY];
    if (file === undefined) plan.singles.push(single);
    else sort(file, keys.frameOnly(single, single === 'search' ? searchManifest : null), single, plan.singles);
  }
  for (const article of site.digest.articles) sort(outputFile(articlePath(article.id)), keys.article(article), article, plan.articles);
  for (const drop of site.digest.drops) sort(outputFile(dropPath(drop.id)), keys.drop(drop), drop, plan.drops);
  for (const page of site.topicPages) sort(outputFile(page.path), keys.topicPage(page), page, plan.topicPages);
  for (const file of searchIndex.files) sort(indexOutputFile(file.path), file.path, file, plan.indexFiles);
  for (const path of searchIndex.unchangedFiles) {
    plan.keys.set(indexOutputFile(path), path);
    plan.reuse.push(indexOutputFile(path));
  }
  return plan;
}

/** A slice as planned: article pages still without their typeset excerpts. */
export type PlannedSlice = Omit<PageSlice, 'articles' | 'searchManifest'> & { articles: PublishedArticle[] };

/** The plan cut into slices of at most `size` pages each; the single pages to render go with the first. */
export function slicesOf(plan: PagePlan, size: number): PlannedSlice[] {
  const empty = (): PlannedSlice => ({ articles: [], drops: [], topicPages: [], indexFiles: [], singles: [] });
  const slices: PlannedSlice[] = [];
  let current: PlannedSlice = { ...empty(), singles: [...plan.singles] };
  let count: number = plan.singles.length;
  const add = <K extends 'articles' | 'drops' | 'topicPages' | 'indexFiles'>(name: K, items: readonly PlannedSlice[K][number][]) => {
    for (const item of items) {
      if (count >= size) {
        slices.push(current);
        current = empty();
        count = 0;
      }
      (current[name] as PlannedSlice[K][number][]).push(item);
      count++;
    }
  };
  add('articles', plan.articles);
  add('drops', plan.drops);
  add('topicPages', plan.topicPages);
  add('indexFiles', plan.indexFiles);
  slices.push(current);
  return slices;
}
