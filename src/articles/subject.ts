// The subject a generic heading introduces (`实验结果`, `特性`, `历史脉络`): the heading never
// stands alone as a title, so this finds what follows it in the body and joins the two.
import { PREFACE_WORDS } from './heading-words.ts';
import type { RankedTerm } from './key-terms.ts';
import {
  clausesOf,
  firstSentence,
  includesTerm,
  SCENE_SETTING,
  SENTENCE_WINDOW,
  withoutDiscourse,
} from './clauses.ts';
import { boundedPrefix } from './text.ts';

const HAN = /\p{Script=Han}/u;
// Generic headings that introduce their subject as a whole (`DETR 原理分析`, `CRNN 模型介绍`): a name
// the text keeps using goes with them even if the first sentence does not say it.
const INTRODUCING = /^(?:概述|简介|介绍|原理|原理分析|基本概念|算法原理|综述|概览|核心思想|模型介绍|算法介绍|简要介绍)$/u;
const LATIN_NAME = /^[A-Z][A-Za-z0-9 .-]*$/u;
// `score-based model 也遵循…`: a Latin term that opens the first clause is its subject, in any case.
const OPENING_LATIN = /^[A-Za-z][\w.+-]+(?: [A-Za-z][\w.+-]*){0,3}(?=\s*\p{Script=Han})/u;
// `X概述`, `X简介` read as one phrase; other generic headings take `的` (`图神经网络的历史脉络`).
const DIRECT_JOIN = /^(?:概述|简介|介绍|总结|小结|综述|回顾|入门|详解|导读|笔记|概览|原理)/u;
// A Chinese term the text keeps using (`离线强化学习`, `图神经网络`) names the subject of a generic heading.
const RECURRING_TERM_COUNT = 3;
// Characters that end or begin a phrase, never a term: particles, pronouns, prepositions.
const NOT_TERM_EDGE = /^[的了是在和与及或等中上下一这那我你他她它们个将把被对从向以为之其此该各每所也都就还又而并且但不没很更最再着过]|[的了是在和与及或等中上下这那个将把被对从向以为之其此该各每所也都就还又而并且但不没很更最再着过]$/u;

/** The longest Chinese term of `sentence` that the text uses at least RECURRING_TERM_COUNT times. */
function recurringTerm(sentence: string, lead: string): string | null {
  let best: { term: string; count: number } | null = null;
  for (const [run] of sentence.matchAll(/\p{Script=Han}{3,}/gu)) {
    for (let length = Math.min(8, run.length); length >= 3 && (best === null || length >= best.term.length); length--) {
      for (let start = 0; start + length <= run.length; start++) {
        const term = run.slice(start, start + length);
        if (NOT_TERM_EDGE.test(term)) continue;
        const count = lead.split(term).length - 1;
        if (count >= RECURRING_TERM_COUNT && (best === null || length > best.term.length || count > best.count)) best = { term, count };
      }
    }
  }
  return best?.term ?? null;
}

/**
 * Where the body says what a generic heading is about, when no subject is named: the first clause
 * that says the heading again, from its `如何` if it asks how (`你将关注的是如何提高图像的质量` under
 * `质量`). Only a Chinese heading is read this way, and only the body's first sentences.
 */
function headingEcho(heading: string, body: string): string | null {
  if (!HAN.test(heading)) return null;
  const clauses = clausesOf(boundedPrefix(body, 2 * SENTENCE_WINDOW)).filter((clause) => !SCENE_SETTING.test(clause));
  const echo = clauses.find((clause) => clause.includes(heading));
  if (echo === undefined) return null;
  const how = echo.indexOf('如何');
  return how === -1 ? withoutDiscourse(echo) : echo.slice(how);
}

/** `图神经网络的发展历史` owns `历史脉络`: the sentence says `term的X`, and X shares a word with the heading. */
function ownsHeading(sentence: string, term: string, heading: string): boolean {
  for (const [, owned = ''] of sentence.matchAll(new RegExp(`${term}的(\\p{Script=Han}{2,4})`, 'gu'))) {
    for (let i = 0; i + 2 <= owned.length; i++) if (heading.includes(owned.slice(i, i + 2))) return true;
  }
  return false;
}

/** `作者提出ViT`, `CRNN是2015年被提出的`: the name a text says was proposed is what it introduces. */
function introducedName(body: string): string | null {
  const window = boundedPrefix(body, 2 * SENTENCE_WINDOW);
  const proposed = /(?:提出|推出)了?\s*(?:一种|一个|名为)?\s*([A-Z][\w-]*(?: [A-Z][\w-]*)*)/u.exec(window);
  return proposed?.[1] ?? /([A-Z][\w-]*)\s*是[^。，,]{0,30}提出的/u.exec(window)?.[1] ?? null;
}

/**
 * A generic heading with the subject it introduces: a Latin name the body defines, says was
 * proposed, or names in its first sentence (`Classifier Guidance 工作背景`, `ViT 模型介绍`, `DALL-E
 * 总结`), or a term that opens it or the text keeps using (`离线强化学习的特性`). Never with a preface
 * heading (`引言`), which says nothing of the subject.
 */
export function genericTitle(
  generic: string | undefined,
  body: string,
  lead: string,
  salient: RankedTerm | undefined,
  subject: string | null,
): string | null {
  if (generic === undefined || PREFACE_WORDS.test(generic)) return null;
  const heading = generic.replace(/^(?:一些|一个)/u, '');
  const sentence = firstSentence(body);
  // A Chinese term the first clause defines (`扩散模型是一类生成模型`) makes the title with its definition.
  if (subject !== null && !LATIN_NAME.test(subject)) return null;
  // Clauses that only set the scene (`在 ImageNet 上`) do not hold the subject.
  const content = clausesOf(sentence).map(withoutDiscourse).filter((clause) => !SCENE_SETTING.test(clause));
  const opening = content[0] ?? '';
  const term = recurringTerm(sentence, lead);
  const opensWithTerm = term !== null && opening.startsWith(term);
  const named = salient !== undefined && (content.some((clause) => includesTerm(clause, salient)) || (salient.count >= 2 && INTRODUCING.test(heading)));
  const latinName = named ? salient.term : (OPENING_LATIN.exec(opening)?.[0].trim() ?? null);
  const name = subject ?? introducedName(body) ?? (opensWithTerm ? null : latinName);
  if (name !== null) return `${name} ${heading}`;
  // A Chinese term is the subject when it opens the sentence (`离线强化学习利用…`) or owns what the
  // heading names (`回顾一下图神经网络的发展历史` under `历史脉络`); elsewhere it is a word the text repeats.
  if (term !== null && (opensWithTerm || ownsHeading(sentence, term, heading))) {
    return DIRECT_JOIN.test(heading) ? `${term}${heading}` : `${term}的${heading}`;
  }
  return headingEcho(heading, body);
}
