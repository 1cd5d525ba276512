// What makes a title fail a reader, measured the same way by the title tests and by
// `npm run eval:titles`: a bare section number, a generic section heading, or a title that shares
// no word with the heading the excerpt opens with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectArticles } from '../../src/articles/index.ts';
import { isGenericHeading } from '../../src/articles/headings.ts';
import { readDrops } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model.ts';
import { DEVSET, FEEDS } from '../seeds.ts';

export type TitleFlag = 'bare number' | 'generic heading' | 'off the heading';
export const TITLE_FLAGS: readonly TitleFlag[] = ['bare number', 'generic heading', 'off the heading'];

// Written out here rather than imported from the title code, so that the measure does not move
// with what it measures: `第8章`, `第十章`, `Chapter 3`, `13.2`, `14.2.1`, `一、`, `(2)`.
const NUMERAL = '[0-9一二三四五六七八九十百零〇两]+';
const SECTION_NUMBER = new RegExp(
  `^(?:第${NUMERAL}[章节篇部讲课回单元]*|(?:chapter|part|section|unit|lecture|step)\\s*\\d+|\\d+[)）]|\\d+(?:\\.\\d+)*|${NUMERAL}[、.．]|[(（]${NUMERAL}[)）])[.、．:：]?\\s*`,
  'iu',
);

function withoutSectionNumbers(text: string): string {
  let rest = text.trim();
  for (let match = SECTION_NUMBER.exec(rest); match !== null && match[0] !== ''; match = SECTION_NUMBER.exec(rest)) {
    rest = rest.slice(match[0].length).trim();
  }
  return rest;
}

/**
 * The heading an excerpt opens with, as a reader sees it: its first word after any section
 * number, and, when that word is a generic heading (`概述`, `实验结果`), the words up to the
 * subject that follows it.
 */
export function openingHeading(text: string): string {
  const tokens = withoutSectionNumbers(text).split(/\s+/u);
  const taken: string[] = [];
  for (const token of tokens.slice(0, 4)) {
    taken.push(token);
    if (!isGenericHeading(token.replace(/[:：]$/u, ''))) break;
  }
  return taken.join(' ');
}

/** Latin words (lower case) and Chinese character bigrams: what two phrasings of a subject share. */
function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[a-z][a-z0-9]+|\d+[a-z][a-z0-9]*/gu)) terms.add(word);
  for (const [run] of text.matchAll(/\p{Script=Han}+/gu)) {
    if (run.length === 1) terms.add(run);
    for (let i = 0; i + 2 <= run.length; i++) terms.add(run.slice(i, i + 2));
  }
  return terms;
}

export function titleFlags(title: string, text: string): TitleFlag[] {
  const flags: TitleFlag[] = [];
  if (withoutSectionNumbers(title) === '') flags.push('bare number');
  if (isGenericHeading(title)) flags.push('generic heading');
  const heading = termsOf(openingHeading(text));
  if (![...termsOf(title)].some((term) => heading.has(term))) flags.push('off the heading');
  return flags;
}

export interface DevsetArticle extends Article {
  /** `owner/repo` the excerpt was cut from. */
  repository: string;
  /** `file:line` of its first sighting in the dev set. */
  place: string;
}

interface DevsetLabels {
  articles: { file: string; line: number; source: string }[];
}

/** The dev-set articles as the site would build them, each with the repository it came from. */
export async function devsetArticles(): Promise<DevsetArticle[]> {
  const labels = JSON.parse(readFileSync(join(DEVSET, 'labels.json'), 'utf8')) as DevsetLabels;
  const sourceAt = new Map(labels.articles.map((label) => [`${label.file}:${label.line}`, label.source]));
  return collectArticles(await readDrops(DEVSET)).map((article) => {
    const { drop, line } = article.sightings[0]!;
    const place = `${drop}.txt:${line}`;
    const source = sourceAt.get(place);
    if (source === undefined) throw new Error(`${place} has no label in the dev set`);
    return { ...article, repository: source.split('/').slice(0, 2).join('/'), place };
  });
}

export async function seedArticles(): Promise<Article[]> {
  return collectArticles(await readDrops(FEEDS));
}
