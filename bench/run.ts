// `npm run bench`: build, rebuild, math render and search at 1,000 and 10,000 articles (100,000
// with --huge), each beside a bare Eleventy baseline, median of --runs runs. Writes bench/results.md.
// Options: npm run bench -- --help.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { baselineArgs, hugoArgs, hugoVersion, writeBaselineInput, writeHugoInput } from './baseline.ts';
import { snapshotCode } from './code-snapshot.ts';
import { checkSize, generateCorpus, HUGE_SIZE, SUPPORTED_SIZES, writeCorpus, type CorpusFile } from './generate.ts';
import { measureCommand, type Measured } from './measure.ts';
import type { RenderTiming } from './math-render-time.ts';
import { formatReport, formatTable, spreadOf, type RunContext, type SizeResult } from './results.ts';
import { measureSearchIndex } from './search-index.ts';
import { measureSearch } from './search-latency.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = join(ROOT, 'bench', 'corpus');
const ELEVENTY_CLI = join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

const OPTIONS = {
  sizes: { type: 'string' },
  runs: { type: 'string', default: '3' },
  seed: { type: 'string', default: '1' },
  huge: { type: 'boolean', default: false },
  'timeout-min': { type: 'string', default: '20' },
  'no-search': { type: 'boolean', default: false },
  out: { type: 'string', default: 'bench/results.md' },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

const USAGE = `Usage: npm run bench -- [options]

Builds generated corpora with the digest, beside bare Eleventy and Hugo, and writes a report.

  --sizes N,N      article counts to measure, of ${SUPPORTED_SIZES.join(', ')} and (with --huge) ${HUGE_SIZE}
                   (default ${SUPPORTED_SIZES.join(',')}; ${[...SUPPORTED_SIZES, HUGE_SIZE].join(',')} with --huge)
  --huge           allow ${HUGE_SIZE} articles (each run of that size takes about 20 minutes)
  --runs N         runs per measurement; the report gives the median (default ${OPTIONS.runs.default})
  --seed N         seed of the generated corpus (default ${OPTIONS.seed.default})
  --timeout-min N  stop any single build after N minutes (default ${OPTIONS['timeout-min'].default})
  --no-search      skip the browser search measurements
  --out FILE       where the report goes (default ${OPTIONS.out.default})
  --keep           keep the generated corpora and sites in bench/corpus/
  -h, --help       show this help`;

interface Options {
  /** The frozen copy of the code that every build and render of this run uses. */
  code: string;
  /** This run's own folder: two benches at once must not build into each other's sites. */
  work: string;
  keep: boolean;
  sizes: number[];
  runs: number;
  seed: number;
  timeoutMs: number;
  search: boolean;
  out: string;
  /** Hugo's version line when it is installed; the Hugo baseline is skipped otherwise. */
  hugo: string | null;
}

function parseOptions(argv: string[]): Omit<Options, 'code' | 'work' | 'hugo'> {
  const { values } = parseArgs({ args: argv, options: OPTIONS });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes?.split(',').map((size) => Number(size.replace(/_/g, ''))) ?? (values.huge ? [...SUPPORTED_SIZES, HUGE_SIZE] : SUPPORTED_SIZES);
  for (const size of sizes) checkSize(size, values.huge);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`--runs must be a positive integer, got "${values.runs}"`);
  return { sizes, runs, seed: Number(values.seed), timeoutMs: Number(values['timeout-min']) * 60_000, search: !values['no-search'], out: resolve(values.out), keep: values.keep };
}

const log = (message: string): void => void console.error(`[bench] ${message}`);
const mib = (measured: Measured): number => (measured.peakRssKiB === null ? Number.NaN : measured.peakRssKiB / 1024);

/** The line that says why a process died (V8 prints its fatal error above a long native stack). */
function failureOf(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => /FATAL ERROR|out of memory|Error:/.test(line))?.trim() ?? lines.slice(-3).join(' / ');
}

/** A failed or timed-out run yields NaN, which spreadOf leaves out, plus a note saying why. */
function seconds(measured: Measured, what: string, notes: string[]): number {
  if (measured.timedOut) notes.push(`${what}: stopped after the time limit (${measured.seconds.toFixed(0)} s).`);
  else if (measured.exitCode !== 0) notes.push(`${what}: exit ${measured.exitCode}: ${failureOf(measured.stderr)}`);
  else return measured.seconds;
  return Number.NaN;
}

/** Each measurement gets its own cache folder: the default `.cache` is shared with whoever else builds in the checkout. */
function digestBuild(feeds: string, out: string, cache: string, options: Options): Promise<Measured> {
  const digest = join(options.code, 'bin', 'digest.js');
  return measureCommand('node', [digest, 'build', '--feeds', feeds, '--out', out, '--cache', cache], { cwd: options.code, timeoutMs: options.timeoutMs });
}

/**
 * `--out` is a symlink to the newest of `.<out>.releases/`; a build from nothing must not find
 * an older release there, or it spends its time deleting that one.
 */
function removeSite(site: string): void {
  rmSync(site, { recursive: true, force: true });
  rmSync(join(dirname(site), `.${basename(site)}.releases`), { recursive: true, force: true });
}

/** How many articles the build's articles.json lists, whatever its top-level shape. */
function builtArticleCount(site: string): number | null {
  const file = join(site, 'articles.json');
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (Array.isArray(json)) return json.length;
  const articles = (json as { articles?: unknown }).articles;
  return Array.isArray(articles) ? articles.length : null;
}

async function benchSize(size: number, options: Options): Promise<SizeResult> {
  const folder = join(options.work, String(size));
  const feeds = join(folder, 'feeds');
  const site = join(folder, 'site');
  const rebuildFeeds = join(folder, 'rebuild-feeds');
  const rebuildSite = join(folder, 'rebuild-site');
  const fullCache = join(folder, 'full-cache');
  const rebuildCache = join(folder, 'rebuild-cache');
  const textsFile = join(folder, 'texts.json');
  const notes: string[] = [];

  log(`${size}: generating corpus (seed ${options.seed})`);
  const corpus = generateCorpus({ articles: size, seed: options.seed });
  writeCorpus(corpus, feeds);
  const texts = corpus.articles.map((article) => article.text);
  writeFileSync(textsFile, JSON.stringify(texts));
  const baselineSite = writeBaselineInput(texts, join(tmpdir(), `bench-baseline-${process.pid}-${size}`));
  const hugoSite = options.hugo === null ? null : writeHugoInput(texts, join(tmpdir(), `bench-hugo-${process.pid}-${size}`));

  const builds: number[] = [];
  const buildRss: number[] = [];
  const firstRebuilds: number[] = [];
  const rebuilds: number[] = [];
  const rebuildRss: number[] = [];
  const renders: number[] = [];
  const baselines: number[] = [];
  const baselineRss: number[] = [];
  const hugos: number[] = [];
  const hugoRss: number[] = [];
  // Ours and the baseline alternate within each run, so a busy moment on the machine hits both.
  for (let run = 1; run <= options.runs; run++) {
    // A full build starts from nothing: no site to update, no cache to reuse.
    removeSite(site);
    rmSync(fullCache, { recursive: true, force: true });
    const full = await digestBuild(feeds, site, fullCache, options);
    builds.push(seconds(full, `full build, run ${run}`, notes));
    if (full.exitCode === 0) buildRss.push(mib(full));
    log(`${size}: run ${run}: full build ${full.seconds.toFixed(2)} s, exit ${full.exitCode}`);

    rmSync(baselineSite.output, { recursive: true, force: true });
    const baseline = await measureCommand('node', baselineArgs(ELEVENTY_CLI, baselineSite), { cwd: baselineSite.root, timeoutMs: options.timeoutMs });
    baselines.push(seconds(baseline, `baseline, run ${run}`, notes));
    if (baseline.exitCode === 0) baselineRss.push(mib(baseline));
    log(`${size}: run ${run}: baseline ${baseline.seconds.toFixed(2)} s`);

    if (hugoSite !== null) {
      rmSync(hugoSite.output, { recursive: true, force: true });
      const hugo = await measureCommand('hugo', hugoArgs(hugoSite), { cwd: hugoSite.root, timeoutMs: options.timeoutMs });
      hugos.push(seconds(hugo, `Hugo, run ${run}`, notes));
      if (hugo.exitCode === 0) hugoRss.push(mib(hugo));
      log(`${size}: run ${run}: Hugo ${hugo.seconds.toFixed(2)} s`);
    }

    // A maintainer's site has been published many times: the build before a drop was itself a
    // rebuild, and its release and the one before it are on disk. So the corpus's last drop goes
    // first (the first rebuild, with only one release to reuse from), then the new drop (the
    // rebuild a maintainer meets every day). The site ends with the same articles as the full build.
    removeSite(rebuildSite);
    for (const stale of [rebuildFeeds, rebuildCache]) rmSync(stale, { recursive: true, force: true });
    cpSync(feeds, rebuildFeeds, { recursive: true });
    const lastDrop = corpus.files.at(-1)!;
    rmSync(join(rebuildFeeds, lastDrop.name));
    const before = await digestBuild(rebuildFeeds, rebuildSite, rebuildCache, options);
    const rebuildAfter = async (drop: CorpusFile, what: string, into: number[], rss: number[] = []) => {
      writeFileSync(join(rebuildFeeds, drop.name), drop.content);
      const rebuild = await digestBuild(rebuildFeeds, rebuildSite, rebuildCache, options);
      into.push(seconds(rebuild, `${what}, run ${run}`, notes));
      if (rebuild.exitCode === 0) rss.push(mib(rebuild));
      // The build says how much of the old site it reused; keep that as evidence of what was measured.
      const reuse = /\d+ article pages rendered[^\n]*/.exec(rebuild.stdout)?.[0];
      if (reuse !== undefined && run === 1) notes.push(`${what}: the build reported "${reuse}".`);
      log(`${size}: run ${run}: ${what} ${rebuild.seconds.toFixed(2)} s${reuse === undefined ? '' : ` (${reuse})`}`);
      return rebuild.exitCode === 0;
    };
    if (before.exitCode !== 0) {
      notes.push(`rebuild, run ${run}: the build before the drops failed (exit ${before.exitCode}), so there was nothing to rebuild.`);
    } else if (await rebuildAfter(lastDrop, 'first rebuild', firstRebuilds)) {
      await rebuildAfter(corpus.nextDrop, 'rebuild', rebuilds, rebuildRss);
    }

    const renderTimer = join(options.code, 'bench', 'math-render-time.ts');
    const render = await measureCommand('node', ['--import', 'tsx', renderTimer, textsFile], { cwd: options.code, timeoutMs: options.timeoutMs });
    if (Number.isFinite(seconds(render, `math render, run ${run}`, notes))) {
      const timing = JSON.parse(render.stdout.trim().split('\n').pop() ?? '{}') as RenderTiming;
      renders.push(timing.renderSeconds);
      log(`${size}: run ${run}: render ${timing.renderSeconds.toFixed(2)} s (+${timing.importSeconds.toFixed(2)} s import, ${timing.diagnostics} diagnostics)`);
    }
  }

  const built = builtArticleCount(site);
  if (built !== null && built !== size) notes.push(`the build listed ${built} articles in articles.json for ${size} generated.`);
  const searchIndex = existsSync(site) ? measureSearchIndex(site) : null;
  if (searchIndex === null) notes.push('search index: no index files under the site\'s search folder, so n/a.');
  let search = { firstSearch: null, latency: null, notes: [] } as Awaited<ReturnType<typeof measureSearch>>;
  if (options.search && existsSync(site)) {
    log(`${size}: measuring search in Chromium`);
    search = await measureSearch(site).catch((error: Error) => ({ firstSearch: null, latency: null, notes: [`search: ${error.message.split('\n')[0]}`] }));
  }

  rmSync(baselineSite.root, { recursive: true, force: true });
  if (hugoSite !== null) rmSync(hugoSite.root, { recursive: true, force: true });
  else notes.push('Hugo: not installed (`apt-get install hugo`), so its baseline was skipped.');
  // A 100,000-article run leaves gigabytes of sites and caches; keep them only when asked.
  if (!options.keep) rmSync(folder, { recursive: true, force: true });
  return {
    articles: size,
    drops: corpus.files.length,
    corpusBytes: corpus.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0),
    build: spreadOf(builds),
    buildRss: spreadOf(buildRss),
    firstRebuild: spreadOf(firstRebuilds),
    rebuild: spreadOf(rebuilds),
    rebuildRss: spreadOf(rebuildRss),
    render: spreadOf(renders),
    baseline: spreadOf(baselines),
    baselineRss: spreadOf(baselineRss),
    hugo: spreadOf(hugos),
    hugoRss: spreadOf(hugoRss),
    searchIndex,
    firstSearch: search.firstSearch,
    latency: search.latency,
    notes: [...new Set([...notes, ...search.notes])],
  };
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseOptions(argv);
  mkdirSync(CORPUS, { recursive: true });
  const loadBefore = loadavg();
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const snapshot = snapshotCode(ROOT, join(tmpdir(), `bench-code-${process.pid}`));
  const options: Options = { ...parsed, code: snapshot.dir, work: join(CORPUS, `run-${process.pid}`), hugo: hugoVersion() };
  log(`building from a snapshot of the code (fingerprint ${snapshot.fingerprint}) in ${snapshot.dir}`);
  const results: SizeResult[] = [];
  try {
    for (const size of options.sizes) {
      results.push(await benchSize(size, options));
      writeFileSync(join(CORPUS, 'results.json'), JSON.stringify(results, null, 2));
    }
  } finally {
    rmSync(snapshot.dir, { recursive: true, force: true });
    if (!options.keep) rmSync(options.work, { recursive: true, force: true });
  }
  const context: RunContext = {
    command: `${process.env['NODE_OPTIONS'] ? `NODE_OPTIONS=${process.env['NODE_OPTIONS']} ` : ''}npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: totalmem() / 1024 ** 3,
    loadBefore,
    loadAfter: loadavg(),
    nodeOptions: process.env['NODE_OPTIONS'] || null,
    code: `snapshot of the checkout taken at ${started} UTC, fingerprint ${snapshot.fingerprint}`,
    hugo: options.hugo,
  };
  writeFileSync(options.out, formatReport(results, context));
  console.log(formatTable(results));
  log(`wrote ${options.out}`);
}

await main(process.argv.slice(2));
