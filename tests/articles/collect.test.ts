import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectArticles, identityOf } from '../../src/articles/index.ts';
import { groupEntries } from '../../src/articles/dedup.ts';
import { readDrops } from '../../src/ingest/index.ts';
import type { Entry } from '../../src/model.ts';
import { FEEDS, FIXTURES, SEED_DROPS } from '../seeds.ts';

/** Every distinct seed article, by its opening, with the seed drops (by index) that carry it. */
const SEED_PROVENANCE: [string, number[]][] = [
  ['原理分析 网络架构: 本文的任务是Object ', [0, 2]],
  ['摘掉Softmax 制约Attention性能的', [0, 1, 2, 3]],
  ['随机微分 在DDPM中,扩散过程被划分为了固定的', [0, 2]],
  ['概述 本文介绍一个比较有意思的高效Transfo', [0, 1, 2, 3]],
  ['概述 SD3 模型与训练策略改进细节 SD3除了', [0, 2]],
  ['引言与背景 价值函数方法是强化学习中的核心技术,', [0]],
  ['问题引入 前几天在训练一个新的Transform', [0]],
  ['简短总结 混合专家模型 (MoEs): 与稠密模', [0]],
  ['概述 众所周知,尽管基于Attention机制的', [0, 1, 3]],
  ['前言 首先看论文题目。Swin Transfor', [0]],
  ['引言 时序差分(TemporalDifferen', [0]],
  ['Preformer Performer的出发点还', [0, 1, 3]],
  ['1.深度学习偏置的作用? 我们在学深度学习的时候', [1, 4]],
  ['如何计算RF 公式一:这个算法从top往下层层迭', [1, 4]],
  ['通过卷积和池化等技术可以将图像进行降维,因此,一', [1, 2]],
  ['引言 DDPG同样使用了ActorCritic的', [1, 3]],
  ['概述 SSM的概念由来已久,但这里我们特指深度学', [1, 3]],
  ['概述与理论背景 ActorCritic方法是强化', [1, 3]],
  ['概述 Kimi k1.5采用了一种简化而有效的强', [1, 3]],
  ['引言 Trust Region Policy O', [1, 3]],
  ['Score based generative m', [2]],
  ['ControlNet应该算是2023年文生图领域', [2]],
  ['给定一个包含 n 维数据 x 的数据集 D , ', [2]],
  ['AdamW目前是大语言模型训练的默认优化器,而大', [2]],
  ['问题定义 多元二次多项式,维度为 n ,那么可以', [2]],
  ['基本概念 方向导数:是一个数;反映的是 f(x,', [2]],
  ['SigLIP 概述 CLIP自提出以来在zero', [3]],
  ['BLIP 论文名称 :BLIP: Bootstr', [3]],
  ['CLIP算法原理 CLIP 不预先定义图像和文本', [3]],
  ['ViT(vision transformer)是', [4]],
  ['简介 如果以概率的视角看待世界的生成模型。 在这', [4]],
  ['2022年中旬,以扩散模型为核心的图像生成模型将', [4]],
  ['分布变换 通常我们会拿VAE跟GAN比较,的确,', [4]],
  ['一般来说,神经网络处理的东西都是连续的浮点数,标', [4]],
  ['简介 之前的很多方法都是用RNN的结构去构建时序', [4]],
  ['最近,似乎现在每个大型语言模型(LLM)和新闻中', [4]],
  ['取代RNN——Transformer 在介绍Tr', [4]],
  ['简介 作为一个自编码器,VQVAE的一个明显特征', [4]],
  ['引言与背景 随机逼近(Stochastic Ap', [4]],
];

const seedArticles = async () => collectArticles(await readDrops(FEEDS));

test('the seeds hold 39 distinct articles, each with every drop that carried it and its first drop', async () => {
  const articles = await seedArticles();
  assert.equal(articles.length, 39);
  for (const [opening, dropIndexes] of SEED_PROVENANCE) {
    const matches = articles.filter((article) => article.text.startsWith(opening));
    assert.equal(matches.length, 1, `exactly one article opens with ${opening}`);
    const article = matches[0]!;
    assert.deepEqual(article.drops, dropIndexes.map((index) => SEED_DROPS[index]), opening);
    assert.equal(article.firstDrop, SEED_DROPS[dropIndexes[0]!], opening);
    assert.equal(article.sightings.length, dropIndexes.length, opening);
  }
});

test('article ids are unique, ASCII and URL-safe, and the url-less model keeps the first sighting', async () => {
  const articles = await seedArticles();
  assert.equal(new Set(articles.map((article) => article.id)).size, articles.length);
  for (const article of articles) assert.match(article.id, /^[a-z0-9]{10}$/);
  const sourced = articles.find((article) => article.text.startsWith('概述 SD3'))!;
  assert.equal(sourced.source, 'https://stability.ai/news/stablediffusion3researchpaper');
  assert.deepEqual(sourced.sightings[0], { drop: SEED_DROPS[0], line: 8 });
});

test('re-saved copies of seed drops (BOM + CRLF, GB18030, doubled spaces, shorter cuts) merge into the same 39 articles', async () => {
  const seeds = await readDrops(FEEDS);
  const resaved = await readDrops(join(FIXTURES, 'resaved'));
  const merged = collectArticles([...seeds, ...resaved]);
  assert.equal(merged.length, 39);
  const before = await seedArticles();
  assert.deepEqual(merged.map((article) => article.id), before.map((article) => article.id));
  assert.deepEqual(merged.map((article) => article.text), before.map((article) => article.text), 'the longest text wins');
  const shortCut = merged.find((article) => article.text.startsWith('SigLIP'))!;
  assert.ok(shortCut.drops.includes('103_shorter_cuts_cr'));
});

test('ids do not change when new drops arrive or a longer version of an article shows up later', async () => {
  const seeds = await readDrops(FEEDS);
  const resaved = await readDrops(join(FIXTURES, 'resaved'));
  const shortFirst = collectArticles([resaved[3]!]);
  const longLater = collectArticles([resaved[3]!, ...seeds]);
  for (const article of shortFirst) {
    const later = longLater.find((other) => other.id === article.id);
    assert.ok(later, `article ${article.id} keeps its id`);
    assert.ok(later.text.length >= article.text.length);
  }
});

const entry = (text: string, line = 1): Entry => ({ drop: 'd', line, text, truncated: false, source: null });

test('identity folds NFKC width forms and white space', () => {
  assert.equal(identityOf('  Ｔｒａｎｓｆｏｒｍｅｒ\t 模型  '), 'Transformer 模型');
});

test('a shorter cut merges only when it is a prefix of at least 40 characters', () => {
  const long = '强化学习中的策略梯度方法直接优化参数化策略,以最大化期望回报,并用基线降低方差,这是一个很长的句子。';
  assert.ok(long.length > 45);
  assert.equal(groupEntries([entry(long), entry(long.slice(0, 40))]).length, 1);
  assert.equal(groupEntries([entry(long), entry(long.slice(0, 39))]).length, 2);
});

test('distinct excerpts never merge, however similar they look', () => {
  const opening = '概述 本文介绍一个比较有意思的高效Transformer工作,它的效果非常好,而且速度很快,值得';
  const groups = groupEntries([entry(`${opening}一读。`), entry(`${opening}一试。`), entry(`${opening}一看。`, 2)]);
  assert.equal(groups.length, 3);
});

test('a prefix shared by two distinct longer texts joins exactly one of them', () => {
  const opening = '概述 本文介绍一个比较有意思的高效Transformer工作,它的效果非常好,而且速度很快,值得';
  const groups = groupEntries([entry(`${opening}一读。`), entry(`${opening}一试。`), entry(opening)]);
  assert.equal(groups.length, 2);
  assert.equal(groups.reduce((sum, group) => sum + group.entries.length, 0), 3);
});

test('a chain of ever longer cuts becomes one article whose identity is the longest', () => {
  const full = '时序差分方法是强化学习中的一类核心算法,它结合了动态规划与蒙特卡洛方法的优点,无需环境模型即可从经验中学习价值函数。';
  const cuts = [40, 48, 56, full.length].map((length, line) => entry(full.slice(0, length), line));
  const groups = groupEntries(cuts.reverse());
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.identity, full);
  assert.equal(groups[0]!.entries.length, 4);
});
