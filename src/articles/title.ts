// The title of an excerpt. The scraped posts lost their titles; what survives is a leading
// section heading, often a generic one (概述, 引言), and a first paragraph that names the
// subject. The rules below try, in order, the sources a reader would look at first.
import { rankKeyTerms, type RankedTerm } from './key-terms.ts';
import { isGenericHeading, splitLeadingHeadings, type LeadingHeading } from './headings.ts';
import {
  clausesOf,
  definitionSubject,
  firstSentence,
  includesTerm,
  SCENE_SETTING,
  stripLeading,
  stripTrailing,
  withoutDiscourse,
  withoutRecap,
} from './clauses.ts';
import { ASPECT_HEADINGS, NUMERAL, PREFACE_WORDS, SECTION_NUMBER } from './heading-words.ts';
import { genericTitle } from './subject.ts';
import { clipWithEllipsis } from './summary.ts';
import { boundedPrefix, displayWidth, formulaSpans, SCAN_LIMIT, withoutLinksAndEmoji } from './text.ts';

/** About 40 CJK characters or 80 Latin ones. */
export const TITLE_WIDTH = 40;
// A 《title》 this early is what the post is about, even if its words are not the salient term.
const EARLY_BOOK_TITLE = 100;
// A statement of purpose is one clause; looking further only costs time on hostile input.
const PURPOSE_WINDOW = 200;

const PAPER_CUES = ['论文题目', '论文名称', '论文标题', '论文名为', '论文名是', '文章标题为', '标题为', '题目为', '题为'];
const PURPOSE_CUES = ['本文中', '本文', '这篇文章', '本篇', '本节', '本章', '在此'];
const PURPOSE_FILLERS = ['跟大家一起', '和大家一起', '与大家一起', '简单地', '一起', '就是', '主要', '我们', '简单', '重点', '详细', '将', '会', '要', '来', '先', '向你', '向您', '向大家', '为大家', '给大家', '带你', '带大家'];
const PURPOSE_VERBS = ['介绍', '梳理', '总结', '探讨', '讨论', '回顾', '分析', '解读', '研究', '整理', '讲解', '展示', '指导'];
const HAN = /\p{Script=Han}/u;
const NUMBERS = new RegExp(`第?${NUMERAL}[章节篇部讲课回]?|\\b(?:chapter|part|section)\\b`, 'giu');
// Lower case only: a capitalised `On` in a title is part of a phrase, not a seam.
const PREPOSITION = / (?:for|with|using|via|in|on|of|from|by|to|and|through|under) /gu;

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

/**
 * The heading that names the subject: the first specific one, unless it is a sub-section under a
 * generic heading (`17.3 应用任务和结果 17.3.1 NLP领域`), which names only a part.
 */
function subjectHeading(headings: readonly LeadingHeading[]): LeadingHeading | undefined {
  const index = headings.findIndex((heading) => !heading.generic);
  const heading = headings[index];
  const outer = headings.slice(0, index).find((candidate) => candidate.level > 0);
  return heading !== undefined && (outer === undefined || heading.level <= outer.level) ? heading : undefined;
}

/**
 * The specific heading without a blog's category label (`笔记|扩散模型(二)DDIM 理论与实现`); one
 * grows into the glossed term it abbreviates (`随机微分` → `随机微分方程(Stochastic Differential
 * Equation,SDE)`, `Stable Diffusion XL` → `Stable Diffusion XL (SDXL)`).
 */
function headingTitle(heading: LeadingHeading | undefined, rest: string): string | null {
  if (heading === undefined) return null;
  const text = heading.text
    .split(/\s*[|｜]\s*/u)
    .filter((part, index, parts) => index === parts.length - 1 || !isGenericHeading(part))
    .join('|');
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  let glossed: RegExp | null = null;
  if (/^\p{Script=Han}+$/u.test(text)) glossed = new RegExp(`${escaped}\\p{Script=Han}{0,6}\\s?[(（][A-Za-z][^()（）]{0,60}[)）]`, 'u');
  else if (/^[A-Za-z][\w .-]*$/u.test(text)) glossed = new RegExp(`^${escaped}\\s?[(（][A-Za-z][^()（）]{0,30}[)）]`, 'u');
  return glossed?.exec(rest)?.[0] ?? text;
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
    // `介绍 Diffusers 并帮助你…`, `指导您如何评估…`: the object, not the reader or a second verb.
    if (verb !== undefined) object = afterFillers.slice(verb.length).replace(/^(?:一下|了|下)/u, '').replace(/^\s*(?:您|你|大家)/u, '').split(/\s*并(?:且|帮助|让|使)/u)[0] ?? '';
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

/** The text without the section numbers and stray punctuation it opens with (`)第8章`, `4. `). */
function withoutLeadingNumbers(text: string): string {
  let rest = text;
  for (let number: string | undefined = ''; number !== undefined; ) {
    rest = rest.replace(/^[\s,，、:：;；.。!！)）—-]+/u, '');
    number = SECTION_NUMBER.exec(`${rest} `)?.[0];
    if (number !== undefined) rest = rest.slice(number.length);
  }
  return rest;
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
  // A section number never leads a title, nor is one: it points into a book the reader does not have.
  text = withoutLeadingNumbers(withoutLinksAndEmoji(text + candidate.slice(from)).replace(/\s+/gu, ' '))
    .replace(/^[\s,，、:：;；.。!！)）—-]+|[\s,，、:：;；.。!！(（—-]+$/gu, '');
  // A title says something in words: numbers and marks alone (`[1]`, `2.3`, `第8章`) are not one.
  if (!/\p{L}/u.test(text.replace(NUMBERS, '')) || isGenericHeading(text)) return '';
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
 * A title that names the subject, tried in this order: a paper title in the text; the heading
 * that names the subject (its section number dropped, never a sub-section's); the term the body
 * opens by defining (`方向导数:`); what the post says it is about (`本文…梳理一下X`); the term its
 * first sentence defines, unless a closing heading (`小结`) wants it paired; a generic heading with
 * the subject it introduces (`SSM 概述`, `离线强化学习的特性`); a term it glosses; the first clause
 * that holds the salient term; the first clause. The body skips a sentence that recalls the section
 * before (`上一节我们介绍了…`) and clauses that only set the scene. Empty when the text holds nothing
 * to name (only a placeholder, say): the caller picks the fallback.
 */
export function deriveTitle(text: string): string {
  const lead = withoutLinksAndEmoji(boundedPrefix(text, SCAN_LIMIT)).replace(/\s+/gu, ' ').trim();
  const { headings, rest } = splitLeadingHeadings(lead);
  const salient = rankKeyTerms(lead).find((term) => term.named);
  const body = withoutRecap(rest);
  const clauses = clausesOf(body).filter((clause) => !SCENE_SETTING.test(clause));
  const generic = headings.find((heading) => heading.generic)?.text;
  const subject = definitionSubject(body);

  const rules: (() => string | null)[] = [
    () => paperTitle(lead, salient),
    () => headingTitle(subjectHeading(headings), rest),
    // `方向导数:是一个数;…`: the text opens by defining a term.
    () => /^(\p{Script=Han}{2,8})[:：]/u.exec(body)?.[1] ?? null,
    () => {
      const purpose = purposeOf(body);
      // `本文将向你介绍 Diffusers` under `快速上手`: a bare name goes with the heading.
      if (purpose !== null && generic !== undefined && !PREFACE_WORDS.test(generic) && salient?.term === purpose) return `${purpose} ${generic}`;
      if (purpose === null || subject === null || purpose.includes(subject)) return purpose;
      return `${subject}：${purpose}`;
    },
    () => {
      // Under a heading that closes or takes an aspect (`小结`, `实验结果`), the subject goes with it.
      if (generic !== undefined && ASPECT_HEADINGS.test(generic)) return null;
      const glossed = subject !== null && /[(（][^)）]*[A-Za-z]/u.test(subject);
      return glossed || (subject !== null && salient !== undefined && includesTerm(subject, salient)) ? subject : null;
    },
    () => genericTitle(generic, body, lead, salient, subject),
    () => glossedTerm(body),
    () => {
      if (salient === undefined) return null;
      const index = clauses.findIndex((clause) => includesTerm(clause, salient));
      // Under a generic heading the subject comes at once: a clause further on is about something else.
      const clause = clauses[index] ?? '';
      const inReach = generic === undefined || firstSentence(body).includes(clause);
      return index === 0 || (index > 0 && inReach && salient.count >= 2) ? withoutDiscourse(clause) : null;
    },
    () => clauses.map(withoutDiscourse).find((clause) => /[\p{L}\p{N}]/u.test(clause)) ?? null,
  ];
  for (const rule of rules) {
    const title = finish(rule());
    if (title !== '') return title;
  }
  return '';
}
