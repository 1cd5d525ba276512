import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS } from '../seeds.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { pageKindUrls } from '../support/page-kinds.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let server: StaticServer;
let kinds: Awaited<ReturnType<typeof pageKindUrls>>;
let dropUrls: string[];

before(async () => {
  browser = await launchBrowser();
  const { outDir } = await buildSite(FEEDS);
  server = await serveStatic(outDir, '/');
  kinds = await pageKindUrls(outDir, `${server.origin}/`);
  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
  dropUrls = json.drops.map((drop) => `${server.origin}/drops/${drop.id}/`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWS = [
  { width: 1280, colorScheme: 'light' },
  { width: 375, colorScheme: 'dark' },
] as const;

/** Paints each card title's box a colour no page uses, its text hidden, so a screenshot shows exactly where the box starts. */
const MARK_TITLES = `
  .card-title, .search-result-title { background: rgb(255, 0, 255) !important; }
  .card-title *, .search-result-title * { visibility: hidden !important; }`;

/**
 * The first card's screenshot, read back in the browser through a canvas: how many pixel rows
 * and columns lie between the card's outer edge and its title box, i.e. the card's inner top and
 * left padding as a reader sees them, border included.
 */
async function titleInset(page: Page, card: string): Promise<{ top: number; left: number }> {
  const png = (await page.locator(card).first().screenshot({ animations: 'disabled' })).toString('base64');
  return page.evaluate(async (source) => {
    const image = new Image();
    image.src = `data:image/png;base64,${source}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    // At least half magenta: the marked title box, also where its edge falls between two pixel rows.
    // (No helper function: tsx names functions with a helper that the page lacks.)
    const marked = data.map((_, at) => (at % 4 === 0 && data[at]! > 200 && data[at + 1]! < 128 && data[at + 2]! > 200 ? 1 : 0));
    let top = -1;
    for (let y = 0; y < height && top < 0; y++) for (let x = 0; x < width / 2 && top < 0; x++) if (marked[(y * width + x) * 4]) top = y;
    let left = -1;
    for (let x = 0; x < width && left < 0; x++) if (marked[((top + 2) * width + x) * 4]) left = x;
    return { top, left };
  }, png);
}

test('card boxes have the same inner padding above and beside their title on the home, topic and search pages (screenshots)', async () => {
  for (const view of VIEWS) {
    // bypassCSP lets the test add its marking style; the pages themselves forbid inline style.
    const page = await browser.newPage({ viewport: { width: view.width, height: 900 }, colorScheme: view.colorScheme, bypassCSP: true });
    const insets: Record<string, { top: number; left: number }> = {};
    for (const [kind, card] of [['home', '.card'], ['topic', '.card'], ['search', '.search-result']] as const) {
      await page.goto(kinds[kind]);
      if (kind === 'search') await page.locator('.search-result').first().waitFor();
      await page.addStyleTag({ content: MARK_TITLES });
      insets[kind] = await titleInset(page, card);
    }
    await page.close();
    const { home } = insets;
    assert.ok(home!.top > 0 && home!.top < 24, `${view.width}px: a card's title starts ${home!.top}px below its edge`);
    // A box edge between pixel rows may round either way: one pixel is the tolerance, not a band.
    for (const [kind, inset] of Object.entries(insets)) {
      const off = Math.max(Math.abs(inset.top - home!.top), Math.abs(inset.left - home!.left));
      assert.ok(off <= 1, `${view.width}px ${view.colorScheme}: ${kind} card title inset ${JSON.stringify(inset)}, home ${JSON.stringify(home)}`);
    }
  }
});

/** Each drop entry's line number, badge and title boxes, with the title's line boxes when it wraps. */
async function dropRows(page: Page) {
  return page.$$eval('.drop-entry', (rows) =>
    rows.map((row) => {
      const [number, badge] = ['.line-number', '.badge'].map((selector) => row.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect);
      const title = row.querySelector('a')!;
      // The title's text, line by line: a range's boxes, the leftmost of each line.
      const range = document.createRange();
      range.selectNodeContents(title);
      const lines = new Map<number, DOMRect>();
      for (const rect of range.getClientRects()) {
        const line = Math.round(rect.bottom);
        const known = lines.get(line);
        if (rect.width > 0 && (known === undefined || rect.left < known.left)) lines.set(line, rect.toJSON() as DOMRect);
      }
      return { text: title.textContent ?? '', number: number!, badge: badge!, lines: [...lines.values()].sort((a, b) => a.top - b.top) };
    }),
  );
}

test('on a drop page the line number, the badge and the title share one row, and a long title wraps in its own column, at every width', async () => {
  let wrapped = 0;
  for (const width of [1280, 768, 375, 360, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const rows = [];
    for (const url of dropUrls) {
      await page.goto(url);
      rows.push(await dropRows(page));
    }
    await page.close();
    for (const drop of rows) checkRows(drop, width);
  }
  assert.ok(wrapped > 0, 'some title wrapped at a narrow width, so wrapping was checked');

  function checkRows(rows: Awaited<ReturnType<typeof dropRows>>, width: number): void {
    assert.ok(rows.length >= 10, `${width}px: ${rows.length} rows`);
    const column = rows[0]!.lines[0]!.left;
    for (const { text, number, badge, lines } of rows) {
      const where = `${width}px "${text}"`;
      const first = lines[0]!;
      assert.ok(number.right <= badge.left && badge.right <= first.left, `${where}: number, badge, title side by side`);
      for (const box of [number, badge]) assert.ok(box.top < first.bottom && first.top < box.bottom, `${where}: on the title's first line`);
      for (const line of lines) assert.ok(Math.abs(line.left - column) < 1, `${where}: every line of the title starts at the title column`);
      if (lines.length > 1) wrapped++;
    }
  }
});

// Only the search page is asserted: its space is reserved in the markup, so nothing can move. A
// math page depends on KaTeX's preloaded fonts arriving before the first paint, which is likely
// but a matter of timing: `npm run lighthouse` measures it (CLS 0 on every page kind here).
test('nothing on the search page moves while its results arrive, on a slow connection', async () => {
  const shifted: string[] = [];
  for (const kind of ['search'] as const) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Lighthouse's mobile network: fonts and results arrive well after the first paint.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 });
    await page.goto(kinds[kind]);
    if (kind === 'search') await page.locator('.search-result').first().waitFor();
    await page.waitForLoadState('networkidle');
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    const total = shifts.reduce((sum, value) => sum + value, 0);
    if (total > 0.01) shifted.push(`${kind}: cumulative layout shift ${total.toFixed(3)} (${shifts.map((value) => value.toFixed(3)).join(', ')})`);
    await context.close();
  }
  assert.deepEqual(shifted, []);
});
