// The whole data model of the digest, stage by stage:
//   feeds/*.txt ─ingest→ Drop[] ─articles→ Article[] ─topics→ TaggedArticle[] ─render→ Digest ─Eleventy→ _site/

/** How the scrape marks a lost formula: `[Math]` mostly inline, `[公式]` / `[Formula]` mostly display. */
export const PLACEHOLDERS = ['[Math]', '[公式]', '[Formula]'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the input, printed like a linter's: `file:line: severity: message (rule)`. */
export interface Diagnostic {
  /** The feed file's name, relative to the feeds folder. */
  file: string;
  /** 1-based line, or null when the problem is the whole file. */
  line: number | null;
  severity: Severity;
  /** `stage:rule`, for example `ingest:encoding`. */
  rule: string;
  message: string;
}

/** One article excerpt as it stood on one line of one drop. */
export interface Entry {
  drop: string;
  line: number;
  /** The excerpt with markers (💡, an http(s) 🔖 URL) and the trailing `...` removed. */
  text: string;
  truncated: boolean;
  /** The http(s) URL of a 🔖 marker, else null. */
  source: string | null;
}

/**
 * When a drop arrived, from (in order) a date at the start of its file name, the git commit that
 * added the file, or the file's modification time.
 */
export interface DropDate {
  /** RFC 3339, e.g. `2026-11-24T07:20:02+00:00`: what feeds and sitemaps carry. */
  time: string;
  /** `2026-11-24`, the calendar day of `time` in its own offset: what readers see. */
  day: string;
  source: 'file-name' | 'git' | 'modified';
}

/** One transmission file. */
export interface Drop {
  /** The file name without `.txt`, URL-safe. */
  id: string;
  file: string;
  date: DropDate;
  entries: Entry[];
  /** Non-empty lines that were read, pagination included. */
  lines: number;
  diagnostics: Diagnostic[];
}

export interface MathCount {
  /** `[Math]`, `[公式]` and `[Formula]` placeholders. */
  placeholders: number;
  /** Surviving TeX segments: `\(…\)`, `\[…\]`. */
  tex: number;
}

/** Where an article was seen: the drop and its line there. */
export interface Sighting {
  drop: string;
  line: number;
}

/** One distinct excerpt, merged across every drop that carried it. */
export interface Article {
  /** Stable ASCII id; the page is `/articles/<id>/`. */
  id: string;
  title: string;
  summary: string;
  text: string;
  truncated: boolean;
  source: string | null;
  keyTerms: string[];
  /** Drop ids that carried it, in drop order. */
  drops: string[];
  firstDrop: string;
  sightings: Sighting[];
  math: MathCount;
}

export type TopicId = 'attention' | 'diffusion' | 'rl' | 'vision';

/** A topic an article was tagged with, and the cue terms that earned it. */
export interface TopicTag {
  topic: TopicId;
  score: number;
  evidence: string[];
}

export interface TaggedArticle extends Article {
  /** Topic ids, strongest first; empty when the article is about none of them. */
  topics: TopicId[];
  tags: TopicTag[];
  /** Topics whose cues it carries without enough for a tag: a search for the topic lists it after the tagged ones. */
  leaning: TopicId[];
}

/** A render problem; the caller knows which file and line the text came from. */
export type RenderDiagnostic = Omit<Diagnostic, 'file' | 'line'>;

/** What the render stage turns an excerpt into. */
export interface RenderedText {
  html: string;
  diagnostics: RenderDiagnostic[];
}

/** One line of a drop as its page lists it: which article, and whether this drop brought it. */
export interface DropEntry {
  line: number;
  articleId: string;
  isNew: boolean;
}

/** A drop as the site shows it. */
export interface DropReport {
  id: string;
  file: string;
  date: DropDate;
  /** Article entries read from it (pagination lines aside). */
  entries: number;
  /** Articles first seen in this drop. */
  newArticles: number;
  listing: DropEntry[];
  diagnostics: Diagnostic[];
}

/**
 * An article ready for pages: tagged, with its URL under the site's base path and its title and
 * summary typeset. The typeset excerpt, the bulk of an article, is not kept here: only its own
 * page shows it, and a build reads it from the derivation cache for the pages it renders.
 */
export interface PublishedArticle extends TaggedArticle {
  url: string;
  /**
   * A hash of `text`. Everything derived from the text (title, summary, key terms, tags, typeset
   * HTML) follows from it and the code, so page keys and search fingerprints hash this instead.
   */
  textKey: string;
  titleHtml: string;
  summaryHtml: string;
}

/** What a maintainer sets in `digest.config.json` (flags override it): the site's identity. */
export interface SiteConfig {
  /** The site's name in its own language, e.g. 传输摘要. */
  name: string;
  /** The name shown beside it, e.g. Transmission Digest; may be empty. */
  alternateName: string;
  description: string;
  /** BCP 47 tag of the pages and feeds, e.g. `zh-CN`. */
  language: string;
  /** The site's absolute http(s) URL, ending in `/`; null when not known (no sitemap then). */
  url: string | null;
}

/** Everything the site is made from. */
export interface Digest {
  /** URL path the site is hosted under, with leading and trailing slash. */
  base: string;
  drops: DropReport[];
  /** Newest first: by first-seen drop (latest drop first), then by line within it. */
  articles: PublishedArticle[];
  diagnostics: Diagnostic[];
}
