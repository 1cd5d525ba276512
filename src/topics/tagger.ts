// Article → topic tags. A topic is tagged when its cues are dense enough for the article's length
// and spread across it; a cluster of cues in one sentence is a passing mention, not a topic. Its
// cues must name it, not merely sound like it, and the article must not be about something else
// that borrows its words: a neighbouring field, or a topic it is a building block of.
import type { TopicId, TopicTag } from '../model.ts';
import { createMatcher } from './matcher.ts';
import { isCjk, normalize, type NormalText } from './normalize.ts';
import type { Cue, Neighbour, Topic } from './table.ts';

export interface ArticleInput {
  title: string;
  text: string;
  keyTerms?: readonly string[];
}

/**
 * Why a topic was or was not tagged: `weak` (too little cue strength), `passing` (cues in too few
 * sentences), `unconfirmed` (only supporting vocabulary), `shadowed` (a neighbouring field's words
 * outweigh it), `part` (a building block of a stronger topic).
 */
export type Verdict = 'tagged' | 'weak' | 'passing' | 'unconfirmed' | 'shadowed' | 'part';

/** What the tagger saw for one topic, and what it decided. */
export interface TopicReading {
  topic: TopicId;
  verdict: Verdict;
  /** The neighbouring field or the topic behind a `shadowed` or `part` verdict. */
  because?: string;
  /** Cue strength per reading length; the tag's score. */
  score: number;
  /** Sentences (the title counts as one) that carry at least one cue of the topic. */
  sentenceHits: number;
  /** Cues in as many sentences as a tag needs: all of a short text's, else `THRESHOLD.sentences`. */
  recurring: boolean;
  /** Share of all sentences that carry a cue of the topic. */
  spread: number;
  /** Distinct cue terms, strongest first, as the table spells them. */
  evidence: string[];
}

/** What the tagger saw for a neighbouring field. */
export interface NeighbourReading {
  neighbour: string;
  score: number;
  evidence: string[];
}

/** The tags, and the topics the article leans toward without being tagged with them. */
export interface TopicAssessment {
  tags: TopicTag[];
  leaning: TopicId[];
}

export interface Tagger {
  tag(input: ArticleInput): TopicTag[];
  assess(input: ArticleInput): TopicAssessment;
  read(input: ArticleInput): TopicReading[];
  readNeighbours(input: ArticleInput): NeighbourReading[];
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
 * sentence, or one section of a long chapter, is a passing mention. Its strongest cue must weigh
 * at least `specific`, unless its supporting vocabulary alone reaches `unconfirmed` times the
 * score: 状态, 观测 and 动作 say RL only beside a term that names it, or in abundance.
 */
const THRESHOLD = { score: 4.4, sentences: 2, spread: 0.2, specific: 2, unconfirmed: 2, leaning: 0.5 } as const;
// A topic the article leans toward: its cues reach `leaning` times the score but fall short of a
// tag. Not when another field or topic took the article: those are its words, not this topic's;
// and not when the cues sit in one sentence: a passing mention is no more a lean than a topic.
const LEANING_VERDICTS: ReadonlySet<Verdict> = new Set(['weak', 'passing', 'unconfirmed']);

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
  const { text, cut } = normal;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const stop = index === text.length || TERMINATOR.test(text[index]!);
    // A space between two Chinese characters is a line break the scrape lost: a heading or a list
    // item ended there, though no full stop says so.
    const lostBreak = !stop && cut[index] === 1 && isCjk(text.charCodeAt(index - 1)) && isCjk(text.charCodeAt(index));
    if (stop || lostBreak) {
      const next = stop ? index + 1 : index;
      if (next - start >= MIN_SENTENCE) starts.push(start);
      start = next;
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

interface Field {
  name: string;
  cues: readonly Cue[];
}

interface FieldReading {
  score: number;
  sentenceHits: number;
  spread: number;
  evidence: string[];
  /** The weight of the heaviest cue found. */
  heaviest: number;
}

/**
 * A tagger for a topic table. `notCues` are phrases that contain a cue but are no evidence for
 * it; as the longest match they hide the cue inside them. `neighbours` are fields the digest does
 * not tag, read only to see when an article is about them rather than about a topic.
 */
export function createTagger(topics: readonly Topic[], notCues: readonly string[] = [], neighbours: readonly Neighbour[] = []): Tagger {
  const fields: Field[] = [...topics.map((topic) => ({ name: topic.id, cues: topic.cues })), ...neighbours];
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
  fields.forEach((field, topicIndex) => {
    field.cues.forEach((cue, cueIndex) => {
      for (const spelling of [cue.term, ...(cue.variants ?? [])]) {
        const normal = normalize(spelling);
        refs[patternOf(normal)]!.push({ topic: topicIndex, cue: cueIndex, cased: cue.exactCase ? normal.cased : null });
      }
    });
  });
  for (const phrase of notCues) patternOf(normalize(phrase));
  const matcher = createMatcher([...patternIndex.keys()]);

  function measure(input: ArticleInput): { readings: FieldReading[]; sentences: number } {
    const title = input.title.trim();
    let text = input.text.trim();
    // A title cut from the text's own start is the same words: count them once, as title.
    if (title.length > 0 && text.startsWith(title)) text = text.slice(title.length).trimStart();
    const [opening, body] = splitOpening(text);

    const zoneSums = fields.map((field) => new Float64Array(field.cues.length));
    const sentencesHit = fields.map(() => new Set<number>());
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
    const readings = fields.map((field, topicIndex): FieldReading => {
      const strengths = field.cues
        .map((cue, cueIndex) => ({ cue, cueIndex, strength: cue.weight * Math.sqrt(zoneSums[topicIndex]![cueIndex]!) }))
        .filter((cue) => cue.strength > 0)
        .sort((a, b) => b.strength - a.strength || a.cueIndex - b.cueIndex);
      const total = strengths.reduce((sum, cue) => sum + cue.strength, 0);
      return {
        heaviest: Math.max(0, ...strengths.map(({ cue }) => cue.weight)),
        score: total / lengthNorm,
        sentenceHits: sentencesHit[topicIndex]!.size,
        spread: sentences === 0 ? 0 : sentencesHit[topicIndex]!.size / sentences,
        evidence: strengths.map(({ cue }) => cue.term),
      };
    });
    return { readings, sentences };
  }

  /** Each topic's reading with its verdict: first on its own cues, then against its neighbours and the other topics. */
  function read(input: ArticleInput): TopicReading[] {
    const { readings, sentences } = measure(input);
    const needed = Math.max(1, Math.min(THRESHOLD.sentences, sentences));
    const recurs = (reading: FieldReading): boolean => reading.sentenceHits >= needed;
    const ownVerdict = (reading: FieldReading): Verdict => {
      const { score, spread, heaviest } = reading;
      if (score < THRESHOLD.score) return 'weak';
      if (!recurs(reading) || spread < THRESHOLD.spread) return 'passing';
      if (heaviest < THRESHOLD.specific && score < THRESHOLD.unconfirmed * THRESHOLD.score) return 'unconfirmed';
      return 'tagged';
    };
    const topicReadings = topics.map((topic, index): TopicReading => {
      const { heaviest: _, ...reading } = readings[index]!;
      return { topic: topic.id, verdict: ownVerdict(readings[index]!), recurring: recurs(readings[index]!), ...reading };
    });
    for (const reading of topicReadings) {
      if (reading.verdict !== 'tagged') continue;
      const neighbour = neighbours.find((candidate, index) => {
        const ratio = candidate.shadows[reading.topic];
        return ratio !== undefined && readings[topics.length + index]!.score > ratio * reading.score;
      });
      const wholeIndex = topics.findIndex((topic) => topic.id === topics[topicReadings.indexOf(reading)]!.partOf);
      const whole = readings[wholeIndex];
      if (neighbour !== undefined) Object.assign(reading, { verdict: 'shadowed', because: neighbour.name });
      else if (whole !== undefined && ownVerdict(whole) === 'tagged' && whole.score > reading.score) {
        Object.assign(reading, { verdict: 'part', because: topics[wholeIndex]!.id });
      }
    }
    return topicReadings;
  }

  function assess(input: ArticleInput): TopicAssessment {
    const readings = read(input);
    const tags = readings
      .filter((reading) => reading.verdict === 'tagged')
      .sort((a, b) => b.score - a.score)
      .map((reading) => ({ topic: reading.topic, score: Math.round(reading.score * 1000) / 1000, evidence: reading.evidence }));
    const leaning = readings
      .filter((reading) => LEANING_VERDICTS.has(reading.verdict) && reading.recurring && reading.score >= THRESHOLD.leaning * THRESHOLD.score)
      .map((reading) => reading.topic);
    return { tags, leaning };
  }

  function readNeighbours(input: ArticleInput): NeighbourReading[] {
    const { readings } = measure(input);
    return neighbours.map((neighbour, index) => ({ neighbour: neighbour.name, score: readings[topics.length + index]!.score, evidence: readings[topics.length + index]!.evidence }));
  }

  return { tag: (input) => assess(input).tags, assess, read, readNeighbours };
}
