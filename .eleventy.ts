import type { UserConfig } from '@11ty/eleventy';
import { feedSpecs } from './src/site/feeds.ts';
import { digestOptionsFromEnv, loadDigest, loadSite } from './src/site/load.ts';

// A table of contents, not logic: data, template formats and static files. The CLI (src/cli.ts)
// chooses feeds, output and base path; under plain `eleventy` the defaults apply.
export default function configure(eleventyConfig: UserConfig) {
  const options = digestOptionsFromEnv();
  eleventyConfig.addGlobalData('digest', () => loadDigest(options));
  eleventyConfig.addGlobalData('site', () => loadSite(options));
  eleventyConfig.addGlobalData('feeds', async () => feedSpecs(await loadSite(options)));

  // Templates are TypeScript modules that build pages as hast; tsx's loader lets Eleventy import them.
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addPassthroughCopy({ public: '/' });
  // KaTeX's CSS and fonts come from the katex package itself, the same version rehype-katex renders with.
  eleventyConfig.addPassthroughCopy({
    'node_modules/katex/dist/katex.min.css': '/assets/katex/katex.min.css',
    'node_modules/katex/dist/fonts/*.woff2': '/assets/katex/fonts',
  });

  return {
    templateFormats: ['11ty.ts'],
    dir: { input: 'templates', includes: '_includes', data: '_data' },
  };
}
