// What a reader downloads while typing a query into /search/, one character at a time as a person
// types, in a fresh browser that has loaded the search page: the search index files the query
// pulls in, gzip-6 sizes as a static host serves them.
//   node --import tsx bench/typed-query-bytes.ts <site-dir>
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serveSite, TYPED_QUERIES } from './search-latency.ts';

const KEY_DELAY_MS = 150;
const SETTLE_MS = 800;

const siteDir = process.argv[2];
if (siteDir === undefined) {
  console.error('usage: node --import tsx bench/typed-query-bytes.ts <site-dir>');
  process.exit(2);
}
const { server, origin, gzipSizeOf } = await serveSite(siteDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  console.log('query\trequests\tgzip KiB\tresults shown');
  for (const query of TYPED_QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    await page.waitForLoadState('networkidle');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.locator('#search-input').focus();
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(SETTLE_MS);
    const gzip = requested.reduce((sum, path) => sum + gzipSizeOf(path), 0);
    const shown = await page.locator('#results a[href*="/articles/"]').count();
    console.log(`${query}\t${requested.length}\t${(gzip / 1024).toFixed(1)}\t${shown}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
