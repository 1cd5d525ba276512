import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { RENDERER_VERSION, renderExcerpt, renderInline } from '../../src/render/index.ts';
import { describeExcerpt } from '../../src/articles/index.ts';
import { excerptTree } from '../../src/render/mdast.ts';
import { excerptProcessor, renderText } from '../../src/render/pipeline.ts';
import { segmentExcerpt } from '../../src/render/segment.ts';
import { typesetCacheStats } from '../../src/render/typeset.ts';
import { VFile } from 'vfile';
import { generateCorpus } from '../../bench/generate.ts';
import { assertTextPreserved } from './text-preserved.ts';

const count = (html: string, needle: string): number => html.split(needle).length - 1;
const LABEL = '公式未收录 / formula not in source';

test('each placeholder becomes exactly one math-placeholder element', () => {
  const { html } = renderExcerpt('复杂度是 [Math] ;三个矩阵连乘 [Math] ,如下: [公式] 其中 [Formula] 与');
  assert.equal(count(html, 'class="math-placeholder'), 4);
  assert.doesNotMatch(html, /\[Math\]|\[公式\]|\[Formula\]/);
});

test('a placeholder is a typeset glyph named for assistive technology and a tooltip', () => {
  const { html } = renderExcerpt('复杂度是 [Math] ;');
  assert.match(html, /<span class="math-placeholder math-placeholder--inline" role="img" title="([^"]+)" aria-label="([^"]+)"><span class="katex">/);
  assert.equal(count(html, `title="${LABEL}"`), 1);
  assert.equal(count(html, `aria-label="${LABEL}"`), 1);
});

test('a placeholder that stands alone is a display block between paragraphs', () => {
  const { html } = renderExcerpt('前向过程: [公式] 相信很多读者');
  assert.match(html, /^<p>前向过程: <\/p><div class="math-placeholder math-placeholder--display" role="img"[^>]*><span class="katex-display">/);
  assert.match(html, /<\/div><p> 相信很多读者<\/p>$/);
});

test('every placeholder of a kind renders the same glyph', () => {
  const { html } = renderExcerpt('a [Math] b [Math] c');
  const glyphs = html.match(/<span class="math-placeholder[^]*?<\/span><\/span><\/span><\/span>/g) ?? [];
  assert.equal(glyphs.length, 2);
  assert.equal(glyphs[0], glyphs[1]);
});

test('delimited TeX is typeset by KaTeX, with MathML for screen readers', () => {
  const { html, diagnostics } = renderExcerpt('任何类型的观察数据(例如 \\(D\\) )与 \\[\\mathop{min}\\limits_{\\theta\\in M}d(p_\\theta,p_{data})\\] 其中');
  assert.equal(count(html, 'class="katex"'), 2);
  assert.equal(count(html, 'class="katex-display"'), 1);
  assert.match(html, /<annotation encoding="application\/x-tex">D<\/annotation>/);
  assert.deepEqual(diagnostics, []);
});

test('loose TeX that KaTeX accepts is typeset, and what it rejects stays text quietly', () => {
  const { html, diagnostics } = renderExcerpt('其中包含问题 x_i 和对应的真实答案 y^_i ,目标');
  assert.equal(count(html, 'class="katex"'), 1);
  assert.match(html, / y\^_i ,目标<\/p>$/);
  assert.deepEqual(diagnostics, []);
});

test('Markdown stays literal: no list, emphasis, heading, quote, code or link', () => {
  const text = '1. 提出 *a* _b_ **c** # h > q `code` [x](y) ![i](j) --- <https://x.y>';
  const { html } = renderExcerpt(text);
  assert.equal(html, `<p>${text.replace('<', '&lt;')}</p>`);
});

test('HTML stays literal text', () => {
  const { html } = renderExcerpt('<script>alert(1)</script> & <img src=x onerror=alert(1)>');
  assert.equal(html, '<p>&lt;script>alert(1)&lt;/script> &amp; &lt;img src=x onerror=alert(1)></p>');
});

test('a truncated delimiter at the end stays literal', () => {
  const { html, diagnostics } = renderExcerpt('输入的2-D图像记为 \\(x\\in');
  assert.equal(html, '<p>输入的2-D图像记为 \\(x\\in</p>');
  assert.deepEqual(diagnostics, []);
});

test('TeX that KaTeX rejects is shown as its source, with a render:katex warning', () => {
  const { html, diagnostics } = renderExcerpt('坏的 \\(x^\\) 公式');
  assert.equal(html, '<p>坏的 \\(x^\\) 公式</p>');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.severity, 'warning');
  assert.equal(diagnostics[0]?.rule, 'render:katex');
  assert.match(diagnostics[0]?.message ?? '', /\\\(x\^\\\)/);
});

test('rejected display TeX falls back to a paragraph of its source', () => {
  const { html } = renderExcerpt('如下: \\[x^\\] 其中');
  assert.equal(html, '<p>如下: </p><p>\\[x^\\]</p><p> 其中</p>');
});

test('links, styles, images and macro definitions in TeX are refused and shown as text', () => {
  const hostile = [
    '\\href{javascript:alert(1)}{x}',
    '\\url{javascript:alert(1)}',
    '\\htmlStyle{color:red;background:url(x)}{x}',
    '\\includegraphics{https://x.y/a.png}',
    '\\def\\a{\\a\\a}\\a',
    '\\newcommand{\\b}{\\b\\b}\\b',
  ];
  for (const tex of hostile) {
    const { html, diagnostics } = renderExcerpt(`a \\(${tex}\\) b`);
    assert.doesNotMatch(html, /href=|<img|<a |style=|katex-error|class="katex"/, tex);
    assert.deepEqual(diagnostics.map((d) => d.rule), ['render:tex-refused'], tex);
  }
});

test('no reader ever sees a katex-error box', () => {
  for (const text of ['\\(\\frac{\\)', '\\(\\unknowncommand\\)', '\\(}\\)', '\\[\\left(\\]', 'x_{']) {
    assert.doesNotMatch(renderExcerpt(text).html, /katex-error/, text);
  }
});

test('5,000 nested braces are refused as too long instead of reaching KaTeX', () => {
  const text = `\\(${'{'.repeat(5000)}x${'}'.repeat(5000)}\\)`;
  const { html, diagnostics } = renderExcerpt(text);
  assert.equal(html, `<p>${text}</p>`);
  assert.deepEqual(diagnostics.map((d) => d.rule), ['render:tex-refused']);
});

test('hostile lines render inert and keep their text', () => {
  for (const text of ['\\('.repeat(20_000), '[Math'.repeat(10_000), `${'{'.repeat(5000)}x_1${'}'.repeat(5000)}`]) {
    const { html } = renderExcerpt(text);
    assert.equal(html, `<p>${text}</p>`);
  }
});

test('the same input gives identical output', () => {
  const text = '如下: [公式] 其中 [Math] 与 \\(x_i\\) 及 p_{data} 和 \\(x^\\)';
  assert.deepEqual(renderExcerpt(text), renderExcerpt(text));
  assert.deepEqual(renderInline(text), renderInline(text));
});

test('text outside math comes out exactly as it went in', () => {
  const text = '  1. 前向 *过程*: [公式] 相信 [Math] \\(D\\) x_i y^_i \\[y\\] \\(x^\\) <b>&amp;</b>  ';
  assert.equal(assertTextPreserved(text, 'block'), 5);
  assert.equal(assertTextPreserved(text, 'inline'), 5);
});

test('renderInline has no paragraph and keeps every formula inline', () => {
  const { html } = renderInline('标题: [公式] 其中 \\[y\\] 与 [Math]');
  assert.doesNotMatch(html, /<p>|<div|katex-display|--display/);
  assert.equal(count(html, 'math-placeholder--inline'), 2);
  assert.equal(count(html, 'class="katex"'), 3);
});

test('renderInline shows rejected TeX as text, without a paragraph', () => {
  assert.equal(renderInline('坏的 \\[x^\\] 公式').html, '坏的 \\[x^\\] 公式');
  assert.equal(renderInline('\\def\\a{\\a\\a}\\a').html, '\\def\\a{\\a\\a}\\a');
});

test('empty text renders to nothing', () => {
  assert.deepEqual(renderExcerpt(''), { html: '', diagnostics: [] });
  assert.deepEqual(renderInline(''), { html: '', diagnostics: [] });
});

test('each distinct TeX string is typeset once per process', () => {
  const text = '重复 \\(q_{cache}\\) 与 [Math] 和 \\(q_{cache}\\)';
  renderExcerpt(text);
  const before = typesetCacheStats().misses;
  renderExcerpt(text);
  renderInline(text);
  assert.equal(typesetCacheStats().misses, before);
});

test('the typeset cache stays bounded when every formula is different', () => {
  for (let i = 0; i < 1500; i++) renderExcerpt(`\\(x_{${i}}\\)`);
  const { entries, texChars } = typesetCacheStats();
  assert.ok(entries <= 1000, `${entries} entries`);
  assert.ok(texChars <= 100_000, `${texChars} characters`);
});

test('RENDERER_VERSION names the KaTeX version and a fingerprint of the options', () => {
  assert.match(RENDERER_VERSION, /^katex-\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  assert.ok(RENDERER_VERSION.startsWith(`katex-${katex.version}+`));
});

test('text without a formula renders as unified would, without running it', () => {
  const throughUnified = (text: string, layout: 'block' | 'inline') =>
    excerptProcessor.stringify(excerptProcessor.runSync(excerptTree(segmentExcerpt(text, layout), layout), new VFile({ value: text })));
  const texts = generateCorpus({ articles: 300, seed: 3 }).articles.flatMap(({ text }) => {
    const { title, summary } = describeExcerpt(text);
    return [text, title, summary];
  });
  const hostile = ['', '   ', '<script>alert(1)</script> & "quotes" \u00a0', '第一段\n\n第二段', '* 列表\n# 标题', '&amp; &lt;', '\u0000\uffff'];
  let plain = 0;
  for (const text of [...texts, ...hostile]) {
    for (const layout of ['block', 'inline'] as const) {
      const rendered = renderText(text, layout);
      assert.equal(rendered.html, throughUnified(text, layout), `${layout}: ${text.slice(0, 40)}`);
      if (!rendered.html.includes('katex') && !rendered.html.includes('math-placeholder')) plain++;
    }
  }
  assert.ok(plain > 200, `the shortcut was taken (${plain} times)`);
});
