// Lighthouse, offline, with Debian's Chromium (CHROME_PATH): the browser tests assert its
// accessibility, best-practices and SEO scores, and `npm run lighthouse` reports all four.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM } from './browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseOptions {
  categories?: readonly Category[];
  formFactor?: 'mobile' | 'desktop';
  colorScheme?: 'light' | 'dark';
}

export interface PageScores {
  url: string;
  scores: Partial<Record<Category, number>>;
  /** Every audit that scored below 1, with Lighthouse's title, for a message a person can act on. */
  failing: string[];
  metrics: { cls: number | null; lcpMs: number | null; tbtMs: number | null };
}

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Blink's own setting for `prefers-color-scheme` (0 is dark), set for the whole browser. */
const DARK = '--blink-settings=preferredColorScheme=0';

function numeric(result: Result, id: string): number | null {
  return result.audits[id]?.numericValue ?? null;
}

function summarise(result: Result): PageScores {
  const scores: PageScores['scores'] = {};
  const failing: string[] = [];
  for (const [id, category] of Object.entries(result.categories)) {
    scores[id as Category] = category.score ?? 0;
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${audit.id} (${audit.title}) ${audit.score}`);
    }
  }
  return {
    url: result.finalDisplayedUrl,
    scores,
    failing,
    metrics: { cls: numeric(result, 'cumulative-layout-shift'), lcpMs: numeric(result, 'largest-contentful-paint'), tbtMs: numeric(result, 'total-blocking-time') },
  };
}

/** One Chromium for all the pages, one Lighthouse run per page, in order. */
export async function runLighthouse(urls: readonly string[], options: LighthouseOptions = {}): Promise<PageScores[]> {
  const flags = options.colorScheme === 'dark' ? [...FLAGS, DARK] : FLAGS;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: flags, logLevel: 'silent' });
  try {
    const settings: Flags = {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...(options.categories ?? CATEGORIES)],
    };
    const config = options.formFactor === 'desktop' ? desktopConfig : undefined;
    const pages: PageScores[] = [];
    for (const url of urls) {
      const runner = await lighthouse(url, settings, config);
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (runner.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runner.lhr.runtimeError.message}`);
      pages.push(summarise(runner.lhr));
    }
    return pages;
  } finally {
    await chrome.kill();
  }
}
