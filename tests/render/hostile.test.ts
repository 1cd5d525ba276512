import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { renderExcerpt, renderInline } from '../../src/render/index.ts';
import { FIXTURES } from '../seeds.ts';
import { assertTextPreserved } from './text-preserved.ts';

const HOSTILE_LINES = readFileSync(join(FIXTURES, 'render', 'hostile.txt'), 'utf8').split('\n').filter(Boolean);

// Text is always escaped, so every `<` in the output opens a tag we built.
const TAGS = /<[^>]*>/g;
const tagsOf = (html: string): string => (html.match(TAGS) ?? []).join('');

function assertInert(html: string, input: string): void {
  assert.doesNotMatch(html, /<script/i, input);
  const tags = tagsOf(html);
  assert.doesNotMatch(tags, /\son\w+=/i, input);
  assert.doesNotMatch(tags, /javascript:|href=|src=|<a[\s>]|<img/i, input);
  assert.doesNotMatch(tags, /style="[^"]*(color:red|background|url\()/i, input);
  assert.doesNotMatch(html, /katex-error/, input);
}

test('hostile fixture lines render inert, keep their text, and never show an error box', () => {
  for (const line of HOSTILE_LINES) {
    assertInert(renderExcerpt(line).html, line);
    assertInert(renderInline(line).html, line);
    assertTextPreserved(line, 'block');
  }
});

test('for random strings renderExcerpt never throws and emits no script, handler or javascript: URL', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      fc.pre(!/javascript:|\son\w+=|<script/i.test(text));
      const { html } = renderExcerpt(text);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /\son\w+=/i);
      assert.doesNotMatch(html, /javascript:/i);
    }),
    { numRuns: 500 },
  );
});

// Pieces of markup, TeX and placeholders, so that random strings hit the interesting paths.
const FRAGMENTS = [
  '\\(', '\\)', '\\[', '\\]', '[Math]', '[公式]', '[Formula]', '[Math', 'x_i', 'p_{data}', 'n^2',
  '_', '^', '{', '}', '\\', '$', '*', '`', '#', '> ', '1. ', '[x](y)', '<script>', '<b>', '&amp;',
  ' onerror=alert(1)', '\\href{javascript:alert(1)}{x}', '\\htmlStyle{color:red}{x}',
  '\\def\\a{\\a\\a}\\a', '\\frac{a}{b}', '\\mathrm{d}', ' ', '\n', ':', '。', ',', '其中', '中文', 'a', 'T',
];

test('for random mixes of markup, TeX and placeholders the output is inert, stable and text-preserving', () => {
  const mixes = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(mixes, (text) => {
      const block = renderExcerpt(text);
      const inline = renderInline(text);
      assertInert(block.html, text);
      assertInert(inline.html, text);
      assert.doesNotMatch(inline.html, /<p>|<div/);
      assert.deepEqual(renderExcerpt(text), block);
      assertTextPreserved(text, 'block');
      assertTextPreserved(text, 'inline');
    }),
    { numRuns: 400 },
  );
});
