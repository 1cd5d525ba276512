import { lstat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, readDigest, type BuildOptions } from './build/index.ts';
import { readArgs } from './cli-args.ts';
import { ConfigError, readSiteConfig, resolveSite, SITE_CONFIG_FILE } from './config.ts';
import { formatDiagnostic } from './ingest/index.ts';
import type { Diagnostic, Digest, SiteConfig } from './model.ts';
import { writeFailureCause } from './site/publish.ts';

const HELP = `digest — build a static digest site from transmission feeds

Usage:
  digest build [--feeds DIR] [--out DIR] [--site-url URL] [--base PATH] [--settle MS]
  digest serve [--feeds DIR] [--out DIR] [--site-url URL] [--base PATH] [--port N] [--settle MS]
  digest check [--feeds DIR]
  digest --help

Commands:
  build   read every drop in --feeds, write the site to --out (swapped in atomically)
  serve   build, serve on localhost and rebuild when feeds, templates or public/ change
  check   print every diagnostic; exit 1 if any is an error

Options:
  --feeds DIR   folder of transmission files               (default: feeds)
  --out DIR     output folder                              (default: _site)
  --site-url URL  the site's own address, e.g. https://example.org/digest/: makes feed,
                sitemap, robots.txt and canonical links absolute   (default: "url" in
                digest.config.json; --site-url '' for none, which skips the sitemap)
  --base PATH   URL path the site is hosted under; must agree with the site URL's path
                                                  (default: the site URL's path, else /)
  --port N      port for serve                             (default: 8080)
  --cache DIR   keep derived titles, tags and typeset math between builds
                                                  (default: .cache; --cache '' for none)
  --settle MS   read feeds only once no file has changed for MS milliseconds,
                so files still being copied are never read half-written
                                                  (default: 0 for build, 1000 for serve)
  --verbose     also print info diagnostics during build and serve
  -h, --help    show this help

The site's name, description, language and URL are set in ${SITE_CONFIG_FILE}.

Exit status: 0 when at least one article was read (bad files only warn), 1 otherwise,
2 on a usage error.`;

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_PRINTED_DIAGNOSTICS = 50;

export interface CliOptions {
  feedsDir: string;
  outDir: string;
  base: string;
  site: SiteConfig;
  /** --site-url as given, for `serve` to hand to each rebuild; undefined when not given. */
  siteUrlFlag: string | undefined;
  port: number;
  settleMs: number | null;
  cacheDir: string | null;
  verbose: boolean;
}

class UsageError extends Error {}

function normalizeBase(base: string): string {
  if (/^[a-z]+:/i.test(base) || base.includes('..')) throw new UsageError(`--base must be a URL path, got "${base}"`);
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export function parseCommandLine(argv: string[]): { command: string; options: CliOptions } {
  const { command, values, positionals } = readArgs(argv);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const port = Number(values.port);
  const settleMs = values.settle === undefined ? null : Number(values.settle);
  if (settleMs !== null && !(Number.isInteger(settleMs) && settleMs >= 0)) {
    throw new UsageError(`--settle must be a whole number of milliseconds, got "${values.settle}"`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
  const fromFile = readSiteConfig(join(PROJECT_ROOT, SITE_CONFIG_FILE));
  const siteUrlFlag = values['site-url'];
  const { config, base } = resolveSite(fromFile, {
    siteUrl: siteUrlFlag,
    base: values.base === undefined ? undefined : normalizeBase(values.base),
  });
  return {
    command,
    options: {
      feedsDir: resolve(values.feeds),
      outDir: resolve(values.out),
      base,
      site: config,
      siteUrlFlag,
      port,
      settleMs,
      cacheDir: values.cache === '' ? null : resolve(values.cache),
      verbose: values.verbose,
    },
  };
}

/** A path as a person would type it from here: relative below the working folder, else absolute. */
function shown(path: string): string {
  const below = relative(process.cwd(), path);
  return below.startsWith('..') ? path : below || '.';
}

function printDiagnostics(diagnostics: readonly Diagnostic[], feedsDir: string, limit: number, withInfo: boolean): void {
  const printable = diagnostics.filter((d) => withInfo || d.severity !== 'info');
  for (const diagnostic of printable.slice(0, limit)) console.error(formatDiagnostic(diagnostic, shown(feedsDir)));
  if (printable.length > limit) {
    console.error(`… and ${printable.length - limit} more (run \`digest check\` to list them all)`);
  }
}

function count(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

function printSummary(digest: Digest): void {
  const entries = digest.drops.reduce((sum, drop) => sum + drop.entries, 0);
  const { diagnostics } = digest;
  console.log(
    `digest: ${digest.drops.length} drops, ${entries} entries, ${digest.articles.length} distinct articles ` +
      `(${count(diagnostics, 'error')} errors, ${count(diagnostics, 'warning')} warnings, ${count(diagnostics, 'info')} notes)`,
  );
  const recent = digest.drops.slice(-10);
  if (digest.drops.length > recent.length) console.log(`  … ${digest.drops.length - recent.length} earlier drops`);
  for (const drop of recent) console.log(`  ${drop.id}: ${drop.entries} entries, ${drop.newArticles} new`);
}

function buildOptions(options: CliOptions): BuildOptions {
  return {
    feedsDir: options.feedsDir,
    base: options.base,
    site: options.site,
    settleMs: options.settleMs ?? 0,
    cacheDir: options.cacheDir,
    log: (line) => console.log(`digest: ${line}`),
    warn: (line) => console.error(`digest: warning: ${line}`),
  };
}

/** Whether `outDir` holds a site now (a release link or a folder), which a failed build leaves as it is. */
async function holdsSite(outDir: string): Promise<boolean> {
  const found = await lstat(outDir).catch(() => null);
  return found !== null && (found.isSymbolicLink() || found.isDirectory());
}

async function build(options: CliOptions): Promise<number> {
  const started = performance.now();
  const hadSite = await holdsSite(options.outDir);
  const built = await buildSite({
    ...buildOptions(options),
    outDir: options.outDir,
    onDigest(digest) {
      printDiagnostics(digest.diagnostics, options.feedsDir, MAX_PRINTED_DIAGNOSTICS, options.verbose);
      printSummary(digest);
      if (options.site.url === null) {
        console.log(`digest: no site URL ("url" in ${SITE_CONFIG_FILE}, or --site-url), so sitemap.xml is skipped and robots.txt names no sitemap`);
      }
      if (digest.articles.length > 0) return true;
      console.error(`digest: no article could be read from ${shown(options.feedsDir)}; the site was not written`);
      return false;
    },
  }).catch((error: unknown) => {
    const cause = writeFailureCause(error);
    if (cause === null) throw error;
    const kept = hadSite ? 'the previous site is untouched' : 'nothing was published';
    console.error(`digest: cannot write the site to ${shown(options.outDir)}: ${cause}; ${kept}`);
    return null;
  });
  if (built === null) return 1;
  const { articles, otherPages } = built;
  console.log(`digest: ${articles.rendered} article pages rendered, ${articles.reused} unchanged and reused`);
  console.log(`digest: ${otherPages.rendered} other pages and files rendered, ${otherPages.reused} unchanged and reused`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`digest: wrote ${shown(options.outDir)}/ in ${seconds} s`);
  return 0;
}

async function check(options: CliOptions): Promise<number> {
  const { digest, store } = await readDigest(buildOptions(options));
  await store.close();
  printDiagnostics(digest.diagnostics, options.feedsDir, Number.POSITIVE_INFINITY, true);
  printSummary(digest);
  return count(digest.diagnostics, 'error') > 0 ? 1 : 0;
}

const SERVE_SETTLE_MS = 1000;

async function serve(options: CliOptions): Promise<number> {
  // Loaded here: the dev server and the watcher cost a build nothing.
  const { startServer } = await import('./serve/index.ts');
  const server = startServer({
    projectRoot: PROJECT_ROOT,
    feedsDir: options.feedsDir,
    outDir: options.outDir,
    base: options.base,
    siteUrl: options.siteUrlFlag,
    port: options.port,
    settleMs: options.settleMs ?? SERVE_SETTLE_MS,
    cacheDir: options.cacheDir,
  });
  await server.ready;
  console.log(`digest: serving ${shown(options.outDir)}/ at http://localhost:${options.port}${options.base} (Ctrl+C to stop)`);
  return new Promise<number>((resolve) => {
    // A terminal's Ctrl+C reaches this process twice (directly, and forwarded by bin/digest.js).
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void server.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`digest: ${error.message}`);
      return 2;
    }
    console.error(`digest: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { command, options } = parsed;
  switch (command) {
    case 'help':
      console.log(HELP);
      return 0;
    case 'build':
      return build(options);
    case 'check':
      return check(options);
    case 'serve':
      return serve(options);
    default:
      console.error(`digest: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
