// Search quality on the dev set (../shared/devset/): queries that name a topic, judged by
// R-precision against the dev set's labels, and literal terms, judged by recall. Shared by the
// engine test and the browser test, so both hold the search to the same figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sighting, TopicId } from '../../src/model.ts';
import { DEVSET } from '../seeds.ts';

export interface TopicQuery {
  query: string;
  topic: TopicId;
}

/** The R-precision every topic-name query must reach: the target. */
export const R_PRECISION_TARGET = 0.9;

/** Every topic's name in both languages, and the aliases the topic table gives it. */
export const TOPIC_QUERIES: readonly TopicQuery[] = [
  { query: '注意力', topic: 'attention' },
  { query: 'attention', topic: 'attention' },
  { query: 'Transformer', topic: 'attention' },
  { query: '自注意力', topic: 'attention' },
  { query: '扩散', topic: 'diffusion' },
  { query: '扩散模型', topic: 'diffusion' },
  { query: 'diffusion', topic: 'diffusion' },
  { query: '强化学习', topic: 'rl' },
  { query: 'RL', topic: 'rl' },
  { query: 'reinforcement learning', topic: 'rl' },
  { query: '视觉', topic: 'vision' },
  { query: '计算机视觉', topic: 'vision' },
  { query: 'vision', topic: 'vision' },
  { query: 'CV', topic: 'vision' },
];

/** Terms that name no topic: every article holding one must be found. */
export const LITERAL_TERMS = ['卷积', '残差', '策略梯度', '去噪', '位置编码'] as const;

interface DevLabels {
  articles: { file: string; line: number; topics: TopicId[] }[];
}

/** The dev set's labels, looked up by an article's first sighting (drop id and line). */
export function devLabels(): (first: Sighting) => TopicId[] {
  const { articles } = JSON.parse(readFileSync(join(DEVSET, 'labels.json'), 'utf8')) as DevLabels;
  const bySighting = new Map(articles.map((label) => [`${label.file}:${label.line}`, label.topics]));
  return (first) => {
    const topics = bySighting.get(`${first.drop}.txt:${first.line}`);
    if (topics === undefined) throw new Error(`dev set: no label for ${first.drop}.txt:${first.line}`);
    return topics;
  };
}

/** The share of the first |R| results that carry the label, where R is the labelled articles. */
export function rPrecision(ranked: readonly string[], labelled: ReadonlySet<string>): number {
  const top = ranked.slice(0, labelled.size);
  return top.filter((url) => labelled.has(url)).length / labelled.size;
}
