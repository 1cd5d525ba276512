// Reading the clauses of an excerpt's body: where they break, the discourse words that open
// them, the subject a first clause defines, and the sentences that only set the scene.
import type { RankedTerm } from './key-terms.ts';
import { boundedPrefix, displayWidth, formulaSpans, nextMatchAt } from './text.ts';

// The first sentence is where a subject appears; it is read no further than this.
export const SENTENCE_WINDOW = 240;
// A subject is a short noun phrase; with its gloss in brackets it may run to the second width.
const MAX_SUBJECT_WIDTH = 20;
const MAX_GLOSSED_SUBJECT_WIDTH = 28;
const DISCOURSE = ['一般来说', '众所周知', '总的来说', '简单来说', '简单的说', '事实上', '实际上', '首先', '其次', '最近', '通常', '当然', '其实', '所以', '因此', '但是', '然而', '另外', '此外', '总之', '如果', '比如', '例如', '虽然', '尽管'];
const ADVERBS = ['应该算', '本质上', '实际上', '目前', '其实', '应该', '仍然', '依然', '同样', '主要', '一般', '通常', '确实', '就', '也', '都', '仍', '算'];
const CLAUSE_BREAKS = new Set([',', '，', ';', '；', '。', '!', '！', '?', '？', ':', '：', '~']);
const OPENERS = '(（《“【';
const CLOSERS = ')）》”】';
/** The characters clausesOf acts on: brackets, breaks, the full stop, and white space. */
const CLAUSE_EVENT = new RegExp(`[${[...OPENERS, ...CLOSERS, ...CLAUSE_BREAKS, '.'].join('').replace(/[\]\\^-]/gu, '\\$&')}\\s]`, 'g');
const HAN = /\p{Script=Han}/u;
// `在开始正文之前`, `如 表1 所示`, `参阅…数据集`, `下面我们来实现这个模型`: clauses that set the scene,
// point elsewhere or announce a step name nothing.
export const SCENE_SETTING =
  /^(?:在.{0,24}(?:中|时|前|后|之前|之后|里|上|下|方面)|如\s*\S{0,12}\s*所示|作为.{0,16}|(?:参阅|参见|详见|请参考|请参阅|查看|可参考).*|(?:下面|接下来|然后|现在)(?:我们|你|您|让我们).*)$/u;
// `上一节我们介绍了 AutoEncoder`, `在之前的内容中,我们讲解了Q-learning`: a sentence that recalls the
// section before names that section's subject, not this one's.
const RECAP = /(?:上一?[节章篇讲课]|前[面文几]|之前|前一[节章篇])[^。！？!?]{0,30}(?:介绍|讲解|讲述|讨论|学习|推导)了/u;

export function stripLeading(text: string, words: readonly string[]): string {
  let rest = text;
  for (let found = true; found; ) {
    const word = words.find((candidate) => rest.startsWith(candidate));
    found = word !== undefined;
    if (word !== undefined) rest = rest.slice(word.length).trimStart();
  }
  return rest;
}

export function stripTrailing(text: string, words: readonly string[]): string {
  let rest = text;
  for (let found = true; found; ) {
    const word = words.find((candidate) => rest.endsWith(candidate) && rest.length > candidate.length);
    found = word !== undefined;
    if (word !== undefined) rest = rest.slice(0, -word.length).trimEnd();
  }
  return rest;
}

export const includesTerm = (text: string, term: RankedTerm): boolean => text.toLowerCase().includes(term.term.toLowerCase());

/** Clauses, split at clause punctuation and at a space between two Chinese characters (a lost line break), never inside brackets or formulas. */
export function clausesOf(text: string): string[] {
  const inside = new Uint8Array(text.length);
  for (const span of formulaSpans(text)) inside.fill(1, span.start, span.end);
  const clauses: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    // Characters that are no bracket, break or space change nothing: one search passes them.
    const next = nextMatchAt(CLAUSE_EVENT, text, i);
    if (next > i) {
      i = next - 1;
      continue;
    }
    if (inside[i] === 1) continue;
    const char = text[i] ?? '';
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    const fullStop = char === '.' && /\s/u.test(text[i + 1] ?? ' ') && !/\d/u.test(text[i - 1] ?? '');
    const lostBreak = /\s/u.test(char) && HAN.test(text[i - 1] ?? '') && HAN.test(text[i + 1] ?? '');
    if (depth === 0 && (CLAUSE_BREAKS.has(char) || fullStop || lostBreak)) {
      clauses.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  clauses.push(text.slice(start).trim());
  return clauses.filter((clause) => /[\p{L}\p{N}]/u.test(clause));
}

/** A clause without the discourse words that open it (`一般来说`, `如果`, `如` before a name). */
export function withoutDiscourse(clause: string): string {
  return stripLeading(clause, DISCOURSE).replace(/^如(?=[A-Za-z])/u, '');
}

/** `S是…` in the first clause: the subject S, if it is a short noun phrase. */
export function definitionSubject(rest: string): string | null {
  const clause = withoutDiscourse(clausesOf(firstSentence(rest))[0] ?? '');
  let depth = 0;
  for (let i = 0; i < clause.length; i++) {
    const char = clause[i] ?? '';
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === '是' && depth === 0) {
      // `DALL-E 并不是基于扩散模型的` says what the subject is not: no definition.
      if (/(?:不|非)$/u.test(clause.slice(0, i))) return null;
      // A citation mark (`CTPN(…) [1] 是…`) is not part of the name.
      const subject = stripTrailing(clause.slice(0, i).replace(/\s*\[\d+(?:[,，-]\d+)*\]\s*$/u, '').trim(), ADVERBS);
      const nounPhrase = !subject.includes('的') && !/^[这那我你他她它之其此该每各本]/u.test(subject);
      const plain = formulaSpans(subject).length === 0 && !/[=_^\\]/u.test(subject);
      // A name with its gloss (`CTPN(Connectionist Text Proposal Network)`) may be wider.
      const width = /[(（][^)）]*[)）]$/u.test(subject) ? MAX_GLOSSED_SUBJECT_WIDTH : MAX_SUBJECT_WIDTH;
      return nounPhrase && plain && subject !== '' && displayWidth(subject) <= width ? subject : null;
    }
  }
  return null;
}

/** The body without a first sentence that recalls an earlier section. */
export function withoutRecap(rest: string): string {
  const first = firstSentence(rest);
  return RECAP.test(first) ? rest.slice(first.length + 1).trim() : rest;
}

export function firstSentence(rest: string): string {
  return boundedPrefix(rest, SENTENCE_WINDOW).split(/[。！？!?]/u)[0] ?? '';
}
