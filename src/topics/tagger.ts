// Article → topic tags. A topic is tagged when its cues are dense enough for the article's length
// and spread across it; a cluster of cues in one sentence is a passing mention, not a topic.
import type { TopicId, TopicTag } from '../model.ts';
import { createMatcher } from './matcher.ts';
import { normalize, type NormalText } from './normalize.ts';
import type { Topic } from './table.ts';

export interface ArticleInput {
  title: string;
  text: string;
  keyTerms?: readonly string[];
}

/** What the tagger saw for one topic, before deciding. */
export interface TopicReading {
  topic: TopicId;
  /** Cue strength per reading length; the tag's score. */
  score: number;
  /** Sentences (the title counts as one) that carry at least one cue of the topic. */
  sentenceHits: number;
  /** Share of all sentences that carry a cue of the topic. */
  spread: number;
  /** Distinct cue terms, strongest first, as the table spells them. */
  evidence: string[];
}

export interface Tagger {
  tag(input: ArticleInput): TopicTag[];
  read(input: ArticleInput): TopicReading[];
}

type Zone = 'title' | 'opening' | 'body' | 'keyTerms';

// Where a cue appears says how much the author means it: a title names the subject, an
// opening sentence states it, the body also wanders off to neighbouring work.
const ZONE_WEIGHT: Record<Zone, number> = { title: 2, opening: 1.5, body: 1, keyTerms: 1 };

// Scores divide cue strength by √(units / 300). An article that stays on its topic keeps adding
// cues as it grows, so its strength grows about as fast and its score holds steady, while a fixed
// passing mention fades. Below 300 units (the seed excerpts run 300–500) nothing is boosted.
const REFERENCE_UNITS = 300;
const OPENING_MAX = 160;
// Sentence ends in normal form: NFKC has already turned ！？； into !?;.
const TERMINATOR = /[。!?;]/;
const MIN_SENTENCE = 6;

/**
 * A topic needs cue strength per reading length of at least `score` (about two mentions of a
 * defining term in a 300-character excerpt), cues in at least `sentences` sentences (or all of
 * them, in shorter texts) and in at least a `spread` share of them: a remark confined to one
 * sentence, or one section of a long chapter, is a passing mention.
 */
const THRESHOLD = { score: 4.5, sentences: 2, spread: 0.2 } as const;

interface CueRef {
  topic: number;
  cue: number;
  /** The spelling in normal form with its case kept, for cues that must match case. */
  cased: string | null;
}

/** Splits the opening clause off a text: up to its first full stop, or a bounded prefix. */
function splitOpening(text: string): [string, string] {
  const stop = text.slice(0, OPENING_MAX).search(/[。！？!?；;\n]/);
  const cut = stop === -1 ? Math.min(text.length, OPENING_MAX) : stop + 1;
  return [text.slice(0, cut), text.slice(cut)];
}

/** Start offsets of the sentences of a normalized text that are long enough to count. */
function sentenceStarts(normal: NormalText): number[] {
  const starts: number[] = [];
  let start = 0;
  for (let index = 0; index <= normal.text.length; index++) {
    if (index === normal.text.length || TERMINATOR.test(normal.text[index]!)) {
      if (index + 1 - start >= MIN_SENTENCE) starts.push(start);
      start = index + 1;
    }
  }
  return starts;
}

function sentenceOf(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A tagger for a topic table. `notCues` are phrases that contain a cue but are no evidence for
 * it; as the longest match they hide the cue inside them.
 */
export function createTagger(topics: readonly Topic[], notCues: readonly string[] = []): Tagger {
  const patternIndex = new Map<string, number>();
  const refs: CueRef[][] = [];
  const patternOf = (normal: NormalText): number => {
    let pattern = patternIndex.get(normal.text);
    if (pattern === undefined) {
      pattern = refs.length;
      patternIndex.set(normal.text, pattern);
      refs.push([]);
    }
    return pattern;
  };
  topics.forEach((topic, topicIndex) => {
    topic.cues.forEach((cue, cueIndex) => {
      for (const spelling of [cue.term, ...(cue.variants ?? [])]) {
        const normal = normalize(spelling);
        refs[patternOf(normal)]!.push({ topic: topicIndex, cue: cueIndex, cased: cue.exactCase ? normal.cased : null });
      }
    });
  });
  for (const phrase of notCues) patternOf(normalize(phrase));
  const matcher = createMatcher([...patternIndex.keys()]);

  function measure(input: ArticleInput): { readings: TopicReading[]; sentences: number } {
    const title = input.title.trim();
    let text = input.text.trim();
    // A title cut from the text's own start is the same words: count them once, as title.
    if (title.length > 0 && text.startsWith(title)) text = text.slice(title.length).trimStart();
    const [opening, body] = splitOpening(text);

    const zoneSums = topics.map((topic) => new Float64Array(topic.cues.length));
    const sentencesHit = topics.map(() => new Set<number>());
    let units = 0;
    let sentences = 0;

    const zones: [Zone, string][] = [
      ['title', title],
      ['opening', opening],
      ['body', body],
      ['keyTerms', (input.keyTerms ?? []).join(' | ')],
    ];
    for (const [zone, content] of zones) {
      const normal = normalize(content);
      // Key terms are a summary of the text, not more of it: they add weight, not length or sentences.
      if (zone !== 'keyTerms') units += normal.units;
      const starts = zone === 'keyTerms' ? [] : zone === 'title' ? (normal.text === '' ? [] : [0]) : sentenceStarts(normal);
      const offset = sentences;
      sentences += starts.length;
      for (const match of matcher.scan(normal)) {
        for (const ref of refs[match.pattern]!) {
          if (ref.cased !== null && normal.cased.slice(match.start, match.end) !== ref.cased) continue;
          zoneSums[ref.topic]![ref.cue]! += ZONE_WEIGHT[zone];
          if (starts.length > 0) sentencesHit[ref.topic]!.add(offset + sentenceOf(starts, match.start));
        }
      }
    }

    const lengthNorm = Math.sqrt(Math.max(units, REFERENCE_UNITS) / REFERENCE_UNITS);
    const readings = topics.map((topic, topicIndex): TopicReading => {
      const strengths = topic.cues
        .map((cue, cueIndex) => ({ term: cue.term, cueIndex, strength: cue.weight * Math.sqrt(zoneSums[topicIndex]![cueIndex]!) }))
        .filter((cue) => cue.strength > 0)
        .sort((a, b) => b.strength - a.strength || a.cueIndex - b.cueIndex);
      const total = strengths.reduce((sum, cue) => sum + cue.strength, 0);
      return {
        topic: topic.id,
        score: total / lengthNorm,
        sentenceHits: sentencesHit[topicIndex]!.size,
        spread: sentences === 0 ? 0 : sentencesHit[topicIndex]!.size / sentences,
        evidence: strengths.map((cue) => cue.term),
      };
    });
    return { readings, sentences };
  }

  function tag(input: ArticleInput): TopicTag[] {
    const { readings, sentences } = measure(input);
    const needed = Math.max(1, Math.min(THRESHOLD.sentences, sentences));
    return readings
      .filter(
        (reading) =>
          reading.score >= THRESHOLD.score && reading.sentenceHits >= needed && reading.spread >= THRESHOLD.spread,
      )
      .sort((a, b) => b.score - a.score)
      .map((reading) => ({ topic: reading.topic, score: Math.round(reading.score * 1000) / 1000, evidence: reading.evidence }));
  }

  return { tag, read: (input) => measure(input).readings };
}
