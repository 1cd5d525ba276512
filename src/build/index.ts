// The build, in one function read left to right:
//   read drops → merge articles once → derive texts (cached) → digest → site model → search index
//   → page plan (render or reuse) → Eleventy, over slices, into a new release → publish
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { groupArticles } from '../articles/index.ts';
import { readDrops } from '../ingest/index.ts';
import type { Digest, SiteConfig } from '../model.ts';
import { buildSearchIndex, type PreviousIndex, type SearchIndex } from '../search/index.ts';
import { memoryCacheStore, openCacheStore, probeCacheStore, type CacheStore } from '../site/cache-store.ts';
import { codeVersion } from '../site/code-version.ts';
import { derivations as derivationsIn, type Derivations } from '../site/derive.ts';
import { buildDigest } from '../site/digest.ts';
import { indexOutputFile, planPages, slicesOf, type PagePlan } from '../site/page-plan.ts';
import {
  linkedFromRecycled,
  previousBuild,
  previousIndex,
  priorRelease,
  recycledFiles,
  removeEmptyFolders,
  reusePages,
  saveBuild,
  type BuildRecord,
  type ReleaseFiles,
  type ReleaseRecord,
} from '../site/page-store.ts';
import { publishAtomically, writeFailureCause } from '../site/publish.ts';
import { buildSiteModel, type SiteModel } from '../site/views.ts';
import { loadEleventy, renderSlices } from './eleventy.ts';

export interface BuildOptions {
  feedsDir: string;
  /** URL path the site is hosted under, with leading and trailing slash. */
  base: string;
  /** The site's name, description, language and URL (digest.config.json and flags). */
  site: SiteConfig;
  /** Where derived texts and page keys are kept between builds; in memory for this build only when null. */
  cacheDir: string | null;
  /** See ReadOptions.settleMs: wait for feed files still being written. */
  settleMs?: number;
  /** Progress lines for a person watching a long build. */
  log?: (line: string) => void;
  /** Problems that do not stop the build, such as a cache that cannot be saved. */
  warn?: (line: string) => void;
}

/**
 * The cache only saves time: a full, read-only or forbidden disk under it costs a warning and the
 * next build its speed, not this build (which then keeps its derivations in memory).
 */
async function openCache(options: BuildOptions, probed: Promise<boolean> | null): Promise<CacheStore> {
  if (!options.cacheDir || probed === null) return memoryCacheStore();
  try {
    return await openCacheStore(options.cacheDir, await codeVersion(), probed);
  } catch (error) {
    warnCacheNotSaved(options, error);
    return memoryCacheStore();
  }
}

async function closeCache(store: CacheStore, options: BuildOptions): Promise<void> {
  await store.close().catch((error: unknown) => warnCacheNotSaved(options, error));
}

function warnCacheNotSaved(options: BuildOptions, error: unknown): void {
  const cause = writeFailureCause(error);
  if (cause === null) throw error;
  options.warn?.(`cannot save the cache in ${options.cacheDir}: ${cause}; the next build starts without it`);
}

/**
 * From this many new texts a build reports each tenth it derives, and from this many articles it
 * says when it indexes them: fewer take a few seconds at most, while 100,000 spent 31 s indexing
 * in silence.
 */
const PROGRESS_FROM = 2_000;
/** Indexing an article costs a tenth of deriving its text, so its tenths are told from ten times as many. */
const INDEX_PROGRESS_FROM = 20_000;

/**
 * Passes a step's progress on at each tenth of its work, short of the end, which the step's own
 * line tells; a step of fewer than `from` items is quick, and says nothing.
 */
export function everyTenth(from: number, report: (done: number, total: number) => void): (done: number, total: number) => void {
  let reported = 0;
  return (done, total) => {
    const tenths = Math.floor((done * 10) / total);
    if (total < from || tenths <= reported || done >= total) return;
    reported = tenths;
    report(done, total);
  };
}

export interface DigestRead {
  digest: Digest;
  derivations: Derivations;
  store: CacheStore;
}

/** Drops to digest: the part of a build that `digest check` needs too. The caller closes the store. */
export async function readDigest(options: BuildOptions): Promise<DigestRead> {
  const log = options.log ?? (() => {});
  const onWait = (file: string, ms: number) => log(`waiting ${ms} ms for ${file} to settle`);
  // The cache is checked in a child process while the feeds are read and merged (see cache-probe.mjs).
  const probed = options.cacheDir ? probeCacheStore(options.cacheDir) : null;
  const drops = await readDrops(options.feedsDir, { settleMs: options.settleMs ?? 0, onWait });
  const groups = groupArticles(drops);
  const store = await openCache(options, probed);
  try {
    const derivations = derivationsIn(store);
    const tenth = everyTenth(PROGRESS_FROM, (done, missing) => log(`derived ${done} of ${missing} new texts`));
    const onProgress = (done: number, missing: number) => {
      if (done === 0 && missing >= PROGRESS_FROM) log(`deriving titles, topics and math for ${missing} new texts`);
      tenth(done, missing);
    };
    const derived = await derivations.deriveMissing(groups.map((group) => group.text), { onProgress });
    if (derived > 0) log(`derived titles, topics and math for ${derived} new texts`);
    const digest = buildDigest(drops, { base: options.base, groups, describe: derivations.description, textKey: derivations.textKey });
    return { digest, derivations, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export interface PreparedSite extends DigestRead {
  site: SiteModel;
  searchIndex: SearchIndex;
  /** Against the previous build into the same output folder (nothing is reused without a cache). */
  plan: PagePlan;
  previous: BuildRecord | null;
}

/**
 * The search index and the page plan, against the previous build into the same output folder.
 * A page whose key is unchanged is taken to be in the live release still; `checkLive` checks each
 * one instead (a stat per page, 2 s at 100,000 articles), for when a build found some gone.
 */
async function planSite(
  read: DigestRead,
  site: SiteModel,
  outDir: string,
  previous: BuildRecord | null,
  checkLive: boolean,
  log: ((line: string) => void) | undefined,
): Promise<{ searchIndex: SearchIndex; plan: PagePlan }> {
  const reusable = (file: string, key: string) => previous?.keys.get(file) === key && (!checkLive || existsSync(join(outDir, file)));
  const indexSearch = (lastIndex: PreviousIndex | null) => {
    const onProgress = everyTenth(INDEX_PROGRESS_FROM, (done, total) => log?.(`indexed ${done} of ${total} articles for search`));
    return buildSearchIndex(site.digest.articles, site.topics, { textCache: { get: read.derivations.search, set: () => {} }, previous: lastIndex, onProgress });
  };
  let searchIndex = indexSearch(previous?.index ? previousIndex(previous.index, outDir) : null);
  if (!searchIndex.unchangedFiles.every((path) => reusable(indexOutputFile(path), path))) searchIndex = indexSearch(null);
  return { searchIndex, plan: planPages(site, searchIndex, await codeVersion(), reusable) };
}

/** The site model, search index and page plan of a digest read; closes the store on failure. */
async function prepareFrom(read: DigestRead, options: BuildOptions & { outDir: string }): Promise<PreparedSite> {
  try {
    const site = buildSiteModel(read.digest, options.site);
    const previous = previousBuild(read.store, options.outDir);
    const articles = read.digest.articles.length;
    if (articles >= PROGRESS_FROM) options.log?.(`indexing ${articles} articles for search and planning the pages`);
    return { ...read, site, previous, ...(await planSite(read, site, options.outDir, previous, false, options.log)) };
  } catch (error) {
    await read.store.close();
    throw error;
  }
}

/** Everything up to the page plan: what a test can inspect without writing a site. */
export async function prepareSite(options: BuildOptions & { outDir: string }): Promise<PreparedSite> {
  return prepareFrom(await readDigest(options), options);
}

/** Pages per Eleventy run: Eleventy keeps every page it renders until its run ends. */
export const SLICE_PAGES = 3_000;

export interface BuiltSite {
  digest: Digest;
  /** Pages Eleventy rendered, and pages taken unchanged from the previous build; article pages apart. */
  articles: { rendered: number; reused: number };
  otherPages: { rendered: number; reused: number };
}

export interface WriteOptions extends BuildOptions {
  outDir: string;
  slicePages?: number;
  /** Sees the digest before anything is written; returning false stops the build there. */
  onDigest?: (digest: Digest) => boolean;
}

/** Builds the site into a new release beside `outDir` and swaps it in atomically; null when `onDigest` said no. */
export async function buildSite(options: WriteOptions): Promise<BuiltSite | null> {
  loadEleventy().catch(() => {}); // Awaited, and any failure reported, when the pages are rendered.
  const read = await readDigest(options);
  // Told before the site model, search index and page plan, which take a while on a large site.
  if (options.onDigest?.(read.digest) === false) {
    await closeCache(read.store, options);
    return null;
  }
  const prepared = await prepareFrom(read, options);
  const { site, derivations, store, previous } = prepared;
  let { plan, searchIndex } = prepared;
  try {
    let made: ReleaseRecord | null = null;
    let prior: ReleaseFiles | null = null;
    await publishAtomically(options.outDir, async (release, origin) => {
      let { emptied, missing } = reusePages(plan.reuse, options.outDir, release, linkedFromRecycled(previous, origin), recycledFiles(previous, origin));
      if (missing.length > 0) {
        options.log?.(`${missing.length} files the last build wrote are gone from ${options.outDir}: rendering them again`);
        ({ plan, searchIndex } = await planSite(prepared, site, options.outDir, previous, true, options.log));
        const again = reusePages(plan.reuse, options.outDir, release);
        emptied = [...emptied, ...again.emptied];
      }
      const slices = slicesOf(plan, options.slicePages ?? SLICE_PAGES);
      const written = await renderSlices({
        site,
        slices,
        searchManifest: searchIndex.manifestFile,
        excerptHtml: derivations.excerptHtml,
        outDir: release,
        log: options.log,
      });
      removeEmptyFolders(emptied, release);
      const linked = new Set(plan.reuse);
      made = {
        name: basename(release),
        linkedFrom: origin.live,
        rendered: [...plan.keys.keys()].filter((file) => !linked.has(file)),
        unkeyed: written.filter((file) => !plan.keys.has(file)),
      };
      prior = priorRelease(previous, origin);
    });
    saveBuild(store, options.outDir, { keys: plan.keys, index: searchIndex, release: made, prior });
    const articles = { rendered: plan.articles.length, reused: site.digest.articles.length - plan.articles.length };
    // The slices cover the plan once (slicesOf), so what Eleventy rendered is counted from the plan.
    const otherRendered = plan.drops.length + plan.topicPages.length + plan.indexFiles.length;
    return { digest: site.digest, articles, otherPages: { rendered: otherRendered, reused: plan.reuse.length - articles.reused } };
  } finally {
    await closeCache(store, options);
  }
}
