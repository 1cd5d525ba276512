import { feedsFingerprint, readDrops } from '../ingest/index.ts';
import { collectArticles } from '../articles/index.ts';
import { DEFAULT_SITE_CONFIG, readSiteConfig, resolveSite, SITE_CONFIG_FILE } from '../config.ts';
import type { Digest, Drop, SiteConfig } from '../model.ts';
import { deriveAll } from './derive-parallel.ts';
import { buildDigest, type DerivationCache, type TextDerivation } from './digest.ts';
import type { IndexedText } from '../search/index.ts';
import { openTextCacheStore } from './text-cache-store.ts';
import { loadPagePlan } from './page-store.ts';
import type { ArticlePagePlan } from './page-plan.ts';
import { buildSiteModel, type SiteModel } from './views.ts';

export interface DigestOptions {
  feedsDir: string;
  base: string;
  /** The site's name, language and URL; the defaults when absent. */
  site?: SiteConfig;
  /** See ReadOptions.settleMs: wait for feed files still being written. */
  settleMs?: number;
  /** Where derived titles, tags and typeset math are kept between builds; none when absent. */
  cacheDir?: string;
  /** The published site of the previous build, whose unchanged article pages can be reused. */
  outDir?: string;
}

/**
 * Where the CLI tells Eleventy's config which feeds, base and site to build (the config is a
 * module); under plain `eleventy` the site config file in the working folder applies.
 */
export function digestOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DigestOptions {
  const site = env['DIGEST_SITE'] ? (JSON.parse(env['DIGEST_SITE']) as SiteConfig) : readSiteConfig(SITE_CONFIG_FILE);
  return {
    feedsDir: env['DIGEST_FEEDS'] ?? 'feeds',
    base: env['DIGEST_BASE'] ?? resolveSite(site, {}).base,
    site,
    settleMs: Number(env['DIGEST_SETTLE_MS'] ?? 0),
    cacheDir: env['DIGEST_CACHE'] || undefined,
    outDir: env['DIGEST_OUT'] || undefined,
  };
}

let last: { key: string; digest: Promise<Digest> } | null = null;

/**
 * The CLI builds the digest to print its summary, and Eleventy's data cascade asks for it again in
 * the same process: one memo, keyed on the feed files' names, sizes and times, serves both, and a
 * changed feeds folder (in watch mode) gets a fresh digest.
 */
export async function loadDigest({ feedsDir, base, settleMs = 0, cacheDir }: DigestOptions): Promise<Digest> {
  const key = `${feedsDir}\0${base}\0${await feedsFingerprint(feedsDir)}`;
  if (last?.key !== key) last = { key, digest: readAndBuild(feedsDir, base, settleMs, cacheDir) };
  return last.digest;
}

async function readAndBuild(feedsDir: string, base: string, settleMs: number, cacheDir?: string): Promise<Digest> {
  const onWait = (file: string, ms: number) => console.log(`digest: waiting ${ms} ms for ${file} to settle`);
  const drops = await readDrops(feedsDir, { settleMs, onWait });
  if (!cacheDir) return buildDigest(drops, base);
  const store = await openTextCacheStore<TextDerivation>(cacheDir, 'derivations');
  await deriveMissing(drops, store.cache);
  const digest = buildDigest(drops, base, store.cache);
  await store.save();
  return digest;
}

/** Fills the cache with every article text it lacks, on all cores, before the (pure) digest build. */
async function deriveMissing(drops: Drop[], cache: DerivationCache): Promise<void> {
  const texts = collectArticles(drops, () => UNDESCRIBED).map((article) => article.text);
  const missing = texts.filter((text) => cache.get(text) === undefined);
  const derived = await deriveAll(missing);
  missing.forEach((text, index) => cache.set(text, derived[index]!));
}

const UNDESCRIBED = { title: '', summary: '', keyTerms: [] };

/** The site model with the plan of which article pages this build renders and which it reuses. */
export type PlannedSite = SiteModel & { pagePlan: ArticlePagePlan | null };

const siteModels = new WeakMap<Digest, Promise<PlannedSite>>();

/**
 * The digest with the views pages need (topics, pagination, neighbours), built once per digest,
 * and with the plan of which article pages need rendering when a previous build can be reused.
 */
export function loadSite(options: DigestOptions): Promise<PlannedSite> {
  return loadDigest(options).then((digest) => {
    let site = siteModels.get(digest);
    if (!site) {
      site = planned(digest, options);
      siteModels.set(digest, site);
    }
    return site;
  });
}

async function planned(digest: Digest, { site: config = DEFAULT_SITE_CONFIG, cacheDir, outDir }: DigestOptions): Promise<PlannedSite> {
  if (!cacheDir) return { ...buildSiteModel(digest, config), pagePlan: null };
  const store = await openTextCacheStore<IndexedText>(cacheDir, 'search');
  const site = buildSiteModel(digest, config, store.cache);
  await store.save();
  if (!outDir) return { ...site, pagePlan: null };
  const plan = await loadPagePlan(site, cacheDir, outDir);
  return { ...site, articlesToRender: plan.render, pagePlan: plan };
}
