import type { UserConfig } from '@11ty/eleventy';
import { fileURLToPath } from 'node:url';

// Absolute, so that a build run from any folder finds the project's own files.
const project = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// A table of contents, not logic: data, template formats and static files. `digest build`
// (src/build/) hands Eleventy the site model and the slice of pages to render through the
// programmatic API; under plain `eleventy` the bundled feeds are built whole, without a cache.
export default async function configure(eleventyConfig: UserConfig) {
  if (!('site' in eleventyConfig.globalData)) {
    const { wholeSite } = await import('./src/build/whole-site.ts');
    const { readSiteConfig, resolveSite, SITE_CONFIG_FILE } = await import('./src/config.ts');
    const config = readSiteConfig(project(SITE_CONFIG_FILE));
    const { site, slice } = await wholeSite({ feedsDir: project('feeds'), site: config, base: resolveSite(config, {}).base });
    eleventyConfig.addGlobalData('site', site);
    eleventyConfig.addGlobalData('slice', slice);
  }

  // Templates are TypeScript modules that build pages as hast; tsx's loader lets Eleventy import them.
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  // Static files go with the slice that carries the single pages: once per build.
  const slice = eleventyConfig.globalData['slice'] as { singles: unknown[] } | undefined;
  if (slice === undefined || slice.singles.length > 0) {
    eleventyConfig.addPassthroughCopy({ [project('public')]: '/' });
    // KaTeX's CSS and fonts come from the katex package itself, the same version rehype-katex renders with.
    eleventyConfig.addPassthroughCopy({
      [project('node_modules/katex/dist/katex.min.css')]: '/assets/katex/katex.min.css',
      [project('node_modules/katex/dist/fonts/*.woff2')]: '/assets/katex/fonts',
    });
  }

  return {
    templateFormats: ['11ty.ts'],
    dir: { input: project('templates'), includes: '_includes', data: '_data' },
  };
}
