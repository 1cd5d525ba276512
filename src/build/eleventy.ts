import type Eleventy from '@11ty/eleventy';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishedArticle } from '../model.ts';
import type { PageSlice, PlannedSlice } from '../site/page-plan.ts';
import { writeFailureCause } from '../site/publish.ts';
import type { SiteModel } from '../site/views.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../.eleventy.ts', import.meta.url));

/**
 * Eleventy takes 0.3 s to import, which `digest check` and `--help` need not pay. A build starts
 * the import when it starts, so that it loads while the build waits on the feeds and the cache.
 */
let eleventyModule: Promise<typeof import('@11ty/eleventy')> | null = null;
export const loadEleventy = () => (eleventyModule ??= import('@11ty/eleventy'));

/** A planned slice with what its article pages show, read from the derivation cache just in time. */
export function sliceData(planned: PlannedSlice, searchManifest: string, excerptHtml: (text: string) => string): PageSlice {
  const articles = planned.articles.map((article: PublishedArticle) => Object.freeze({ article, excerptHtml: excerptHtml(article.text) }));
  return Object.freeze({ ...planned, articles, searchManifest });
}

export interface RenderInput {
  site: SiteModel;
  slices: readonly PlannedSlice[];
  searchManifest: string;
  excerptHtml: (text: string) => string;
  outDir: string;
  /** Says which slice is rendering, when there are several: a cold 100,000-article build has 56. */
  log?: (line: string) => void;
}

/**
 * Eleventy prints every error it meets, with a stack listing each unwritten file (6 KB on a full
 * disk). Its lines are held back, and shown unless the error is a file-system failure, which the
 * CLI explains in one line.
 */
async function writeQuietlyOnWriteFailure(eleventy: Eleventy): Promise<unknown> {
  const held: [method: 'log' | 'warn' | 'error', message: string][] = [];
  eleventy.logger.overrideLogger({
    log: (message: string) => held.push(['log', message]),
    warn: (message: string) => held.push(['warn', message]),
    error: (message: string) => held.push(['error', message]),
  });
  const show = () => held.forEach(([method, message]) => console[method](message));
  let results: unknown;
  try {
    results = await eleventy.write();
  } catch (error) {
    if (writeFailureCause(error) === null) show();
    throw error;
  }
  show();
  return results;
}

/**
 * Every file one Eleventy run wrote, relative to `outDir`, from what `write()` resolves to: its
 * passthrough copies (each a map of source → destination, file by file) and its pages.
 */
function filesWritten(results: unknown, outDir: string): string[] {
  const [copies, pages] = Array.isArray(results) ? results : [];
  const destinations = [
    ...(Array.isArray(copies) ? copies : []).flatMap((copy: { map?: Record<string, string> }) => Object.values(copy?.map ?? {})),
    ...(Array.isArray(pages) ? pages : []).map((page: { outputPath?: unknown }) => page?.outputPath),
  ];
  return destinations.filter((path): path is string => typeof path === 'string').map((path) => relative(outDir, resolve(path)));
}

/**
 * Eleventy renders every page, one run per slice through its programmatic API: a run keeps each
 * page it renders until it ends (TemplateMap's templateContent, TemplateWriter's results), so a
 * slice bounds the memory a build needs, whatever the corpus. The site model and the slice reach
 * the templates as global data, frozen so that Eleventy passes them by reference. No pathPrefix
 * goes to Eleventy: pages prefix their own links through one `href()` (see templates/_includes).
 */
export async function renderSlices({ site, slices, searchManifest, excerptHtml, outDir, log }: RenderInput): Promise<string[]> {
  const written: string[] = [];
  const { default: Eleventy } = await loadEleventy();
  for (const [index, planned] of slices.entries()) {
    const slice = sliceData(planned, searchManifest, excerptHtml);
    if (slices.length > 1) log?.(`rendering slice ${index + 1} of ${slices.length}`);
    const eleventy = new Eleventy(TEMPLATES, outDir, {
      quietMode: true,
      configPath: CONFIG,
      config(eleventyConfig) {
        eleventyConfig.addGlobalData('site', site);
        eleventyConfig.addGlobalData('slice', slice);
      },
    });
    written.push(...filesWritten(await writeQuietlyOnWriteFailure(eleventy), outDir));
  }
  return written;
}
