// Render-stage bench: every seed line through the two ways of reaching remark-math's nodes,
//   direct   segments → inlineMath / math mdast built by hand (what src/render ships)
//   escape   segments → Markdown with every ASCII punctuation escaped and math as $…$ / $$…$$,
//            parsed by remark-parse + remark-math, then the same rehype stage
// cold (first pass in a fresh process) and warm (later passes), median of --runs processes.
// It also prints what the seeds contain, how hostile lines scale, and KaTeX's output sizes.
//   node --import tsx bench/render.ts [--runs 7]
//   (child)  node --import tsx bench/render.ts --child direct|escape
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import katex from 'katex';
import type { Root as MdastRoot } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { renderExcerpt } from '../src/render/index.ts';
import { scanLooseTex } from '../src/render/loose-tex.ts';
import { displayMathNode, inlineMathNode } from '../src/render/mdast.ts';
import { excerptProcessor } from '../src/render/pipeline.ts';
import { type Segment, segmentExcerpt } from '../src/render/segment.ts';
import { PLACEHOLDER_TEX, typesetCacheStats, typesetFormula } from '../src/render/typeset.ts';

const FEEDS = fileURLToPath(new URL('../feeds/', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const WARM_PASSES = 5;

type Approach = 'direct' | 'escape';

function seedLines(): string[] {
  return readdirSync(FEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(`${FEEDS}${name}`, 'utf8').split('\n').slice(3))
    .filter((line) => line.trim() !== '' && !/^[\d\s]+$/.test(line));
}

// CommonMark lets a backslash escape any ASCII punctuation, which keeps `1.`, `*`, `<` literal.
// Good enough for the seeds (one line each, no `$` inside TeX, no leading indentation); the
// direct approach needs none of these caveats.
const escapeMarkdown = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');

const parseMarkdown = unified().use(remarkParse).use(remarkMath).freeze();

function renderByEscaping(text: string): string {
  const segments = segmentExcerpt(text, 'block');
  const markdown = segments
    .map((s) => {
      if (s.kind === 'text') return escapeMarkdown(s.value);
      const tex = s.kind === 'placeholder' ? PLACEHOLDER_TEX : s.tex;
      return s.display ? `\n\n$$\n${tex}\n$$\n\n` : `$${tex}$`;
    })
    .join('');
  const mdast = parseMarkdown.runSync(parseMarkdown.parse(markdown)) as MdastRoot;
  // Give each parsed math node the same hast hints the direct approach sets, in document order.
  const maths = segments.filter((s): s is Exclude<Segment, { kind: 'text' }> => s.kind !== 'text');
  let next = 0;
  visit(mdast, (node) => {
    if (node.type !== 'inlineMath' && node.type !== 'math') return;
    const segment = maths[next++];
    if (segment === undefined) throw new Error(`more math nodes than segments in: ${text}`);
    node.data = (segment.display ? displayMathNode(segment) : inlineMathNode(segment)).data;
  });
  if (next !== maths.length) throw new Error(`${maths.length} segments but ${next} math nodes in: ${text}`);
  const file = new VFile({ value: text });
  return excerptProcessor.stringify(excerptProcessor.runSync(mdast, file));
}

const renderWith = (approach: Approach): ((text: string) => string) =>
  approach === 'direct' ? (text) => renderExcerpt(text).html : renderByEscaping;

function timePass(render: (text: string) => string, lines: readonly string[]): number {
  const started = performance.now();
  for (const line of lines) render(line);
  return performance.now() - started;
}

interface ChildTiming {
  coldMs: number;
  warmMs: number;
}

function child(approach: Approach): ChildTiming {
  const lines = seedLines();
  const render = renderWith(approach);
  const coldMs = timePass(render, lines);
  const warm = Array.from({ length: WARM_PASSES }, () => timePass(render, lines));
  return { coldMs, warmMs: median(warm) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function runChildren(approach: Approach, runs: number): ChildTiming {
  const timings = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--child', approach], { encoding: 'utf8' });
    return JSON.parse(out) as ChildTiming;
  });
  return { coldMs: median(timings.map((t) => t.coldMs)), warmMs: median(timings.map((t) => t.warmMs)) };
}

function printTimings(runs: number, lines: readonly string[]): void {
  console.log(`\nRendering ${lines.length} seed lines, median of ${runs} fresh processes (warm: median of ${WARM_PASSES} later passes)`);
  const results = { direct: runChildren('direct', runs), escape: runChildren('escape', runs) };
  for (const [approach, t] of Object.entries(results)) {
    console.log(`  ${approach.padEnd(7)} cold ${t.coldMs.toFixed(1).padStart(7)} ms   warm ${t.warmMs.toFixed(1).padStart(6)} ms`);
  }
  console.log(`  escape/direct: cold ×${(results.escape.coldMs / results.direct.coldMs).toFixed(2)}, warm ×${(results.escape.warmMs / results.direct.warmMs).toFixed(2)}`);
  const normalize = (html: string): string => html.replace(/<p>\s+/g, '<p>').replace(/\s+<\/p>/g, '</p>');
  const differing = lines.filter((line) => normalize(renderByEscaping(line)) !== normalize(renderExcerpt(line).html));
  console.log(`  same HTML from both (modulo spaces at paragraph edges, which Markdown trims): ${lines.length - differing.length}/${lines.length}`);
}

function printCorpus(lines: readonly string[]): void {
  const tally = { inline: 0, display: 0, delimited: 0, delimitedFailed: 0, loose: 0, looseFailed: 0, shapeRejected: 0 };
  for (const line of lines) {
    for (const s of segmentExcerpt(line, 'block')) {
      if (s.kind === 'text') tally.shapeRejected += scanLooseTex(s.value).rejected.length;
      else if (s.kind === 'placeholder') tally[s.display ? 'display' : 'inline']++;
      else if (s.loose) [tally.loose, tally.looseFailed] = [tally.loose + 1, tally.looseFailed + (typesetFormula(s.tex, false).ok ? 0 : 1)];
      else [tally.delimited, tally.delimitedFailed] = [tally.delimited + 1, tally.delimitedFailed + (typesetFormula(s.tex, s.display).ok ? 0 : 1)];
    }
  }
  const stats = typesetCacheStats();
  console.log(`\nSeed corpus (${lines.length} lines)`);
  console.log(`  placeholders: ${tally.inline + tally.display} (${tally.inline} inline, ${tally.display} display)`);
  console.log(`  delimited TeX \\( \\) / \\[ \\]: ${tally.delimited} (${tally.delimited - tally.delimitedFailed} typeset, ${tally.delimitedFailed} shown as text)`);
  console.log(`  loose TeX candidates: ${tally.loose + tally.shapeRejected}: ${tally.loose - tally.looseFailed} typeset, ${tally.looseFailed} rejected by KaTeX, ${tally.shapeRejected} not clearly TeX (left literal)`);
  console.log(`  typeset cache: ${stats.entries} distinct strings rendered, ${stats.hits} hits`);
}

function printHostile(): void {
  console.log('\nHostile lines (time should about double with size)');
  const shapes: Record<string, (n: number) => string> = {
    'unclosed \\(': (n) => '\\('.repeat(n),
    'unclosed [Math': (n) => '[Math'.repeat(n),
    'nested braces in \\( \\)': (n) => `\\(${'{'.repeat(n)}x${'}'.repeat(n)}\\)`,
    'openers then one \\)': (n) => `${'\\('.repeat(n)}x\\)`,
    'loose x_i runs': (n) => 'x_i + '.repeat(n),
  };
  for (const [name, make] of Object.entries(shapes)) {
    const cells = [10_000, 20_000, 40_000].map((n) => {
      const text = make(n);
      const ms = median(Array.from({ length: 3 }, () => timePass((t) => renderExcerpt(t).html, [text])));
      return `${String(n).padStart(6)}: ${ms.toFixed(1).padStart(6)} ms`;
    });
    console.log(`  ${name.padEnd(24)} ${cells.join('   ')}`);
  }
}

function printSizes(lines: readonly string[]): void {
  const bytes = { formulaHtml: 0, formulaBoth: 0, placeholderHtml: 0, placeholderBoth: 0 };
  const size = (tex: string, display: boolean, output: 'html' | 'htmlAndMathml'): number =>
    Buffer.byteLength(katex.renderToString(tex, { displayMode: display, output, strict: 'ignore', throwOnError: false }));
  for (const line of lines) {
    for (const s of segmentExcerpt(line, 'block')) {
      if (s.kind === 'placeholder') {
        bytes.placeholderHtml += size(PLACEHOLDER_TEX, s.display, 'html');
        bytes.placeholderBoth += size(PLACEHOLDER_TEX, s.display, 'htmlAndMathml');
      } else if (s.kind === 'tex' && typesetFormula(s.tex, s.display).ok) {
        bytes.formulaHtml += size(s.tex, s.display, 'html');
        bytes.formulaBoth += size(s.tex, s.display, 'htmlAndMathml');
      }
    }
  }
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const more = (a: number, b: number): string => `+${(((b - a) / a) * 100).toFixed(0)}%`;
  const total = lines.reduce((sum, line) => sum + Buffer.byteLength(renderExcerpt(line).html), 0);
  console.log('\nKaTeX output on the seeds, html vs htmlAndMathml');
  console.log(`  formulas:     ${kb(bytes.formulaHtml)} vs ${kb(bytes.formulaBoth)} (${more(bytes.formulaHtml, bytes.formulaBoth)})  → htmlAndMathml`);
  console.log(`  placeholders: ${kb(bytes.placeholderHtml)} vs ${kb(bytes.placeholderBoth)} (${more(bytes.placeholderHtml, bytes.placeholderBoth)})  → html`);
  console.log(`  rendered HTML of all seed lines as shipped: ${kb(total)}`);
}

const { values } = parseArgs({ options: { child: { type: 'string' }, runs: { type: 'string', default: '7' } } });
if (values.child === 'direct' || values.child === 'escape') {
  console.log(JSON.stringify(child(values.child)));
} else {
  const lines = seedLines();
  const runs = Number(values.runs);
  printTimings(runs, lines);
  printCorpus(lines);
  printHostile();
  printSizes(lines);
}
