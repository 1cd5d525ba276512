// The search engine over the seed articles, in memory: the index the build would write, read
// back through the same engine the browser runs.
import { join } from 'node:path';
import { buildSearchIndex, type SearchIndex, type SearchIndexOptions } from '../../src/search/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { recordShardFile, type SearchRecord } from '../../src/search/format.ts';
import type { RankedHit } from '../../src/search/rank.ts';
import { readDigest } from '../../src/build/index.ts';
import { DEFAULT_SITE_CONFIG } from '../../src/config.ts';
import { buildSiteModel } from '../../src/site/views.ts';
import type { SiteModel } from '../../src/site/views.ts';
import { PROJECT } from '../support/build.ts';

export interface SeedSearch {
  site: SiteModel;
  index: SearchIndex;
  engine: SearchEngine;
  /** Every record the index holds, by document number. */
  records: SearchRecord[];
  /** Every hit, best first, and the engine's count. */
  search(query: string, topics?: string[]): Promise<{ total: number; hits: RankedHit[] }>;
}

export async function seedSearch(options: SearchIndexOptions = {}): Promise<SeedSearch> {
  return corpusSearch(join(PROJECT, 'feeds'), options);
}

/** The same, over any folder of drops (the dev set, say). */
export async function corpusSearch(feedsDir: string, options: SearchIndexOptions = {}): Promise<SeedSearch> {
  const { digest, store } = await readDigest({ feedsDir, base: '/', site: DEFAULT_SITE_CONFIG, cacheDir: null });
  await store.close();
  const site = buildSiteModel(digest, DEFAULT_SITE_CONFIG);
  const index = buildSearchIndex(site.digest.articles, site.topics, options);
  const files = new Map(index.files.map((file) => [file.path, file.content]));
  const engine = new SearchEngine(async (file) => {
    const content = files.get(file);
    if (content === undefined) throw new Error(`no index file ${file}`);
    return JSON.parse(content);
  }, index.manifestFile);
  const { recordShards } = index.manifest;
  const records = Array.from({ length: Math.ceil(index.manifest.documents / recordShards.size) }, (_, shard) =>
    JSON.parse(files.get(recordShardFile(recordShards, shard))!) as SearchRecord[],
  ).flat();
  return {
    site,
    index,
    engine,
    records,
    async search(query, topics = []) {
      const set = await engine.search(query, topics);
      const hits = await set.page(0, site.digest.articles.length);
      return { total: set.total(), hits };
    },
  };
}

/** What a reader can find an article by: its plain title, key terms and body. */
export const searchableText = (record: SearchRecord): string => [record.title, ...record.keyTerms, record.body].join('\n');
