import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDrop } from '../../src/ingest/index.ts';
import { renderExcerpt, renderInline } from '../../src/render/index.ts';
import { buildDigest } from '../../src/site/digest.ts';
import { assertTextPreserved } from '../render/text-preserved.ts';
import { nestingError, scanTags, unsafeMarkup } from './html-scan.ts';

const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
/** What TextEncoder writes for a string: a lone surrogate becomes U+FFFD. */
const wellFormed = (text: string): string => text.replace(/\p{Surrogate}/gu, '\uFFFD');

// What the renderer and KaTeX emit (seen on the seeds and on a wide sample of KaTeX's commands).
// Anything else in the output would have come from the input.
const RENDERED_TAGS = new Set([
  'p', 'div', 'span', 'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace',
  'mpadded', 'mphantom', 'mstyle', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup', 'msubsup', 'munder', 'mover',
  'munderover', 'mtable', 'mtr', 'mtd', 'menclose', 'svg', 'path', 'line',
]);
const RENDERED_ATTRIBUTES = new Set([
  'class', 'style', 'role', 'title', 'aria-label', 'aria-hidden', 'xmlns', 'display', 'encoding', 'mathvariant',
  'fence', 'maxsize', 'minsize', 'stretchy', 'separator', 'accent', 'accentunder', 'lspace', 'rspace', 'depth',
  'height', 'width', 'voffset', 'mathbackground', 'mathcolor', 'mathsize', 'displaystyle', 'scriptlevel',
  'linethickness', 'notation', 'columnalign', 'columnlines', 'columnspacing', 'rowlines', 'rowspacing', 'rowalign',
  'linebreak', 'viewbox', 'preserveaspectratio', 'd', 'stroke-width', 'x1', 'x2', 'y1', 'y2',
]);

function assertEarned(html: string, input: string): void {
  const tags = scanTags(html);
  const label = JSON.stringify(input.slice(0, 200));
  assert.equal(nestingError(tags), null, label);
  assert.deepEqual(unsafeMarkup(tags), [], label);
  for (const tag of tags) {
    assert.ok(RENDERED_TAGS.has(tag.name), `<${tag.name}> from ${label}`);
    for (const name of tag.attributes.keys()) assert.ok(RENDERED_ATTRIBUTES.has(name), `${name}= on <${tag.name}> from ${label}`);
  }
  assert.doesNotMatch(html, /katex-error/, label);
}

function assertRenderedSafely(text: string): void {
  for (const layout of ['block', 'inline'] as const) {
    const { html } = layout === 'block' ? renderExcerpt(text) : renderInline(text);
    assertEarned(html, text);
    assertTextPreserved(text, layout);
  }
}

const HOSTILE_FRAGMENTS = [
  '[Math]', '[公式]', '[Formula]', '[Math', '\\(', '\\)', '\\[', '\\]', '$', '$$', '{{', '}}', '{% raw %}', '{%- include \'x\' -%}',
  '${process.exit()}', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '</textarea>',
  '[x](javascript:alert(1))', 'javascript:', '🔖 ', '💡', '&amp;', '&#60;', '"', "'", '`', 'x_i', 'p_{data}', 'n^2', '_', '^',
  '{', '}', '\\', '\\href{javascript:alert(1)}{x}', '\\url{javascript:x}', '\\htmlStyle{color:red}{x}', '\\def\\a{\\a\\a}\\a',
  '...', '…', ' ', '\t', '\u00a0', '\u200b', '\u202e', '\ufeff', '中文', '。', ':', '其中', '1 2',
];

/** Random Unicode (whole graphemes and lone surrogates alike) cut with the fragments above. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(...HOSTILE_FRAGMENTS),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

test('random bytes as a whole file: parseDrop and the pipeline after it never throw, and every place is a real line', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.uint8Array({ maxLength: 3000 }).map((tail) => new Uint8Array([...encode(HEADER), ...tail])),
    fc.tuple(hostileText, fc.uint8Array({ maxLength: 40 })).map(([text, junk]) => new Uint8Array([...encode(`${HEADER}${text}\n`), ...junk])),
  );
  fc.assert(
    fc.property(bytes, (file) => {
      const drop = parseDrop('random.txt', file);
      const lines = new TextDecoder().decode(file).split(/\r\n|\r|\n/).length;
      for (const diagnostic of drop.diagnostics) {
        assert.ok(diagnostic.line === null || (diagnostic.line >= 1 && diagnostic.line <= lines), `line ${diagnostic.line} of ${lines}`);
      }
      for (const entry of drop.entries) {
        assert.ok(entry.text.trim() !== '');
        assert.doesNotMatch(entry.text, /[\u0000-\u0008\u000A-\u001F\u007F]/);
      }
      const digest = buildDigest([drop]);
      const texts = new Set(drop.entries.map((entry) => entry.text));
      for (const article of digest.articles) assert.ok(texts.has(article.text), 'an article keeps the text of one of its entries');
    }),
    { numRuns: 300 },
  );
});

// A line that parses to itself: no leading marker, no trailing cut, not a page number, no line break.
const plainLine = hostileText
  .map((text) => text.replace(/[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
  .filter((line) => line !== '' && !/^[\d\s]+$/.test(line) && !/^(?:💡|🔖)/u.test(line) && !/(?:\.{3,}|…)$/u.test(line));

test('random Unicode lines come back as entries, one per line, with their text and line number', () => {
  const encodings = fc.constantFrom('utf-8', 'utf-16le', 'crlf', 'cr');
  fc.assert(
    fc.property(fc.array(plainLine, { minLength: 1, maxLength: 8 }), encodings, (lines, encoding) => {
      const text = `${HEADER}${lines.join('\n')}\n`;
      const bytes =
        encoding === 'utf-16le'
          ? new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
          : encode(encoding === 'crlf' ? text.replaceAll('\n', '\r\n') : encoding === 'cr' ? text.replaceAll('\n', '\r') : text);
      const drop = parseDrop('lines.txt', bytes);
      const written = lines.map((line) => wellFormed(line).trim());
      assert.deepEqual(drop.entries.map((entry) => [entry.line, entry.text]), written.map((line, i) => [4 + i, line]));
    }),
    { numRuns: 300 },
  );
});

test('NUL and control characters anywhere in a line are removed, the rest kept, and the line named', () => {
  const control = fc.integer({ min: 0, max: 0x1f }).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)).map((code) => String.fromCharCode(code));
  fc.assert(
    fc.property(plainLine, fc.array(fc.tuple(fc.nat(), control), { minLength: 1, maxLength: 5 }), (line, inserts) => {
      // Inserted between code points: a NUL inside a surrogate pair would break the pair in the file too.
      const points = Array.from(line);
      for (const [at, char] of inserts) points.splice(at % (points.length + 1), 0, char);
      const damaged = points.join('');
      const drop = parseDrop('control.txt', encode(`${HEADER}${damaged}\n`));
      const expected = wellFormed(damaged.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')).trim();
      fc.pre(expected !== '' && !/^[\d\s]+$/.test(expected) && !/^(?:💡|🔖)/u.test(expected) && !/(?:\.{3,}|…)$/u.test(expected));
      assert.deepEqual(drop.entries.map((entry) => entry.text), [expected]);
      assert.ok(drop.diagnostics.some((d) => d.line === 4 && d.rule === 'ingest:control'));
    }),
    { numRuns: 300 },
  );
});

test('random Unicode mixed with markup, template syntax and TeX renders without throwing, earns every tag and keeps its text', () => {
  fc.assert(fc.property(hostileText, assertRenderedSafely), { numRuns: 400 });
});

// Well-formed and broken TeX alike, with the commands that link, style, define or nest.
const COMMANDS = [
  '\\sqrt', '\\mathrm', '\\text', '\\mathbb', '\\overline', '\\hat', '\\vec', '\\boxed', '\\color{red}', '\\textcolor{#f00}',
  '\\operatorname', '\\underbrace', '\\xrightarrow', '\\cancel', '\\phantom', '\\href{javascript:alert(1)}',
  '\\url', '\\htmlStyle{color:red}', '\\htmlClass{x}', '\\htmlId{x}', '\\htmlData{on=alert(1)}', '\\includegraphics',
  '\\def\\a', '\\newcommand{\\a}', '\\char', '\\verb', '\\raisebox{1em}', '\\rule{9999em}', '\\kern9999em', '\\fbox',
];
const ATOMS = ['x', 'y_i', '2^n', '\\alpha', '\\infty', '+', '=', '中', '<', '>', '&', '\\\\', '"', "'", '\\{', '\\}', '|', ' ', '%', '#', '~', '\\,', '[Math]', '\\(', '$'];

const { formula } = fc.letrec((tie) => ({
  formula: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    tie('sequence'),
    fc.tuple(fc.constantFrom(...COMMANDS), tie('formula')).map(([command, body]) => `${command}{${body}}`),
    fc.tuple(tie('formula'), tie('formula')).map(([a, b]) => `\\frac{${a}}{${b}}`),
    fc.tuple(tie('formula'), fc.constantFrom('^', '_'), tie('formula')).map(([a, mark, b]) => `{${a}}${mark}{${b}}`),
    tie('formula').map((body) => `\\left(${body}\\right)`),
    tie('formula').map((body) => `\\begin{matrix}${body}&${body}\\\\${body}\\end{matrix}`),
    fc.constantFrom('{', '}', '\\begin{matrix}', '\\end{cases}', '\\left(', '\\right]', '^', '_'),
  ),
  sequence: fc.array(tie('formula'), { maxLength: 4 }).map((parts) => parts.join('')),
}));

test('random TeX, delimited or loose, renders without throwing, earns every tag and keeps its text', () => {
  const excerpt = fc
    .tuple(fc.constantFrom(['\\(', '\\)'], ['\\[', '\\]'], ['', '']), formula, fc.string({ unit: 'grapheme', maxLength: 8 }))
    .map(([[open, close], tex, prose]) => `${prose} ${open}${tex}${close} ${prose}`);
  fc.assert(fc.property(excerpt, assertRenderedSafely), { numRuns: 400 });
});

test('TeX nested deeper than any formula is refused and shown as its source text, for every kind of nesting', () => {
  const nesting = fc.constantFrom(['{', '}'], ['x^{', '}'], ['\\sqrt{', '}'], ['\\frac{', '}{y}'], ['\\left(', '\\right)'], ['\\boxed{', '}']);
  fc.assert(
    fc.property(nesting, fc.integer({ min: 41, max: 400 }), ([open, close], depth) => {
      const tex = `${open.repeat(depth)}x${close.repeat(depth)}`;
      fc.pre(tex.length <= 2000);
      const text = `深 \\(${tex}\\) 尾`;
      assertRenderedSafely(text);
      const { html, diagnostics } = renderExcerpt(text);
      assert.doesNotMatch(html, /class="katex/);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.rule), ['render:tex-refused']);
    }),
    { numRuns: 60 },
  );
});
