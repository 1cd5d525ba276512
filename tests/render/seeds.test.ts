import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderExcerpt } from '../../src/render/index.ts';
import { PLACEHOLDERS } from '../../src/model.ts';
import { segmentExcerpt } from '../../src/render/segment.ts';
import { FEEDS, SEED_DROPS } from '../seeds.ts';
import { assertTextPreserved } from './text-preserved.ts';

// Raw lines, markers and `...` included (the render stage must cope with any text it is
// given), without the header and the pagination lines.
const SEED_LINES = SEED_DROPS.flatMap((drop) =>
  readFileSync(join(FEEDS, `${drop}.txt`), 'utf8')
    .split('\n')
    .slice(3)
    .filter((line) => line.trim() !== '' && !/^[\d\s]+$/.test(line)),
);

const count = (text: string, needle: string): number => text.split(needle).length - 1;
const placeholdersIn = (text: string): number => PLACEHOLDERS.reduce((n, p) => n + count(text, p), 0);

test('every seed line keeps its text, and its placeholders become glyphs', () => {
  assert.equal(SEED_LINES.length, 60);
  for (const line of SEED_LINES) {
    const { html, diagnostics } = renderExcerpt(line);
    assert.equal(count(html, 'class="math-placeholder'), placeholdersIn(line), line);
    assert.doesNotMatch(html.replace(/<[^>]*>/g, ''), /\[Math\]|\[公式\]|\[Formula\]/, line);
    assert.doesNotMatch(html, /katex-error/, line);
    assert.deepEqual(diagnostics, [], line);
    assertTextPreserved(line, 'block');
  }
});

test('every placeholder and TeX segment in the seeds is typeset', () => {
  let placeholders = 0;
  let formulas = 0;
  let typeset = 0;
  for (const line of SEED_LINES) {
    const segments = segmentExcerpt(line, 'block');
    placeholders += segments.filter((s) => s.kind === 'placeholder').length;
    formulas += segments.filter((s) => s.kind === 'tex').length;
    typeset += count(renderExcerpt(line).html, 'class="katex"');
  }
  assert.equal(placeholders, 136);
  assert.ok(formulas > 0);
  assert.equal(typeset, placeholders + formulas);
});
