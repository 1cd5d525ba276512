// Leading section headings: which are generic (概述, 引言与背景) and where the headings end.
import { PLACEHOLDERS } from '../model.ts';
import { displayWidth } from './text.ts';

// Section headings that say where in a post we are, not what it is about. A heading made
// only of these words (概述与理论背景, 背景和动机) is generic.
const GENERIC_WORDS = (
  '写在前面 概述 引言 简介 前言 背景 问题 引入 简短 总结 基本 概念 理论 原理 分析 定义 设定 描述 网络 架构 模型 ' +
  '结构 设计 方法 摘要 导言 导读 介绍 小结 动机 核心 思想 贡献 论文 阅读 名称 正文 目录 前置 预备 知识 基础 相关 ' +
  '工作 算法 综述 概览 要点 与 和 及 、 &'
).split(' ');
const GENERIC_LATIN = new Set(['introduction', 'overview', 'background', 'abstract', 'summary', 'motivation', 'preface']);

export function isGenericHeading(heading: string): boolean {
  const word = heading.replace(/[:：]$/u, '');
  if (word === '') return false;
  if (GENERIC_LATIN.has(word.toLowerCase())) return true;
  let i = 0;
  while (i < word.length) {
    const match = GENERIC_WORDS.find((generic) => word.startsWith(generic, i));
    if (match === undefined) return false;
    i += match.length;
  }
  return /\p{Script=Han}/u.test(word);
}

export interface LeadingHeading {
  text: string;
  generic: boolean;
}

const HAN = /\p{Script=Han}/u;
const CLAUSE_PUNCTUATION = /[,，。;；!！、]/u;
const NUMBERING = /^(?:\d{1,2}|[一二三四五六七八九十])[.、．)）]\s*/u;
// A heading is followed by a sentence; these cannot open one, so what precedes them is a subject.
const CONTINUATIONS = new Set(['是', '的', '为', '和', '与', '及', '或', '等', '之', '了', '着']);

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if ('(（[【《'.includes(char)) depth++;
    else if (')）]】》'.includes(char) && --depth < 0) return false;
  }
  return depth === 0;
}

function looksLikeMath(token: string): boolean {
  return /^[A-Za-z]\d*[,.;:]?$/u.test(token) || /[_^=\\{}$]/u.test(token) || PLACEHOLDERS.some((p) => token.startsWith(p));
}

function opensWithContinuation(token: string): boolean {
  return CONTINUATIONS.has(token[0] ?? '');
}

/** A short Chinese heading: `摘掉Softmax`, `CLIP算法原理`, `1.深度学习偏置的作用?`. */
function hanHeading(token: string, next: string | undefined): boolean {
  // A trailing colon introduces the sentence (`做到了什么: 1. …`); a trailing question mark asks it.
  const body = token.replace(/[?？]$/u, '');
  return (
    next !== undefined &&
    displayWidth(body) >= 2 &&
    HAN.test(body) &&
    !CLAUSE_PUNCTUATION.test(body) &&
    !/[:：?？]/u.test(body) &&
    balanced(body) &&
    displayWidth(body) <= 16 &&
    !looksLikeMath(next) &&
    !opensWithContinuation(next) &&
    // `本文的任务是Object detection`: a space between two Latin words is inline spacing.
    !(/[A-Za-z]$/u.test(body) && /^[A-Za-z]/u.test(next))
  );
}

/**
 * A run of Latin words before the first Chinese token is a heading (`Score based generative
 * model`, `SigLIP`) unless it is the subject of the sentence that follows (`Kimi k1.5采用了…`,
 * `Trust Region Policy Optimization (TRPO) 是…`). Returns how many tokens the heading takes.
 */
function latinHeading(tokens: string[]): number {
  let run = 0;
  while (run < tokens.length && run < 6 && !HAN.test(tokens[run] ?? '')) {
    if (looksLikeMath(tokens[run] ?? '') || CLAUSE_PUNCTUATION.test(tokens[run] ?? '')) return 0;
    run++;
  }
  const next = tokens[run];
  if (run === 0 || next === undefined || !/^[A-Za-z]/u.test(tokens[0] ?? '')) return 0;
  const glued = /^[A-Za-z][\w.-]*/u.exec(next)?.[0];
  if (glued !== undefined) return /^[A-Z]/u.test(glued) ? run : 0;
  if (opensWithContinuation(next)) return 0;
  if (isGenericHeading(next)) return run;
  const headingLike = !CLAUSE_PUNCTUATION.test(next) && displayWidth(next) <= 12 && tokens[run + 1] !== undefined;
  return headingLike ? run + 1 : 0;
}

/**
 * Peel the headings off the start of an excerpt: any number of generic ones (`概述`, `网络架构:`)
 * and at most one specific one. `rest` is what follows them.
 */
export function splitLeadingHeadings(text: string): { headings: LeadingHeading[]; rest: string } {
  const headings: LeadingHeading[] = [];
  let rest = text.trim();
  let specificTaken = false;
  for (let round = 0; round < 6; round++) {
    const numbered = rest.replace(NUMBERING, '');
    const tokens = numbered.split(/\s+/u, 8);
    const first = tokens[0] ?? '';
    const label = /^([^\s:：]{1,10})[:：]/u.exec(first)?.[1];
    let taken = 0;
    let generic = false;
    if (first !== '' && isGenericHeading(first) && tokens.length > 1) {
      taken = 1;
      generic = true;
    } else if (label !== undefined && isGenericHeading(label)) {
      headings.push({ text: label, generic: true });
      rest = numbered.slice(numbered.indexOf(label) + label.length + 1).trim();
      continue;
    } else if (!specificTaken && hanHeading(first, tokens[1])) {
      taken = /^[(（][^)）]*[)）][:：]?$/u.test(tokens[1] ?? '') ? 2 : 1;
    } else if (!specificTaken) {
      taken = latinHeading(tokens);
    }
    if (taken === 0) break;
    const headingTokens = tokens.slice(0, taken);
    let end = 0;
    for (const token of headingTokens) end = numbered.indexOf(token, end) + token.length;
    headings.push({ text: numbered.slice(0, end).replace(/[:：]$/u, '').trim(), generic });
    specificTaken ||= !generic;
    rest = numbered.slice(end).replace(/^[\s:：]+/u, '');
  }
  return { headings, rest };
}
