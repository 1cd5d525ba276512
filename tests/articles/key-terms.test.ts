import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractKeyTerms, MAX_KEY_TERMS, rankKeyTerms } from '../../src/articles/key-terms.ts';
import { readDrops } from '../../src/ingest/index.ts';
import { FEEDS } from '../seeds.ts';

const seedTexts = (await readDrops(FEEDS)).flatMap((drop) => drop.entries.map((entry) => entry.text));
const seedOpening = (opening: string): string => {
  const text = seedTexts.find((candidate) => candidate.startsWith(opening));
  assert.ok(text !== undefined, `a seed article opens with ${opening}`);
  return text;
};

test('the key terms of seed articles are their acronyms and names, the most salient first', () => {
  assert.deepEqual(extractKeyTerms(seedOpening('引言 DDPG')), ['DDPG', 'ActorCritic', 'DQN', 'Deterministic']);
  assert.deepEqual(extractKeyTerms(seedOpening('随机微分 在DDPM中')), ['SDE', 'DDPM', 'Stochastic Differential Equation']);
  assert.deepEqual(extractKeyTerms(seedOpening('摘掉Softmax')), ['Softmax', 'Attention']);
  assert.deepEqual(extractKeyTerms(seedOpening('概述 Kimi k1.5')), ['Kimi k1.5', 'CoT']);
});

test('multi-word names stay together', () => {
  const terms = extractKeyTerms(seedOpening('前言 首先看论文题目'));
  for (const name of ['Swin Transformer', 'Shifted Windows', 'Vision Transformer']) assert.ok(terms.includes(name), name);
  assert.ok(extractKeyTerms(seedOpening('引言 Trust Region')).includes('Trust Region Policy Optimization'));
  assert.ok(extractKeyTerms(seedOpening('概述 SD3 模型')).includes('Stable Diffusion 3'));
});

test('words the scrape glued together are kept as they appear', () => {
  assert.ok(extractKeyTerms(seedOpening('原理分析 网络架构:')).includes('Endtoend'));
  const actorCritic = extractKeyTerms(seedOpening('概述与理论背景 ActorCritic'));
  for (const glued of ['ActorCritic', 'policybased', 'valuebased']) assert.ok(actorCritic.includes(glued), glued);
});

test('terms dedupe case-insensitively and across plurals, keeping the first spelling', () => {
  assert.deepEqual(extractKeyTerms('先说Object detection,再说object detection和Object Detection。'), ['Object detection']);
  assert.deepEqual(extractKeyTerms('Transformers很强,Transformer很快。'), ['Transformers']);
  assert.deepEqual(extractKeyTerms('Actor-Critic和ActorCritic是一回事。'), ['Actor-Critic']);
});

test('an acronym that recurs outranks a word seen once; ties keep the order of appearance', () => {
  assert.deepEqual(extractKeyTerms('先看Softmax,再看DDPM,DDPM很好。'), ['DDPM', 'Softmax']);
  assert.deepEqual(extractKeyTerms('GAN和VAE都是生成模型。'), ['GAN', 'VAE']);
});

test('stop words, generic words, single letters and pure numbers are not terms', () => {
  assert.deepEqual(extractKeyTerms('the model of a paper is 42 and x 是 T 的 2022 data。'), []);
  assert.deepEqual(extractKeyTerms('Transformers are RNNs 这篇论文。'), ['RNNs', 'Transformers']);
});

test('nothing inside a URL or TeX becomes a term, nor bare math such as x_i or e^x', () => {
  assert.deepEqual(extractKeyTerms('代码 https://github.com/salesforce/BLIP 在此'), []);
  assert.deepEqual(extractKeyTerms('有 \\(\\mathrm{Softmax}(QK^T)\\) 与 \\[\\operatorname{Attention}\\] 与 $Mamba$ 项'), []);
  assert.deepEqual(extractKeyTerms('令 x_i 为输入, e^x 为指数, N_RF 是中间变量, y=1 。'), []);
  assert.deepEqual(extractKeyTerms('[Math] 和 [Formula] 都是占位符'), []);
});

test('a word cut off at the end of an excerpt is not a term', () => {
  assert.deepEqual(extractKeyTerms('这就是 Linear Attentio'), []);
  assert.deepEqual(extractKeyTerms('DDPM很好, Ki'), ['DDPM']);
});

test('at most twelve terms are kept', () => {
  const many = Array.from({ length: 30 }, (_, i) => `NAME${String.fromCharCode(65 + (i % 26))}${i}`).join('、');
  assert.equal(extractKeyTerms(many).length, MAX_KEY_TERMS);
  for (const text of seedTexts) assert.ok(extractKeyTerms(text).length <= MAX_KEY_TERMS);
});

test('the ranking exposes counts and whether a term looks like a name', () => {
  const [first] = rankKeyTerms('SSM很好,SSM很快,attention也行。');
  assert.deepEqual(first && { term: first.term, count: first.count, named: first.named }, { term: 'SSM', count: 2, named: true });
  assert.equal(rankKeyTerms('我们用attention做的。')[0]?.named, false);
});

test('a 100 KB line gives at most twelve terms', () => {
  for (const text of ['Transformer '.repeat(9_000), 'x_'.repeat(50_000), 'a-'.repeat(50_000), '\\('.repeat(50_000)]) {
    assert.ok(extractKeyTerms(text).length <= MAX_KEY_TERMS);
  }
  assert.deepEqual(extractKeyTerms('Transformer '.repeat(9_000)), ['Transformer']);
});
