import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLeadingHeadings } from '../../src/articles/headings.ts';
import { deriveSummary, SUMMARY_WIDTH } from '../../src/articles/summary.ts';
import { displayWidth } from '../../src/articles/text.ts';
import { readDrops } from '../../src/ingest/index.ts';
import { FEEDS } from '../seeds.ts';

const seedTexts = (await readDrops(FEEDS)).flatMap((drop) => drop.entries.map((entry) => entry.text));
const seedOpening = (opening: string): string => {
  const text = seedTexts.find((candidate) => candidate.startsWith(opening));
  assert.ok(text !== undefined, `a seed article opens with ${opening}`);
  return text;
};
// Long enough that no summary can hold it whole.
const TAIL = '后面还有很多很多内容'.repeat(20);

test('the summary of a seed article is its first two sentences, without the heading', () => {
  assert.equal(
    deriveSummary(seedOpening('摘掉Softmax')),
    '制约Attention性能的关键因素,其实是定义里边的Softmax!事实上,简单地推导一下就可以得到这个结论。',
  );
  assert.equal(
    deriveSummary(seedOpening('引言 Trust Region')),
    'Trust Region Policy Optimization (TRPO) 是2015年的ICML会议上提出的一种强大的基于策略的强化学习算法。TRPO 解决了传统策略梯度方法中的一些关键问题,特别是训练不稳定和步长选择困难的问题。',
  );
});

test('a seed summary keeps TeX whole', () => {
  const summary = deriveSummary(seedOpening('简介 如果以概率的视角'));
  assert.equal(summary, '如果以概率的视角看待世界的生成模型。 在这样的世界观中,我们可以将任何类型的观察数据(例如 \\(D\\) )视为来自底层分布(例如 \\( p_{data}\\) )的有限样本集。');
});

test('every seed summary is within 120 CJK characters, starts past any generic heading and ends at a boundary', () => {
  for (const text of seedTexts) {
    const summary = deriveSummary(text);
    assert.ok(summary.length > 0 && displayWidth(summary) <= SUMMARY_WIDTH, summary);
    assert.doesNotMatch(summary, /^(?:概述|引言|简介|前言|问题引入|简短总结|基本概念|原理分析|问题定义)/u);
    assert.match(summary, /[。！？!?；;.…]["”’)）]*$/u, summary);
    assert.equal(summary.split('\\(').length, summary.split('\\)').length, summary);
    assert.doesNotMatch(summary, /https?:/u);
  }
});

test('the leading generic headings are dropped, however many there are', () => {
  assert.equal(deriveSummary(`原理分析 网络架构: 本文的任务是目标检测。${TAIL}`), '本文的任务是目标检测。');
  assert.equal(deriveSummary(`概述与理论背景 策略梯度很重要。${TAIL}`), '策略梯度很重要。');
  assert.equal(splitLeadingHeadings('概述 SSM的概念由来已久。').rest, 'SSM的概念由来已久。');
});

test('the sentence a Latin subject opens is kept whole', () => {
  assert.equal(deriveSummary(`Kimi k1.5采用了一种框架。${TAIL}`), 'Kimi k1.5采用了一种框架。');
  assert.equal(deriveSummary(`CLIP 不预先定义类别,直接训练。${TAIL}`), 'CLIP 不预先定义类别,直接训练。');
});

test('at most two sentences are kept', () => {
  assert.equal(deriveSummary(`第一句。第二句。第三句。${TAIL}`), '第一句。第二句。');
});

test('half-width ! ? ; after Chinese end sentences, as 。 does', () => {
  assert.equal(deriveSummary(`真的吗?是的!${TAIL}`), '真的吗?是的!');
  assert.equal(deriveSummary(`前半句;后半句;${TAIL}`), '前半句;后半句;');
});

test('a full stop ends a sentence only before white space, and not after a list number', () => {
  assert.equal(deriveSummary(`We use v1.5 here. It works. ${TAIL}`), 'We use v1.5 here. It works.');
  assert.equal(deriveSummary(`做到了什么: 1. 更快的速度。${TAIL}`), '做到了什么: 1. 更快的速度。');
});

test('sentence ends inside TeX do not end the summary', () => {
  assert.equal(deriveSummary(`设 \\(a; b. c\\) 为向量。${TAIL}`), '设 \\(a; b. c\\) 为向量。');
  assert.equal(deriveSummary(`设 $a; b$ 为向量。${TAIL}`), '设 $a; b$ 为向量。');
});

test('a summary prefers not to end on a placeholder', () => {
  assert.equal(deriveSummary(`复杂度很高。复杂度是 [Math] ;${TAIL}`), '复杂度很高。');
});

test('a sentence wider than the limit is cut at the last clause boundary and ends with …', () => {
  const clauses = Array.from({ length: 12 }, (_, i) => `第${i}个子句说了一些话`).join(',');
  const summary = deriveSummary(`${clauses}。`);
  assert.ok(summary.endsWith('说了一些话…'), summary);
  assert.ok(displayWidth(summary) <= SUMMARY_WIDTH);
});

test('the cut falls on a word boundary when there is no clause boundary, and never inside TeX or a placeholder', () => {
  const words = `${'word '.repeat(60)}end.`;
  assert.match(deriveSummary(words), /^(?:word )+word…$/u);
  const formulas = `${'看 \\(a, b\\) '.repeat(30)}。`;
  const summary = deriveSummary(formulas);
  assert.equal(summary.split('\\(').length, summary.split('\\)').length, summary);
  const placeholders = deriveSummary(`${'看 [Math] ,'.repeat(40)}。`);
  assert.ok(placeholders.endsWith('看…'), placeholders);
});

test('text short enough is its own summary; empty-ish text has none', () => {
  assert.equal(deriveSummary('概述 SSM很优雅'), 'SSM很优雅');
  for (const text of ['', '  ', '概述', '[Math]', '[公式] [Formula]', '\\(x\\)', '...']) {
    assert.equal(deriveSummary(text), '', JSON.stringify(text));
  }
});

test('links and emoji stay out of the summary, with the label that introduced a link', () => {
  assert.equal(deriveSummary('🚀 论文地址: https://arxiv.org/abs/1 这是一个模型。'), '这是一个模型。');
});

test('markup stays as text in the summary', () => {
  assert.equal(deriveSummary('<script>alert(1)</script>是一段脚本。'), '<script>alert(1)</script>是一段脚本。');
});

test('a 100 KB line gives a bounded summary', () => {
  for (const text of ['字'.repeat(100_000), '('.repeat(100_000), '\\('.repeat(50_000), `${'a,'.repeat(50_000)}`, '$'.repeat(100_000)]) {
    assert.ok(displayWidth(deriveSummary(text)) <= SUMMARY_WIDTH, text.slice(0, 10));
  }
});
