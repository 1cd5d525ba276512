import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus, identityKey, NEW_PER_DROP, type CorpusFile } from '../../bench/generate.ts';
import { formatReport, formatTable, percentile, spreadOf, type SizeResult } from '../../bench/results.ts';

const HEADER = ['INCOMING TRANSMISSION', '', 'LATEST UPDATES'];
const ARTICLES = 1_000;

/** The excerpt lines of a drop, keyed the way the build dedups them. */
function keysOf(file: CorpusFile): string[] {
  return file.content
    .split('\n')
    .slice(HEADER.length)
    .filter((line) => line.trim() !== '' && !/^[\d\s]+$/.test(line))
    .map((line) => identityKey(line.replace(/^(?:💡\s*|🔖\s*https?:\/\/\S+\s*)+/u, '').replace(/\.{3,}$/u, '')));
}

const corpus = generateCorpus({ articles: ARTICLES, seed: 42 });

test('the same seed gives byte-identical drops, another seed different ones', () => {
  assert.deepEqual(generateCorpus({ articles: ARTICLES, seed: 42 }), corpus);
  const other = generateCorpus({ articles: ARTICLES, seed: 43 });
  assert.notDeepEqual(other.files.map((file) => file.content), corpus.files.map((file) => file.content));
});

test('every drop starts with the three-line header and is named in drop order', () => {
  corpus.files.forEach((file, index) => {
    assert.deepEqual(file.content.split('\n').slice(0, 3), HEADER, file.name);
    assert.match(file.name, new RegExp(`^${String(index).padStart(6, '0')}_[0-9a-f]{16}\\.txt$`));
  });
});

test('N distinct articles, no two sharing their first 40 characters, over N/12 drops', () => {
  assert.equal(corpus.articles.length, ARTICLES);
  assert.equal(new Set(corpus.articles.map((article) => identityKey(article.text))).size, ARTICLES);
  assert.equal(corpus.files.length, Math.ceil(ARTICLES / NEW_PER_DROP));
  assert.equal(new Set(corpus.files.flatMap(keysOf)).size, ARTICLES);
});

test('about a quarter of each drop after the first repeats an earlier article', () => {
  const seen = new Set<string>();
  corpus.files.forEach((file, index) => {
    const keys = keysOf(file);
    const repeats = keys.filter((key) => seen.has(key)).length;
    if (index === 0) assert.equal(repeats, 0);
    else assert.ok(repeats / keys.length >= 0.2 && repeats / keys.length <= 0.3, `${file.name}: ${repeats} of ${keys.length}`);
    keys.forEach((key) => seen.add(key));
  });
});

test('excerpts look like the seeds: mostly cut with ..., some markers, placeholders and TeX', () => {
  const lines = corpus.articles.map((article) => article.line);
  const share = (predicate: (line: string) => boolean): number => lines.filter(predicate).length / lines.length;
  assert.ok(share((line) => line.endsWith('...')) > 0.8);
  assert.ok(share((line) => line.startsWith('💡')) > 0.03);
  assert.ok(share((line) => /^🔖 https:\/\//u.test(line)) > 0.01);
  assert.ok(share((line) => /\[(?:Math|公式|Formula)\]/.test(line)) > 0.2);
  assert.ok(share((line) => line.includes('\\(')) > 0.02);
});

test('the next drop brings 9 new articles and 3 repeats', () => {
  const keys = keysOf(corpus.nextDrop);
  const earlier = new Set(corpus.files.flatMap(keysOf));
  assert.equal(keys.length, 12);
  assert.equal(keys.filter((key) => earlier.has(key)).length, 3);
  assert.deepEqual(corpus.nextDrop.content.split('\n').slice(0, 3), HEADER);
});

test('spreads and percentiles skip failed runs instead of turning into NaN', () => {
  assert.deepEqual(spreadOf([3, Number.NaN, 1, 2]), { median: 2, min: 1, max: 3, runs: 3 });
  assert.deepEqual(spreadOf([4, 1]), { median: 2.5, min: 1, max: 4, runs: 2 });
  assert.equal(spreadOf([Number.NaN]), null);
  assert.equal(percentile([10, 20, 30, 40], 0.5), 20);
  assert.equal(percentile([10, 20, 30, 40], 0.95), 40);
});

test('the results table turns measurements into numbers and missing ones into n/a', () => {
  const measured: SizeResult = {
    articles: 10_000,
    drops: 834,
    corpusBytes: 10_297_212,
    build: spreadOf([12.5, 12.1, 13.0]),
    buildRss: spreadOf([610.2, 600.9, 640]),
    rebuild: spreadOf([11.9, 12.2, 12.3]),
    rebuildRss: spreadOf([900, 1_210.4, 950]),
    firstRebuild: spreadOf([12.9, 13.2, 13.3]),
    render: spreadOf([3.1, 3.0, 3.3]),
    baseline: spreadOf([4.3, 4.5, 4.4]),
    baselineRss: spreadOf([300, 310, 305]),
    hugo: spreadOf([1.2, 1.3, 1.25]),
    hugoRss: spreadOf([90, 95, 92]),
    searchIndex: { raw: 2_500_000, gzip: 800_000, files: 257 },
    firstSearch: { raw: 120_000, gzip: 40_000, requests: 9 },
    latency: { p50: 12.4, p95: 30.2, samples: 40 },
    notes: [],
  };
  const missing: SizeResult = { ...measured, articles: 1_000, build: null, hugo: null, searchIndex: null, firstSearch: null, latency: null, notes: ['search: n/a.'] };
  const table = formatTable([missing, measured]);
  assert.doesNotMatch(table, /NaN|undefined|Infinity/);
  assert.match(table, /\| Articles \| 1,000 \| 10,000 \|/);
  assert.match(table, /\| Full build, wall \| n\/a \| 12\.50 s \(12\.10–13\.00\) \|/);
  assert.match(table, /\| Full build ÷ baseline \| n\/a \| 2\.84× \|/);
  assert.match(table, /\| Full build ÷ Hugo \| n\/a \| 10\.00× \|/);
  assert.match(table, /\| Rebuild ÷ full build \| n\/a \| 97\.6% \|/);
  assert.match(table, /\| Rebuild, peak RSS \| 950 MiB \(900–1,210\) \| 950 MiB \(900–1,210\) \|/);
  assert.match(table, /2\.38 MiB \(781\.3 KiB gzip\) in 257 files/);
  assert.match(table, /12 \/ 30 ms \(40 queries\)/);
  const report = formatReport([missing, measured], {
    command: 'npm run bench',
    date: '2026-11-24',
    node: 'v20.20.2',
    cores: 2,
    cpu: 'Test CPU',
    memoryGiB: 24,
    loadBefore: [1.8, 0.4, 0.3],
    loadAfter: [1.5, 1.2, 0.9],
    nodeOptions: null,
    code: 'snapshot of the checkout, fingerprint 0123456789ab',
    hugo: null,
  });
  assert.match(report, /Hugo not installed, so skipped/);
  assert.match(report, /2 cores/);
  assert.match(report, /The machine was busy/);
  assert.match(report, /- 1,000: search: n\/a\./);
  assert.doesNotMatch(report, /NaN/);
});
