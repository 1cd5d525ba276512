import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeTex, scanLooseTex } from '../../src/render/loose-tex.ts';

const found = (text: string): string[] =>
  scanLooseTex(text).parts.flatMap((p) => (p.kind === 'tex' ? [p.tex] : []));

test('subscripts, superscripts and braces that read as math are TeX', () => {
  for (const tex of ['x_i', 'p_{data}', 'a_{i,j}', 'n^2', 'P_0', 'e^x', 'y^*', 'r_{t+1}', 'x_1w_1', 'x_nw_n']) {
    assert.ok(looksLikeTex(tex), tex);
  }
});

test('formulas with operators, brackets and escaped braces are TeX', () => {
  for (const tex of ['f(x)=[x_1,x_2,...,x_n]^T', 'O(n^2)', '\\{x_i\\}_{i=1}^n', 'w=\\{3, 4\\}', '∃a_{i,j}≠0']) {
    assert.ok(looksLikeTex(tex), tex);
  }
});

test('identifiers and words with underscores stay text', () => {
  for (const text of ['N_RF', 'max_len', 'score_function', '__init__', 'snake_case_name', 'log_2', 'var^2']) {
    assert.equal(looksLikeTex(text), false, text);
  }
});

test('scripts that would read wrongly without braces stay text', () => {
  for (const text of ['x_12', '2^10', 'x_iy']) assert.equal(looksLikeTex(text), false, text);
});

test('scrape damage y^_i stays text rather than being guessed at', () => {
  assert.equal(looksLikeTex('y^_i'), false);
  assert.equal(looksLikeTex('D = \\{(x_i, y^_i)\\}_{i=1}^n'), false);
  assert.deepEqual(found('给定训练数据集 D = \\{(x_i, y^_i)\\}_{i=1}^n ,其中'), []);
});

test('unbalanced brackets and dangling scripts stay text', () => {
  for (const text of ['(x_i', 'x_i}', 'x_', 'y^', '_i', 'x^(2)', '\\(x']) {
    assert.equal(looksLikeTex(text), false, text);
  }
});

test('loose TeX is found between Chinese words, without its sentence punctuation', () => {
  assert.deepEqual(found('其中包含问题 x_i 和对应的 p_{data}. 然后'), ['x_i', 'p_{data}']);
  assert.deepEqual(found('经验样本 (s_0, r_1, ..., s_{t+1}, ...) ,TD算法'), ['(s_0, r_1, ..., s_{t+1}, ...)']);
  assert.deepEqual(found('设 f(x, y) = x^2 + y^2 ,分别计算'), ['f(x, y) = x^2 + y^2']);
});

test('a formula inside prose is cut out of the prose', () => {
  assert.deepEqual(found('the score x_i is high'), ['x_i']);
  assert.deepEqual(found('x_1w_1 + x_2w_2 T 0 xw +b 0'), ['x_1w_1', 'x_2w_2']);
});

test('operands separated only by a space are not one formula, since TeX would join them', () => {
  assert.equal(looksLikeTex('x_n T 0'), false);
  assert.equal(looksLikeTex('2 x_i'), false);
  assert.ok(looksLikeTex('z = (z_1, z_2, ..., z_m)'));
});

test('what loose TeX leaves as text is reported as rejected', () => {
  assert.deepEqual(scanLooseTex('记住N_RF只是 y^_i ,目标').rejected, ['N_RF', 'y^_i']);
});

test('a run longer than the limit stays text', () => {
  const text = `${'{'.repeat(5000)}x_1${'}'.repeat(5000)}`;
  assert.deepEqual(scanLooseTex(text).parts, [{ kind: 'text', value: text }]);
});
