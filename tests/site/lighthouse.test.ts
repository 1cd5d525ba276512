import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FEEDS } from '../seeds.ts';
import { runDigest } from '../support/build.ts';
import { runLighthouse } from '../support/lighthouse.ts';
import { pageKindUrls } from '../support/page-kinds.ts';
import { serveStatic } from '../support/static-server.ts';
import { scratchFolder } from '../support/scratch.ts';

// Performance depends on the machine's load, so it is measured by `npm run lighthouse` and quoted,
// never asserted here; the other three categories do not depend on timing.
const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

test('Lighthouse scores 100 for accessibility, best practices and SEO on the home, article, topic, drop and search pages', async () => {
  // The site is built for the address it is served at, as a host would build it.
  const outDir = join(scratchFolder('digest-lighthouse-'), 'site');
  const server = await serveStatic(outDir, '/');
  try {
    await runDigest(['build', '--feeds', FEEDS, '--out', outDir, '--cache', '', '--site-url', `${server.origin}/`]);
    const kinds = await pageKindUrls(outDir, `${server.origin}/`);
    const pages = await runLighthouse(Object.values(kinds), { categories: CATEGORIES });
    const below = pages.flatMap((page, index) =>
      CATEGORIES.filter((category) => page.scores[category] !== 1).map(
        (category) => `${Object.keys(kinds)[index]} ${category} ${page.scores[category]}: ${page.failing.join('; ')}`,
      ),
    );
    assert.deepEqual(below, []);
  } finally {
    await server.close();
  }
});
