import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Segment, segmentExcerpt } from '../../src/render/segment.ts';

const sources = (segments: Segment[]): string[] =>
  segments.map((s) => (s.kind === 'text' ? s.value : s.source));
const math = (text: string, layout: 'block' | 'inline' = 'block') =>
  segmentExcerpt(text, layout).filter((s) => s.kind !== 'text');
const displayOf = (text: string): boolean[] =>
  math(text).flatMap((s) => (s.kind === 'placeholder' ? [s.display] : []));

test('segments put back together give the text exactly', () => {
  const text = '前 [Math] 中 \\(x\\) 后 [公式] 其中 \\[y\\] x_i 与 [Formula]';
  assert.equal(sources(segmentExcerpt(text, 'block')).join(''), text);
});

test('each of [Math], [公式] and [Formula] is one placeholder segment', () => {
  const found = math('a [Math] b [公式] c [Formula] d');
  assert.deepEqual(
    found.map((s) => (s.kind === 'placeholder' ? s.source : s.kind)),
    ['[Math]', '[公式]', '[Formula]'],
  );
});

test('\\( \\) is inline TeX and \\[ \\] is display TeX, without their delimiters', () => {
  assert.deepEqual(math('a \\(x^2\\) b \\[y\\] c'), [
    { kind: 'tex', source: '\\(x^2\\)', tex: 'x^2', display: false, loose: false },
    { kind: 'tex', source: '\\[y\\]', tex: 'y', display: true, loose: false },
  ]);
});

test('a delimiter cut off by truncation stays text', () => {
  assert.deepEqual(segmentExcerpt('输入的2-D图像记为 \\(x\\in', 'block'), [
    { kind: 'text', value: '输入的2-D图像记为 \\(x\\in' },
  ]);
});

test('an opener cut off before a later whole pair stays text, and the pair is still TeX', () => {
  const found = math('记为 \\(x\\in 其后 \\(D\\) 的');
  assert.deepEqual(found.map((s) => s.kind === 'tex' && s.tex), ['D']);
});

test('empty delimiters and delimiters around a placeholder stay text', () => {
  assert.deepEqual(math('a \\(\\) b \\( \\) c').length, 0);
  assert.deepEqual(sources(math('\\([Math]\\)')), ['[Math]']);
});

test('[公式] after a colon and before a new sentence is display', () => {
  assert.deepEqual(displayOf('我们用下述SDE描述前向过程: [公式] 相信很多读者都对SDE很陌生'), [true]);
  assert.deepEqual(displayOf('从而计算出RF。 [Formula] 其中,RF是感受野'), [true]);
  assert.deepEqual(displayOf('[公式] 开头'), [true]);
  assert.deepEqual(displayOf('结尾: [公式]'), [true]);
});

test('[公式] followed by a sentence opener is display even after a plain word', () => {
  assert.deepEqual(displayOf('应该选择指数函数 [公式] 首先,我们来看'), [true]);
});

test('[公式] inside a sentence is inline', () => {
  assert.deepEqual(displayOf('当 [公式] 时成立'), [false]);
  assert.deepEqual(displayOf('如下: [公式] ,其中'), [false]);
  assert.deepEqual(displayOf('定义 [公式] 可以推导出'), [false]);
});

test('two display placeholders in a row both stand alone', () => {
  assert.deepEqual(displayOf('如下: [公式] [Formula] 其中'), [true, true]);
});

test('[Math] is always inline', () => {
  assert.deepEqual(
    math('如下: [Math] 其中').map((s) => s.kind === 'placeholder' && s.display),
    [false],
  );
});

test('the inline layout makes every placeholder and display TeX inline', () => {
  assert.ok(math('如下: [公式] 其中 \\[y\\]', 'inline').every((s) => !s.display));
});

test('20,000 unclosed \\( stay one text segment', () => {
  const text = '\\('.repeat(20_000);
  assert.deepEqual(segmentExcerpt(text, 'block'), [{ kind: 'text', value: text }]);
});

test('only the last of 20,000 openers pairs with a closing \\)', () => {
  const found = math(`${'\\('.repeat(20_000)}x\\)`);
  assert.deepEqual(found.map((s) => s.kind === 'tex' && s.tex), ['x']);
});

test('10,000 unclosed [Math are text, and a whole [Math] after them is still found', () => {
  const text = `${'[Math'.repeat(10_000)}[Math]`;
  assert.deepEqual(sources(math(text)), ['[Math]']);
  assert.equal(sources(segmentExcerpt(text, 'block')).join(''), text);
});
