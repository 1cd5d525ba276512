// Typesets one TeX string with rehype-katex, once per process, and says why when it cannot.
import type { ElementContent, Root } from 'hast';
import katex from 'katex';
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import { unified } from 'unified';
import { VFile } from 'vfile';

export type Typeset =
  | { ok: true; nodes: readonly ElementContent[] }
  | { ok: false; rule: 'katex' | 'tex-refused'; reason: string };

/** The glyph that stands in for a formula the scrape lost: quiet, and the same everywhere. */
export const PLACEHOLDER_TEX = '\\boxed{\\cdots}';

/** Delimited TeX longer than this is refused: it bounds KaTeX's work (and its ~200× output) per formula. */
export const TEX_MAX = 2000;

/**
 * Groups (`{`, `\left`, `\begin`) nested deeper than this are refused before KaTeX sees them.
 * `x^{x^{…}}` 300 deep is well under TEX_MAX, yet KaTeX's parser recursed through it close to the
 * stack limit, and its output, some 2,100 elements deep, overflowed the recursive HTML
 * serializer and failed the whole build. KaTeX adds up to about eleven elements per level
 * (`\underbrace{…}_{x}`), so 40 levels also stay under the 512 at which Chromium's HTML parser
 * stops nesting. Real formulas nest a handful of levels.
 */
export const MAX_NESTING = 40;

// Commands that link, style, load or define: `trust: false` already stops the first four kinds
// from producing a link or style, but KaTeX still prints them as red source text. Refusing them
// up front keeps that text out, and keeps macro bombs away from KaTeX altogether.
const REFUSED_COMMANDS: ReadonlySet<string> = new Set([
  'href', 'url', 'includegraphics', 'htmlClass', 'htmlId', 'htmlStyle', 'htmlData',
  'def', 'gdef', 'edef', 'xdef', 'let', 'futurelet', 'global',
  'newcommand', 'renewcommand', 'providecommand',
]);

// Untrusted input: no trusted commands; sizes (\rule, \kern) clamped to 10em; at most 500
// macro expansions (a `\def\a{\a\a}\a` bomb stops with "Too many expansions"); LaTeX-compat
// complaints (Unicode such as θ or 中文 in math mode) ignored rather than thrown or logged.
const UNTRUSTED = { trust: false, strict: 'ignore', maxSize: 10, maxExpand: 500 } as const;

// Real formulas get MathML beside the HTML so that screen readers can read them: on the seeds
// that adds 24% (17 KB) to their markup. Placeholders are most renders (136 of 193 on the seeds)
// and their accessible name is the wrapper's aria-label on role="img", so MathML would be read by
// no one and would add 53% (57 KB): they get HTML only. (`node --import tsx bench/render.ts`)
const FORMULA_OPTIONS: KatexOptions = { ...UNTRUSTED, output: 'htmlAndMathml' };
const PLACEHOLDER_OPTIONS: KatexOptions = { ...UNTRUSTED, output: 'html' };
const formulaKatex = unified().use(rehypeKatex, FORMULA_OPTIONS).freeze();
const placeholderKatex = unified().use(rehypeKatex, PLACEHOLDER_OPTIONS).freeze();

/** Everything that shapes KaTeX's output, for RENDERER_VERSION. */
export const TYPESET_SETTINGS = {
  katex: katex.version,
  formula: FORMULA_OPTIONS,
  placeholder: PLACEHOLDER_OPTIONS,
  glyph: PLACEHOLDER_TEX,
  texMax: TEX_MAX,
  maxNesting: MAX_NESTING,
  refused: [...REFUSED_COMMANDS],
};

// Most of the cost is rehype-katex re-parsing KaTeX's HTML into hast, so each distinct
// (display, TeX) is rendered once and its frozen hast shared. Hostile input could make every
// string distinct, so the cache is first-in-first-out with a cap on entries and on TeX length.
const CACHE_ENTRIES = 1000;
const CACHE_TEX_CHARS = 100_000;
const cache = new Map<string, Typeset>();
const counters = { texChars: 0, hits: 0, misses: 0 };

export interface TypesetCacheStats {
  entries: number;
  texChars: number;
  hits: number;
  misses: number;
}

export function typesetCacheStats(): TypesetCacheStats {
  return { entries: cache.size, ...counters };
}

export function typesetFormula(tex: string, display: boolean): Typeset {
  if (tex.length > TEX_MAX) {
    return { ok: false, rule: 'tex-refused', reason: `longer than ${TEX_MAX} characters` };
  }
  const refused = refusedCommand(tex);
  if (refused !== undefined) {
    return { ok: false, rule: 'tex-refused', reason: `\\${refused} is not rendered from untrusted text` };
  }
  if (nestingOf(tex) > MAX_NESTING) {
    return { ok: false, rule: 'tex-refused', reason: `groups nested more than ${MAX_NESTING} deep` };
  }
  return cached(`${display ? 'D' : 'I'}${tex}`, () => typeset(formulaKatex, tex, display));
}

export function typesetPlaceholder(display: boolean): Typeset {
  return cached(display ? 'PD' : 'PI', () => typeset(placeholderKatex, PLACEHOLDER_TEX, display));
}

function refusedCommand(tex: string): string | undefined {
  for (const [, name] of tex.matchAll(/\\([A-Za-z]+)/g)) {
    if (name !== undefined && REFUSED_COMMANDS.has(name)) return name;
  }
  return undefined;
}

function nestingOf(tex: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [token] of tex.matchAll(/\\(?:left|right|begin|end)(?![A-Za-z])|\\.|[{}]/g)) {
    if (token === '{' || token === '\\left' || token === '\\begin') deepest = Math.max(deepest, ++depth);
    else if (token === '}' || token === '\\right' || token === '\\end') depth--;
  }
  return deepest;
}

function cached(key: string, render: () => Typeset): Typeset {
  const known = cache.get(key);
  if (known !== undefined) {
    counters.hits++;
    return known;
  }
  counters.misses++;
  const result = render();
  while (cache.size >= CACHE_ENTRIES || (cache.size > 0 && counters.texChars + key.length > CACHE_TEX_CHARS)) {
    const oldest = cache.keys().next();
    if (oldest.done === true) break;
    cache.delete(oldest.value);
    counters.texChars -= oldest.value.length;
  }
  cache.set(key, result);
  counters.texChars += key.length;
  return result;
}

function typeset(processor: typeof formulaKatex, tex: string, display: boolean): Typeset {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
        children: [{ type: 'text', value: tex }],
      },
    ],
  };
  const file = new VFile();
  try {
    processor.runSync(tree, file);
  } catch (error) {
    return { ok: false, rule: 'katex', reason: describe(error) };
  }
  // rehype-katex records a message and renders a red `katex-error` span instead of throwing;
  // the message is our signal to drop that span and fall back to the source text.
  const failure = file.messages[0];
  if (failure !== undefined) return { ok: false, rule: 'katex', reason: describe(failure.cause ?? failure) };
  return { ok: true, nodes: tree.children.map(settle) as ElementContent[] };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // KaTeX underlines the offending character with U+0332, which reads as noise in a log line.
  return message.replace(/^KaTeX parse error: /, '').replaceAll('\u0332', '');
}

/** Drops positions (they point into a throwaway string) and freezes: cached nodes are shared. */
function settle<T extends Root['children'][number]>(node: T): T {
  delete node.position;
  if ('children' in node) node.children.forEach(settle);
  return Object.freeze(node);
}
