// The benchmark's figures and how they are printed: one Markdown table, a column per corpus size.

/** Several runs of one measure: the median is the figure, min–max its spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface SizeResult {
  articles: number;
  drops: number;
  corpusBytes: number;
  /** Full build, seconds, and the peak RSS of its largest process, MiB. */
  build: Spread | null;
  buildRss: Spread | null;
  /** A rebuild after one new drop whose build before was a rebuild too, as every day's is, seconds. */
  rebuild: Spread | null;
  /** Its peak RSS, MiB: a rebuild maps the cache store whole, where a full build maps it in chunks. */
  rebuildRss: Spread | null;
  /** The first rebuild after a full build: one new drop, no older release to recycle, seconds. */
  firstRebuild: Spread | null;
  /** renderExcerpt over every distinct article text in one process, seconds. */
  render: Spread | null;
  baseline: Spread | null;
  baselineRss: Spread | null;
  /** Hugo with the same pages, when installed. */
  hugo: Spread | null;
  hugoRss: Spread | null;
  searchIndex: (Bytes & { files: number }) | null;
  firstSearch: (Bytes & { requests: number }) | null;
  latency: { p50: number; p95: number; samples: number } | null;
  /** Why a figure is n/a or doubtful, in a sentence each. */
  notes: string[];
}

export interface RunContext {
  command: string;
  date: string;
  node: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  loadBefore: number[];
  loadAfter: number[];
  /** Set when the run raised Node's limits, e.g. `--max-old-space-size`, since that changes what fails. */
  nodeOptions: string | null;
  /** Which code was measured. */
  code: string;
  /** Hugo's version line, or null when it was not installed. */
  hugo: string | null;
}

export function spreadOf(values: readonly number[]): Spread | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
  return { median, min: finite[0]!, max: finite[finite.length - 1]!, runs: finite.length };
}

/** Nearest-rank percentile: with 30 samples p95 is the 29th value, an observed time, not an interpolation. */
export function percentile(values: readonly number[], fraction: number): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

const NA = 'n/a';

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function spread(value: Spread | null, unit: string, digits: number): string {
  if (value === null) return NA;
  const range = value.runs > 1 ? ` (${fixed(value.min, digits)}–${fixed(value.max, digits)})` : '';
  return `${fixed(value.median, digits)} ${unit}${range}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fixed(bytes / 1024, 1)} KiB`;
  return `${fixed(bytes / 1024 / 1024, 2)} MiB`;
}

function bytes(value: Bytes | null): string {
  return value === null ? NA : `${formatBytes(value.raw)} (${formatBytes(value.gzip)} gzip)`;
}

function ratio(part: Spread | null, whole: Spread | null): string {
  if (part === null || whole === null || whole.median <= 0) return NA;
  return `${fixed(part.median / whole.median, 2)}×`;
}

function share(part: Spread | null, whole: Spread | null): string {
  if (part === null || whole === null || whole.median <= 0) return NA;
  return `${fixed((100 * part.median) / whole.median, 1)}%`;
}

type Row = [string, (result: SizeResult) => string];

const ROWS: Row[] = [
  ['Drops (files)', (r) => fixed(r.drops, 0)],
  ['Corpus size', (r) => formatBytes(r.corpusBytes)],
  ['Full build, wall', (r) => spread(r.build, 's', 2)],
  ['Full build, peak RSS', (r) => spread(r.buildRss, 'MiB', 0)],
  ['Rebuild after one new drop', (r) => spread(r.rebuild, 's', 2)],
  ['Rebuild, peak RSS', (r) => spread(r.rebuildRss, 'MiB', 0)],
  ['Math render (renderExcerpt, all articles)', (r) => spread(r.render, 's', 2)],
  ['Rebuild ÷ full build', (r) => share(r.rebuild, r.build)],
  ['First rebuild after a full build', (r) => spread(r.firstRebuild, 's', 2)],
  ['Baseline: bare Eleventy, wall', (r) => spread(r.baseline, 's', 2)],
  ['Baseline: peak RSS', (r) => spread(r.baselineRss, 'MiB', 0)],
  ['Full build ÷ baseline', (r) => ratio(r.build, r.baseline)],
  ['Baseline: Hugo, wall', (r) => spread(r.hugo, 's', 2)],
  ['Hugo: peak RSS', (r) => spread(r.hugoRss, 'MiB', 0)],
  ['Full build ÷ Hugo', (r) => ratio(r.build, r.hugo)],
  ['Search index', (r) => (r.searchIndex === null ? NA : `${bytes(r.searchIndex)} in ${r.searchIndex.files} files`)],
  [
    'Search index per article',
    (r) =>
      r.searchIndex === null
        ? NA
        : bytes({ raw: Math.round(r.searchIndex.raw / r.articles), gzip: Math.round(r.searchIndex.gzip / r.articles) }),
  ],
  ['First search: bytes before first result', (r) => (r.firstSearch === null ? NA : `${bytes(r.firstSearch)}, ${r.firstSearch.requests} requests`)],
  ['Query latency p50 / p95', (r) => (r.latency === null ? NA : `${fixed(r.latency.p50, 0)} / ${fixed(r.latency.p95, 0)} ms (${r.latency.samples} queries)`)],
];

export function formatTable(results: readonly SizeResult[]): string {
  const header = `| Articles | ${results.map((r) => fixed(r.articles, 0)).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---:').join('|')}|`;
  const body = ROWS.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

export function formatReport(results: readonly SizeResult[], context: RunContext): string {
  const loads = (values: number[]): string => values.map((value) => fixed(value, 2)).join(' ');
  const notes = results.flatMap((r) => r.notes.map((note) => `- ${fixed(r.articles, 0)}: ${note}`));
  // The bench cannot own the machine; when something else kept the cores busy, say so beside the figures.
  // The load before a run is someone else's; after it, the bench's own build and browser account
  // for up to about two, so only more than that says others were working too.
  const before = context.loadBefore[0] ?? 0;
  const after = context.loadAfter[0] ?? 0;
  const busy =
    before > context.cores * 0.75 || after > context.cores + 1
      ? [`- **The machine was busy** (1-minute load ${fixed(before, 2)} before, ${fixed(after, 2)} after, on ${context.cores} cores): other work shared the cores, so absolute times are inflated and noisy; the ratio to the baseline, from interleaved runs, is steadier.`]
      : [];
  return [
    '# Benchmark results',
    '',
    `- Command: \`${context.command}\``,
    `- Date: ${context.date}`,
    `- Code: ${context.code}`,
    `- Machine: ${context.cores} cores (${context.cpu}), ${fixed(context.memoryGiB, 0)} GiB; Node ${context.node}`,
    `- Baselines: bare Eleventy 3 (bench/baseline/); ${context.hugo === null ? 'Hugo not installed, so skipped' : `${context.hugo} (bench/hugo/)`}`,
    `- Load average (1, 5, 15 min) before: ${loads(context.loadBefore)}; after: ${loads(context.loadAfter)}`,
    ...busy,
    ...(context.nodeOptions === null ? [] : [`- NODE_OPTIONS: \`${context.nodeOptions}\` (every process of the run inherits it)`]),
    '- Figures are the median of the runs, with min–max in brackets. Peak RSS is that of the largest',
    '  single process (GNU time\'s maximum resident set size). gzip is level 6, as static hosts serve it.',
    '',
    formatTable(results),
    '',
    ...(notes.length > 0 ? ['## Notes', '', ...notes, ''] : []),
  ].join('\n');
}
