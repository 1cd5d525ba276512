// The words that tell a section heading from the sentence after it, as data. Each list is a kind
// of word from the field (textbooks, course notes, paper notes, library docs), not from one excerpt.

/**
 * Section headings that say where in a document we are, not what it is about: document parts,
 * the sections of a paper, of a textbook chapter and of library docs. A heading made only of
 * these (`概述与理论背景`, `网络概述及其创新点`, `实验结果`, `一些工作背景`) is generic.
 */
export const GENERIC_HAN_WORDS = (
  // document parts
  '写在前面 概述 概要 概论 概览 综述 引言 导言 导读 绪论 前言 序言 简介 介绍 简要 简短 摘要 目录 正文 附录 参考 参考文献 ' +
  '致谢 结论 结语 总结 小结 回顾 笔记 解读 详解 讲解 解析 说明 注意事项 补充 延伸 拓展 扩展 阅读 展望 思考 讨论 ' +
  '练习 习题 思考题 作业 问答 面试题 关键词 术语 ' +
  // the sections of a paper
  '背景 动机 目的 目标 问题 引入 贡献 创新点 创新 相关工作 相关 工作 方法 方法论 模型 算法 网络 结构 架构 框架 设计 ' +
  '原理 思想 思路 核心 关键点 要点 重点 细节 技术 实现 代码 实验 设置 设定 配置 数据集 数据 结果 效果 性能 指标 评估 ' +
  '评测 评价 测试 基准 对比 比较 分析 消融 局限性 局限 优缺点 优点 缺点 优势 劣势 特点 特性 应用场景 应用 场景 任务 ' +
  // a textbook chapter, a tutorial
  '定义 概念 理论 描述 名称 论文 文章 基本 基础 前置 预备 知识 历史 发展 由来 脉络 现状 流程 步骤 过程 训练 推理 ' +
  '示例 例子 案例 实践 实战 教程 入门 快速 上手 展示 演示 定量 定性 提出 主要 总体 整体 简单 一些 其他 其它 更多 ' +
  // the aspects a guide is organised by
  '速度 内存 显存 质量 效率 精度 成本 开销 ' +
  // what joins them
  '及其 及 与 和 的 、 &'
).split(' ');

/** The same in English, lower case; a heading of these words (`Related Work`, `Motivation (Why):`) is generic. */
export const GENERIC_LATIN_WORDS = new Set(
  ('introduction intro overview background abstract summary motivation preface conclusion conclusions discussion ' +
    'related work works method methods methodology approach experiment experiments result results evaluation setup ' +
    'implementation architecture model data dataset datasets training inference usage example examples appendix ' +
    'reference references limitation limitations future analysis ablation preliminaries prerequisites note notes ' +
    'tldr tl;dr quickstart quick start getting started key idea ideas contribution contributions definition definitions ' +
    'recap review outline contents benchmark benchmarks performance main idea exercise exercises keywords glossary ' +
    'why what how next steps and the of &').split(' '),
);

/** Labels that a number turns into a heading of their own: `情况1`, `优化三`, `方法二`, `Step 2`, `Case 1`. */
export const ENUMERATED_LABELS = [
  '情况', '步骤', '方法', '方式', '阶段', '案例', '示例', '例子', '场景', '方案', '思路', '问题', '部分', '优化', '技巧',
  '版本', '实验', '练习', '习题', '例', 'step', 'case', 'example', 'stage', 'phase', 'part', 'option', 'method',
];

/** A numeral, Arabic or Chinese: the numbers of `第十章`, `情况1`, `一、`. */
export const NUMERAL = '[0-9一二三四五六七八九十百零〇两]+';

/**
 * A section number in front of a heading: `第8章`, `第十章`, `Chapter 3`, `13.2`, `14.2.1`, `3.`,
 * `1、`, `一、`, `(2)`, `2)`, an exercise's `1-1`. A bare `3` or `1.5` needs the space after it,
 * and not a measure word after that (`3 个模型`, `1.5 倍` are quantities), so that `2022年` and
 * `3D卷积` stay what they are.
 */
export const SECTION_NUMBER = new RegExp(
  `^(?:第${NUMERAL}[章节篇部讲课回]\\s*[:：.、]?` +
    '|(?:chapter|part|section|unit|lecture)\\s*\\d+\\s*[:：.]?(?=\\s)' +
    '|\\d{1,3}(?:\\.\\d{1,3}){2,}(?=\\s)' +
    '|\\d{1,3}(?:\\.\\d{1,3})?(?=\\s+(?![个种类位层次倍年月日天秒%]))' +
    '|\\d{1,3}(?:\\.\\d{1,3})*[.、．)）](?!\\d)' +
    '|\\d{1,3}-\\d{1,3}(?=\\s)' +
    `|[一二三四五六七八九十]+[、.．]|[(（]${NUMERAL}[)）])\\s*`,
  'iu',
);

/**
 * Words that open a sentence and never a heading: conjunctions, discourse words, pronouns and
 * the prepositions that start a scene-setting phrase (`在…中,`, `为了…`, `相比于…`).
 */
export const SENTENCE_OPENERS = [
  '本文', '本节', '本章', '本篇', '本指南', '我们', '我', '你', '您', '他们', '它们', '作者', '笔者', '研究者', '人们', '这', '那', '其中', '此外', '另外', '虽然',
  '尽管', '但是', '但', '然而', '而且', '并且', '因为', '由于', '所以', '因此', '于是', '如果', '假如', '假设', '当', '在',
  '为了', '对于', '关于此', '相比', '相较', '与之', '根据', '按照', '随着', '除了', '作为', '首先', '其次', '然后', '最后',
  '接下来', '下面', '以下', '上一', '前面', '之前', '如图', '如表', '如下', '如上', '例如', '比如', '一般', '通常', '事实上',
  '实际上', '其实', '总之', '总的来说', '简单来说', '众所周知', '可见', '如',
];
/** Heading words that begin like an opener: `在线强化学习` is not `在…中`, `如何计算RF` is a heading. */
export const NOT_OPENERS = ['在线', '如何'];

/**
 * Verbs that follow a subject (`ViT 把图像切成小块`, `DBNet 通过…`): after a name they continue its
 * sentence, unless a section number shows the name is a heading (`3.2.7 Feed Forward 将…`).
 */
export const SUBJECT_VERBS = ['将', '把', '让', '可以', '能够', '即', '也就是', '通过', '采用', '使用', '利用'];
/** Of those, the ones no heading starts with; the others can open an imperative (`将模型适配至新任务`). */
export const NEVER_HEADING_START = ['可以', '能够', '即', '也就是'];

/**
 * Words that continue a sentence whose subject came just before (`TRPO 是…`, `Time Embedding 的实现`,
 * `CLIP 不预先定义…`), and the words they begin that do not (`不同类型的…`).
 */
export const CONTINUATIONS = ['是', '的', '为', '和', '与', '及', '或', '等', '之', '了', '着', '也', '都', '就', '不', '被'];
export const NOT_CONTINUATIONS = ['不同', '等等', '了解'];

/**
 * Generic headings that only announce an introduction (`SigLIP 概述`, `DBNet 背景介绍`): after a
 * name they are not part of it. Others (`ELMo 训练`, `Seq2Seq 模型`) stay with the name.
 */
export const INTRODUCTION_WORDS = [
  '概述', '概要', '概览', '总览', '综述', '简介', '介绍', '简要', '引言', '前言', '导读', '导言', '回顾', '背景', '提出', '与', '和',
  'introduction', 'overview', 'background', 'recap', 'and',
];

/**
 * Generic headings that open a text without describing it (`引言`, `问题引入`): a title never
 * pairs a subject with them (`DDPG 引言` reads wrong), it names the subject another way.
 */
export const PREFACE_WORDS = /^(?:写在前面|引言|前言|导言|序言|绪论|引入|问题引入|正文|目录)/u;

/**
 * Generic headings that close a text or take one aspect of it (`小结`, `实验结果`, `优缺点`): unlike
 * an introduction, they pair with the subject even when the body opens by defining it (`Transformer 小结`).
 */
export const ASPECT_HEADINGS = /小结|总结|结论|结语|实验|结果|评估|评测|测试|基准|效果|性能|指标|讨论|展望|优缺点|优点|缺点|局限|应用|实现|代码|速度|内存|显存|质量|效率|精度|特点|特性|练习|习题/u;

/** Signs that Chinese after a Latin name is a sentence, not the rest of a heading (`现有的工作已经证明了`). */
export const PREDICATE_MARKERS = /[了吗呢吧]$|已经|可以|能够|需要|应该|正在|进行|使用|通过/u;
/** A copula inside a phrase makes it a sentence (`生成对抗网络是由Ian…`), unless it asks (`什么是RL?`). */
export const COPULA = /(?<!什么)是(?!什么)/u;

/**
 * Nouns a Latin name modifies inside a noun phrase (`CTC 算法主要用来…`): after them the name is
 * the subject of the sentence, not a heading of its own.
 */
export const HEAD_NOUNS = ['算法', '模型', '网络', '方法', '机制', '架构', '框架', '损失', '函数', '模块', '结构', '技术', '系列', '论文'];
