import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDrop } from '../../src/ingest/index.ts';
import { buildDigest } from '../../src/site/digest.ts';
import { popularArticles, topicTrend, TREND_DROPS, visitFacts } from '../../src/site/reading.ts';

const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';
const drop = (name: string, lines: string[]) => parseDrop(name, new TextEncoder().encode(HEADER + lines.join('\n')));

// Excerpts long enough to be articles of their own; the topic words make the tagger's job plain.
const RL = '强化学习中的策略梯度方法通过奖励信号优化智能体的策略,演员评论家结构用价值函数降低方差,在 Atari 游戏上取得了很好的效果。';
const DIFFUSION = '扩散模型通过逐步加噪和去噪学习数据分布,DDPM 的反向过程用神经网络预测噪声,采样时从高斯噪声一步步还原出图像。';
const OTHER_A = '这篇笔记整理了机器学习面试中常见的评价指标,包括准确率、召回率与曲线下的面积,以及它们各自适用的场景。';
const OTHER_B = '梯度下降的学习率如何选择是一个老问题:太大会震荡,太小会收敛很慢,这里比较几种学习率衰减策略的经验。';

const digest = buildDigest([
  drop('001.txt', [RL, OTHER_A]),
  drop('002.txt', [DIFFUSION, OTHER_A, OTHER_B]),
  drop('003.txt', [RL, OTHER_B]),
  drop('004.txt', [DIFFUSION, OTHER_A]),
]);
const idOf = (text: string) => digest.articles.find((article) => article.text === text)!.id;

test('popular ranks by drops carried, then by the latest sighting, then newest first', () => {
  const ranked = popularArticles(digest.articles, digest.drops).map((article) => article.id);
  // OTHER_A: 3 drops. DIFFUSION: 2, last in 004. RL and OTHER_B: 2 each, last in 003; OTHER_B is newer.
  assert.deepEqual(ranked, [idOf(OTHER_A), idOf(DIFFUSION), idOf(OTHER_B), idOf(RL)]);
  assert.equal(popularArticles(digest.articles, digest.drops, 2).length, 2);
});

test('a topic trend counts, per drop, the articles it carried in the topic and how many were new', () => {
  const rl = digest.articles.filter((article) => article.topics.includes('rl'));
  assert.deepEqual(rl.map((article) => article.id), [idOf(RL)]);
  assert.deepEqual(
    topicTrend(digest.drops, rl).map(({ articles, fresh }) => [articles, fresh]),
    [[1, 1], [0, 0], [1, 0], [0, 0]],
  );
  const untagged = digest.articles.filter((article) => article.topics.length === 0);
  assert.deepEqual(topicTrend(digest.drops, untagged).map(({ articles, fresh }) => [articles, fresh]), [[1, 1], [2, 1], [1, 0], [1, 0]]);
});

test('a trend covers the last 30 drops, oldest first', () => {
  const many = buildDigest(Array.from({ length: TREND_DROPS + 5 }, (_, i) => drop(`${String(i).padStart(3, '0')}.txt`, [RL])));
  const trend = topicTrend(many.drops, many.articles);
  assert.equal(trend.length, TREND_DROPS);
  assert.equal(trend[0]!.drop, many.drops[5]!.id);
  assert.equal(trend.at(-1)!.drop, many.drops.at(-1)!.id);
});

test('list pages name the newest drop and the new-article counts of the latest drops, newest first', () => {
  assert.deepEqual(visitFacts(digest.drops, 3), { latest: 4, fresh: [0, 0, 2] });
});
