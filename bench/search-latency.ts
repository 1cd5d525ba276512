// First search and query latency, measured in headless Chromium against the built site served
// on 127.0.0.1. Kept apart from run.ts so it can be run (and finished) on its own:
//   node --import tsx bench/search-latency.ts <site-dir>
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { percentile, type Bytes } from './results.ts';

export interface SearchMeasurement {
  firstSearch: (Bytes & { requests: number }) | null;
  latency: { p50: number; p95: number; samples: number } | null;
  notes: string[];
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** A result links to an article page; status lines in #results ("loading", "no match") do not. */
const RESULT = '#results a[href*="/articles/"]';
/** The search page's own box if it has one, else the header's, which every page carries. */
const SEARCH_INPUTS = ['main input[type="search"]', '#search-input', '#site-search'];
const FIRST_QUERY = '注意力';
/** Typed one character at a time by bench/typed-query-bytes.ts and tests/search/typing-bytes.test.ts, against the 100 KB budget. */
export const TYPED_QUERIES = ['注意力机制', 'Transformer', '扩散模型', '强化学习', 'ViT', '策略梯度', '位置编码'];
export const QUERIES = ['注意力', 'Transformer', '扩散模型', '强化学习', 'ViT', '分类', 'softmax', '策略梯度', '目标检测', 'transfomer', 'CLIP', '线性 Attention', '卷积', 'VAE', '时序差分', '采样', '梯度', 'DDPM', '位置编码', 'Kimi'];
const PASSES = 2;
const SETTLE_MS = 250;
const QUERY_TIMEOUT_MS = 5_000;
const TOTAL_TIMEOUT_MS = 4 * 60_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

/** The site as a static host serves it, uncompressed; gzip sizes are computed per file on the side. */
export function serveSite(root: string): Promise<{ server: Server; origin: string; gzipSizeOf: (path: string) => number }> {
  const gzipSizes = new Map<string, number>();
  const fileOf = (urlPath: string): string | null => {
    const relative = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, relative);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : null;
  };
  const server = createServer((request, response) => {
    const file = fileOf(request.url ?? '/');
    if (file === null) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  const gzipSizeOf = (urlPath: string): number => {
    const file = fileOf(urlPath);
    if (file === null) return 0;
    if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(file), { level: 6 }).length);
    return gzipSizes.get(file)!;
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, gzipSizeOf }));
  });
}

/**
 * Installed before any page script. Stamps the last input event, the last change inside #results,
 * and the moment #results says it shows the typed query: our client writes `data-query` once a
 * search's results (or its "no match") are on screen, which is the answer a user waits for.
 */
function instrument(): void {
  const stamps = { input: 0, mutation: 0, answer: 0, firstResult: 0 };
  let box: HTMLInputElement | null = null;
  (window as unknown as { benchStamps: typeof stamps }).benchStamps = stamps;
  document.addEventListener(
    'input',
    (event) => {
      box = event.target as HTMLInputElement;
      stamps.input = performance.now();
    },
    true,
  );
  new MutationObserver((records) => {
    const results = document.getElementById('results');
    if (results === null || !records.some((record) => results.contains(record.target))) return;
    stamps.mutation = performance.now();
    if (box !== null && results.dataset['query'] === box.value && results.dataset['state'] !== 'loading') stamps.answer = stamps.mutation;
    if (stamps.firstResult === 0 && results.querySelector('a[href*="/articles/"]')) stamps.firstResult = stamps.mutation;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'class', 'data-query', 'data-state'] });
}

type Stamps = { input: number; mutation: number; answer: number; firstResult: number };
const stampsOf = (page: Page): Promise<Stamps & { now: number; answers: boolean }> =>
  page.evaluate(() => ({
    ...(window as unknown as { benchStamps: Stamps }).benchStamps,
    now: performance.now(),
    answers: document.getElementById('results')?.hasAttribute('data-query') ?? false,
  }));

async function firstSearch(page: Page, origin: string, gzipSizeOf: (path: string) => number): Promise<SearchMeasurement['firstSearch']> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(FIRST_QUERY)}`);
  await page.waitForSelector(RESULT, { timeout: 30_000 });
  const firstResult = (await stampsOf(page)).firstResult;
  // Resource timing on the page's own clock: everything whose body had arrived by the first result.
  const loads = await page.evaluate((until) => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return entries.filter((entry) => entry.responseEnd <= until).map((entry) => ({ url: entry.name, bytes: entry.encodedBodySize }));
  }, firstResult);
  return {
    raw: loads.reduce((sum, load) => sum + load.bytes, 0),
    gzip: loads.reduce((sum, load) => sum + gzipSizeOf(new URL(load.url).pathname), 0),
    requests: loads.length,
  };
}

/** Type each query into a cleared box; latency runs from the last keystroke to the answer on screen. */
async function typedQueryLatencies(page: Page, origin: string): Promise<{ samples: number[]; timeouts: number }> {
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('load');
  const selector = (await Promise.all(SEARCH_INPUTS.map(async (candidate) => ((await page.locator(candidate).count()) > 0 ? candidate : null)))).find(
    (candidate) => candidate !== null,
  );
  if (selector === undefined || selector === null) throw new Error('the search page has no search box');
  const input = page.locator(selector).first();
  const samples: number[] = [];
  let timeouts = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const query of QUERIES) {
      await input.fill('');
      await page.waitForTimeout(SETTLE_MS);
      await input.focus();
      await page.keyboard.type(query);
      const deadline = Date.now() + QUERY_TIMEOUT_MS;
      for (;;) {
        const stamps = await stampsOf(page);
        if (stamps.answers && stamps.answer > stamps.input) {
          samples.push(stamps.answer - stamps.input);
          break;
        }
        // A client that does not say which query it shows: wait until #results stops changing.
        if (!stamps.answers && stamps.mutation > stamps.input && stamps.now - stamps.mutation >= SETTLE_MS) {
          samples.push(stamps.mutation - stamps.input);
          break;
        }
        if (Date.now() > deadline) {
          timeouts++;
          break;
        }
        await page.waitForTimeout(25);
      }
      // A page whose first queries all go unanswered has no working search; stop early.
      if (samples.length === 0 && timeouts >= 3) return { samples, timeouts };
    }
  }
  return { samples, timeouts };
}

export async function measureSearch(siteDir: string): Promise<SearchMeasurement> {
  if (!existsSync(join(siteDir, 'search', 'index.html'))) {
    return { firstSearch: null, latency: null, notes: ['search: the site has no /search/ page, so first search and latency are n/a.'] };
  }
  const notes: string[] = [];
  const { server, origin, gzipSizeOf } = await serveSite(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Bounded: a search page that never answers must not hold the whole bench hostage.
  const guard = setTimeout(() => void browser.close(), TOTAL_TIMEOUT_MS);
  guard.unref();
  try {
    let first: SearchMeasurement['firstSearch'] = null;
    const context = await browser.newContext();
    await context.addInitScript(instrument);
    const page = await context.newPage();
    try {
      first = await firstSearch(page, origin, gzipSizeOf);
    } catch (error) {
      notes.push(`search: /search/?q=${FIRST_QUERY} showed no result within 30 s (${(error as Error).message.split('\n')[0]}); first search and latency n/a.`);
      return { firstSearch: null, latency: null, notes };
    }
    const { samples, timeouts } = await typedQueryLatencies(page, origin).catch((error: Error) => {
      notes.push(`search: typed queries failed (${error.message.split('\n')[0]}); latency n/a.`);
      return { samples: [], timeouts: 0 };
    });
    if (timeouts > 0) notes.push(`search: ${timeouts} of ${samples.length + timeouts} typed queries changed nothing within ${QUERY_TIMEOUT_MS / 1000} s and are left out.`);
    const p50 = percentile(samples, 0.5);
    const p95 = percentile(samples, 0.95);
    const latency = p50 === null || p95 === null ? null : { p50, p95, samples: samples.length };
    return { firstSearch: first, latency, notes };
  } finally {
    clearTimeout(guard);
    await browser.close().catch(() => undefined);
    server.closeAllConnections();
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const siteDir = process.argv[2];
  if (siteDir === undefined) {
    console.error('usage: node --import tsx bench/search-latency.ts <site-dir>');
    process.exitCode = 2;
  } else {
    console.log(JSON.stringify(await measureSearch(siteDir), null, 2));
  }
}
