// Gold-labelled corpora for the topic tagger, and the scores it earns on them. Shared by the
// evaluation tests and `npm run eval:topics`, so both judge the tagger the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectArticles } from '../../src/articles/index.ts';
import { extractKeyTerms } from '../../src/articles/key-terms.ts';
import { readDrops } from '../../src/ingest/index.ts';
import type { TopicId } from '../../src/model.ts';
import { TOPICS } from '../../src/topics/index.ts';
import { DEVSET, FEEDS, FIXTURES } from '../seeds.ts';

export interface LabelledArticle {
  key: string;
  title: string;
  text: string;
  keyTerms: string[];
  gold: TopicId[];
  note?: string;
}

export interface TopicScore {
  topic: TopicId;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  perTopic: TopicScore[];
  micro: { precision: number; recall: number; f1: number };
}

/** The key the gold file uses: the first 40 characters of the excerpt, markers already removed. */
export function goldKey(text: string): string {
  return text.slice(0, 40);
}

interface GoldFile {
  articles: Record<string, { topics: TopicId[]; note?: string }>;
}

/**
 * The seed articles exactly as the site tags them: read, merged across drops, titled and given
 * key terms by the ingest and articles stages, then labelled from the gold file.
 */
export async function seedCorpus(): Promise<{ articles: LabelledArticle[]; unlabelled: string[] }> {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'topics.gold.json'), 'utf8')) as GoldFile;
  const articles: LabelledArticle[] = [];
  const unlabelled: string[] = [];
  for (const { title, text, keyTerms } of collectArticles(await readDrops(FEEDS))) {
    const key = goldKey(text);
    const label = gold.articles[key];
    if (label === undefined) unlabelled.push(key);
    else articles.push({ key, title, text, keyTerms, gold: label.topics, ...(label.note ? { note: label.note } : {}) });
  }
  return { articles, unlabelled };
}

export function goldKeys(): string[] {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'topics.gold.json'), 'utf8')) as GoldFile;
  return Object.keys(gold.articles);
}

interface DevLabels {
  articles: { file: string; line: number; topics: TopicId[]; source: string }[];
}

/**
 * The dev set (../shared/devset/): real excerpts from other writers than the seeds, read and
 * titled as the site builds them, labelled by where each text lives in its source. The key is the
 * source path, so a report says which writer's text it is.
 */
export async function devCorpus(): Promise<LabelledArticle[]> {
  const labels = JSON.parse(readFileSync(join(DEVSET, 'labels.json'), 'utf8')) as DevLabels;
  const bySighting = new Map(labels.articles.map((label) => [`${label.file}:${label.line}`, label]));
  return collectArticles(await readDrops(DEVSET)).map(({ title, text, keyTerms, sightings }) => {
    const first = sightings[0]!;
    const label = bySighting.get(`${first.drop}.txt:${first.line}`);
    if (label === undefined) throw new Error(`dev set: no label for ${first.drop}.txt:${first.line}`);
    return { key: label.source.replace(/@.*$/u, ''), title, text, keyTerms, gold: label.topics };
  });
}

interface HeldOutFile {
  articles: { id: string; title: string; text: string; topics: TopicId[]; note?: string }[];
}

/** The held-out paragraphs with their written titles, and key terms as the articles stage finds them. */
export function heldOutCorpus(): LabelledArticle[] {
  const file = JSON.parse(readFileSync(join(FIXTURES, 'topics.heldout.json'), 'utf8')) as HeldOutFile;
  return file.articles.map((article) => ({
    key: article.id,
    title: article.title,
    text: article.text,
    keyTerms: extractKeyTerms(article.text),
    gold: article.topics,
    ...(article.note ? { note: article.note } : {}),
  }));
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function harmonic(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Per-topic and micro-averaged precision, recall and F1 over (article, topic) decisions. */
export function score(results: readonly { gold: readonly TopicId[]; predicted: readonly TopicId[] }[]): Scores {
  const perTopic = TOPICS.map(({ id }): TopicScore => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { gold, predicted } of results) {
      const inGold = gold.includes(id);
      const inPredicted = predicted.includes(id);
      if (inGold && inPredicted) truePositives++;
      else if (inPredicted) falsePositives++;
      else if (inGold) falseNegatives++;
    }
    const precision = ratio(truePositives, truePositives + falsePositives);
    const recall = ratio(truePositives, truePositives + falseNegatives);
    return { topic: id, truePositives, falsePositives, falseNegatives, precision, recall, f1: harmonic(precision, recall) };
  });
  const sum = (pick: (topic: TopicScore) => number): number => perTopic.reduce((total, topic) => total + pick(topic), 0);
  const truePositives = sum((topic) => topic.truePositives);
  const precision = ratio(truePositives, truePositives + sum((topic) => topic.falsePositives));
  const recall = ratio(truePositives, truePositives + sum((topic) => topic.falseNegatives));
  return { perTopic, micro: { precision, recall, f1: harmonic(precision, recall) } };
}
