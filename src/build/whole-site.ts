import { prepareSite } from './index.ts';
import { sliceData } from './eleventy.ts';
import { slicesOf, type PageSlice } from '../site/page-plan.ts';
import type { SiteModel } from '../site/views.ts';
import type { SiteConfig } from '../model.ts';

/**
 * The whole site as one slice, for plain `eleventy --config=.eleventy.ts`: no cache and nothing
 * reused, which is what a person running Eleventy by hand expects.
 */
export async function wholeSite(options: { feedsDir: string; base: string; site: SiteConfig }): Promise<{ site: SiteModel; slice: PageSlice }> {
  const prepared = await prepareSite({ ...options, cacheDir: null, outDir: '' });
  try {
    const [planned] = slicesOf(prepared.plan, Number.POSITIVE_INFINITY);
    return { site: prepared.site, slice: sliceData(planned!, prepared.searchIndex.manifestFile, prepared.derivations.excerptHtml) };
  } finally {
    await prepared.store.close();
  }
}
