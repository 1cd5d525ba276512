// The title of an excerpt. The scraped posts lost their titles; what survives is a leading
// section heading, often a generic one (概述, 引言), and a first paragraph that names the
// subject. The rules below try, in order, the sources a reader would look at first.
import { rankKeyTerms, type RankedTerm } from './key-terms.ts';
import { isGenericHeading, splitLeadingHeadings, type LeadingHeading } from './headings.ts';
import { clipWithEllipsis } from './summary.ts';
import { boundedPrefix, displayWidth, formulaSpans, SCAN_LIMIT, withoutLinksAndEmoji } from './text.ts';

/** About 40 CJK characters or 80 Latin ones. */
export const TITLE_WIDTH = 40;
// A 《title》 this early is what the post is about, even if its words are not the salient term.
const EARLY_BOOK_TITLE = 100;
// A statement of purpose is one clause; looking further only costs time on hostile input.
const PURPOSE_WINDOW = 200;

// Generic headings that still make a title after the subject: `SSM 概述`, `DETR 原理分析`.
const COMBINABLE = new Set(['概述', '简介', '原理', '原理分析', '基本概念', '算法原理', '综述', '概览', '核心思想']);
const PAPER_CUES = ['论文题目', '论文名称', '论文标题', '论文名为', '论文名是', '文章标题为', '标题为', '题目为', '题为'];
const PURPOSE_CUES = ['本文', '这篇文章', '本篇', '在此'];
const PURPOSE_FILLERS = ['跟大家一起', '和大家一起', '与大家一起', '简单地', '一起', '就是', '主要', '我们', '简单', '重点', '详细', '将', '会', '要', '来', '先'];
const PURPOSE_VERBS = ['介绍', '梳理', '总结', '探讨', '讨论', '回顾', '分析', '解读', '研究', '整理'];
const DISCOURSE = ['一般来说', '众所周知', '总的来说', '简单来说', '简单的说', '事实上', '实际上', '首先', '其次', '最近', '通常', '当然', '其实', '所以', '因此', '但是', '然而', '另外', '此外', '总之', '如果', '比如', '例如'];
const ADVERBS = ['应该算', '本质上', '实际上', '目前', '其实', '应该', '仍然', '依然', '同样', '主要', '一般', '通常', '确实', '就', '也', '都', '仍', '算'];
const CLAUSE_BREAKS = new Set([',', '，', ';', '；', '。', '!', '！', '?', '？', ':', '：', '~']);
const OPENERS = '(（《“【';
const CLOSERS = ')）》”】';
const HAN = /\p{Script=Han}/u;
// Lower case only: a capitalised `On` in a title is part of a phrase, not a seam.
const PREPOSITION = / (?:for|with|using|via|in|on|of|from|by|to|and|through|under) /gu;

function stripLeading(text: string, words: readonly string[]): string {
  let rest = text;
  for (let found = true; found; ) {
    const word = words.find((candidate) => rest.startsWith(candidate));
    found = word !== undefined;
    if (word !== undefined) rest = rest.slice(word.length).trimStart();
  }
  return rest;
}

function stripTrailing(text: string, words: readonly string[]): string {
  let rest = text;
  for (let found = true; found; ) {
    const word = words.find((candidate) => rest.endsWith(candidate) && rest.length > candidate.length);
    found = word !== undefined;
    if (word !== undefined) rest = rest.slice(0, -word.length).trimEnd();
  }
  return rest;
}

const includesTerm = (text: string, term: RankedTerm): boolean => text.toLowerCase().includes(term.term.toLowerCase());

/** Clauses, split at clause punctuation and at a space between two Chinese characters (a lost line break), never inside brackets or formulas. */
function clausesOf(text: string): string[] {
  const inside = new Uint8Array(text.length);
  for (const span of formulaSpans(text)) inside.fill(1, span.start, span.end);
  const clauses: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
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
function withoutDiscourse(clause: string): string {
  return stripLeading(clause, DISCOURSE).replace(/^如(?=[A-Za-z])/u, '');
}

/** `S是…` in the first clause: the subject S, if it is a short noun phrase. */
function definitionSubject(rest: string): string | null {
  const clause = withoutDiscourse(clausesOf(rest)[0] ?? '');
  let depth = 0;
  for (let i = 0; i < clause.length; i++) {
    const char = clause[i] ?? '';
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === '是' && depth === 0) {
      const subject = stripTrailing(clause.slice(0, i).trim(), ADVERBS);
      const nounPhrase = !subject.includes('的') && !/^[这那我你他她它之其此该每各本]/u.test(subject);
      const plain = formulaSpans(subject).length === 0 && !/[=_^\\]/u.test(subject);
      return nounPhrase && plain && subject !== '' && displayWidth(subject) <= 20 ? subject : null;
    }
  }
  return null;
}

/** `论文题目。Swin Transformer: …`, `VQGAN的论文名为 Taming Transformers …`, `《Transformer Quality in Linear Time》`. */
function paperTitle(lead: string, salient: RankedTerm | undefined): string | null {
  const cues = PAPER_CUES.map((cue) => ({ cue, at: lead.indexOf(cue) })).filter(({ at }) => at !== -1);
  const first = cues.sort((a, b) => a.at - b.at)[0];
  if (first !== undefined) {
    const after = lead.slice(first.at + first.cue.length).replace(/^[\s:：。是为]+/u, '');
    const title = /^[A-Za-z][^\p{Script=Han}。，,;；(（]*/u.exec(after)?.[0].replace(/[\s.:：]+$/u, '') ?? '';
    if (title.includes(' ') && !/https?:/u.test(title)) {
      // The name the post gives the paper (`Stable Diffusion 3 (SD3) 的文章标题为`) leads, if the title lacks it.
      const before = lead.slice(Math.max(0, first.at - 40), first.at).replace(/\s*的?\s*$/u, '');
      const name = /[(（]([^()（）]{1,12})[)）]$/u.exec(before)?.[1] ?? /[A-Za-z][A-Za-z0-9.-]*$/u.exec(before)?.[0];
      const named = name !== undefined && /[A-Z].*[A-Z0-9]/u.test(name);
      return named && !title.toLowerCase().includes(name.toLowerCase()) ? `${name}: ${title}` : title;
    }
  }
  for (const match of lead.matchAll(/《([^《》]{2,80})》/gu)) {
    const inner = match[1] ?? '';
    if (match.index < EARLY_BOOK_TITLE || (salient !== undefined && includesTerm(inner, salient))) return inner;
  }
  return null;
}

/** The specific heading; a Chinese one grows into the glossed term it abbreviates (`随机微分` → `随机微分方程(Stochastic Differential Equation,SDE)`). */
function headingTitle(heading: LeadingHeading | undefined, rest: string): string | null {
  if (heading === undefined) return null;
  if (/^\p{Script=Han}+$/u.test(heading.text)) {
    const glossed = new RegExp(`${heading.text}\\p{Script=Han}{0,6}\\s?[(（][A-Za-z][^()（）]{0,60}[)）]`, 'u');
    const match = glossed.exec(rest);
    if (match !== null) return match[0];
  }
  return heading.text;
}

/** `本文跟大家一起梳理一下模型的初始化、参数化和标准化等内容` → `模型的初始化、参数化和标准化`. */
function purposeOf(lead: string): string | null {
  const cues = PURPOSE_CUES.flatMap((cue) => [...lead.matchAll(new RegExp(cue, 'gu'))].map((match) => match.index + cue.length));
  for (const at of cues.sort((a, b) => a - b)) {
    const window = lead.slice(at, at + PURPOSE_WINDOW);
    const afterFillers = stripLeading(window, PURPOSE_FILLERS);
    const verb = PURPOSE_VERBS.find((candidate) => afterFillers.startsWith(candidate));
    const consumed = window.slice(0, window.length - afterFillers.length);
    let object: string;
    if (verb !== undefined) object = afterFillers.slice(verb.length).replace(/^(?:一下|了|下)/u, '');
    else if (consumed.includes('将')) object = `将${afterFillers}`;
    else continue;
    const clause = stripTrailing(clausesOf(object)[0] ?? '', ['等内容', '的内容', '内容']);
    const vague = /^(?:这|那|其|一个|一些|如下|下面|以下)/u.test(clause);
    if (!vague && displayWidth(clause) >= 2 && formulaSpans(clause).length === 0) return clause;
  }
  return null;
}

/** `Upsampling(上采样)`, `混合专家(MoE)`: a term the text keeps using and glosses in the other script. */
function glossedTerm(lead: string): string | null {
  const count = (needle: string): number => lead.split(needle).length - 1;
  for (const match of lead.matchAll(/([A-Za-z][A-Za-z0-9-]*)\s?[(（](\p{Script=Han}{2,8})[)）]/gu)) {
    if (count(match[2] ?? '') >= 3) return match[0];
  }
  for (const match of lead.matchAll(/(\p{Script=Han}{3,12})\s?([(（][A-Za-z][^()（）]{1,60}[)）])/gu)) {
    const run = match[1] ?? '';
    for (let start = 0; start + 3 <= run.length; start++) {
      if (count(run.slice(start)) >= 3) return run.slice(start) + (match[2] ?? '');
    }
  }
  return null;
}

/** The title's final form: plain text, no formula, link or emoji, within TITLE_WIDTH. */
function finish(candidate: string | null): string {
  if (candidate === null) return '';
  let text = '';
  let from = 0;
  for (const span of formulaSpans(candidate)) {
    text += `${candidate.slice(from, span.start)} `;
    from = span.end;
  }
  text = withoutLinksAndEmoji(text + candidate.slice(from))
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,，、:：;；.。!！)）—-]+|[\s,，、:：;；.。!！(（—-]+$/gu, '');
  if (!/[\p{L}\p{N}]/u.test(text) || isGenericHeading(text)) return '';
  if (displayWidth(text) <= TITLE_WIDTH) return text;
  if (!HAN.test(text)) {
    // An English title reads whole up to a preposition: `BLIP: Bootstrapping Language-Image Pre-training`.
    const cuts = [...text.matchAll(PREPOSITION)].map((match) => match.index);
    const cut = cuts.filter((at) => displayWidth(text.slice(0, at)) <= TITLE_WIDTH).at(-1);
    if (cut !== undefined && cut >= 20) return text.slice(0, cut);
  }
  return clipWithEllipsis(text, TITLE_WIDTH);
}

/**
 * A title that names the subject, tried in this order: a paper title in the text; a specific
 * leading heading, or the term the text opens by defining; what the post says it is about (`本文…梳理一下X`); the term its first
 * sentence defines; the salient term with a generic heading (`SSM 概述`); a term it glosses;
 * the first clause that holds the salient term; the first clause. Empty when the text holds
 * nothing to name (only a placeholder, say): the caller picks the fallback.
 */
export function deriveTitle(text: string): string {
  const lead = withoutLinksAndEmoji(boundedPrefix(text, SCAN_LIMIT)).replace(/\s+/gu, ' ').trim();
  const { headings, rest } = splitLeadingHeadings(lead);
  const salient = rankKeyTerms(lead).find((term) => term.named);
  const clauses = clausesOf(rest);
  const firstClause = withoutDiscourse(clauses[0] ?? '');
  const generic = headings.find((heading) => heading.generic)?.text;
  const subject = definitionSubject(rest);

  const rules: (() => string | null)[] = [
    () => paperTitle(lead, salient),
    () => headingTitle(headings.find((heading) => !heading.generic), rest),
    // `方向导数:是一个数;…`: the text opens by defining a term.
    () => /^(\p{Script=Han}{2,8})[:：]/u.exec(rest)?.[1] ?? null,
    () => {
      const purpose = purposeOf(rest);
      if (purpose === null || subject === null || purpose.includes(subject)) return purpose;
      return `${subject}：${purpose}`;
    },
    () => {
      const glossed = subject !== null && /[(（][^)）]*[A-Za-z]/u.test(subject);
      return glossed || (subject !== null && salient !== undefined && includesTerm(subject, salient)) ? subject : null;
    },
    () => {
      if (salient === undefined || generic === undefined || !COMBINABLE.has(generic)) return null;
      return salient.count >= 2 || includesTerm(firstClause, salient) ? `${salient.term} ${generic}` : null;
    },
    () => glossedTerm(rest),
    () => {
      if (salient === undefined) return null;
      const index = clauses.findIndex((clause) => includesTerm(clause, salient));
      return index === 0 || (index > 0 && salient.count >= 2) ? withoutDiscourse(clauses[index] ?? '') : null;
    },
    () => clauses.map(withoutDiscourse).find((clause) => /[\p{L}\p{N}]/u.test(clause)) ?? null,
  ];
  for (const rule of rules) {
    const title = finish(rule());
    if (title !== '') return title;
  }
  return '';
}
