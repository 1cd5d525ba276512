import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isGenericHeading, splitLeadingHeadings } from '../../src/articles/headings.ts';
import { deriveTitle } from '../../src/articles/title.ts';

const split = (text: string): [string[], string] => {
  const { headings, rest } = splitLeadingHeadings(text);
  return [headings.map((heading) => (heading.generic ? `~${heading.text}` : heading.text)), rest];
};

test('section numbers of every kind go, and the heading after them is found', () => {
  assert.deepEqual(split('第8章 针对连续动作的深度Q网络 深度Q网络是一种算法。'), [['针对连续动作的深度Q网络'], '深度Q网络是一种算法。']);
  assert.deepEqual(split('第十章 强化学习 强化学习是机器学习的一个分支。'), [['强化学习'], '强化学习是机器学习的一个分支。']);
  assert.deepEqual(split('Chapter 3 Markov Decision Processes 马尔可夫决策过程是一个框架。'), [['Markov Decision Processes'], '马尔可夫决策过程是一个框架。']);
  assert.deepEqual(split('13.2 VAE:概率建模与重参数化技巧 上一节我们介绍了 AutoEncoder。'), [['VAE:概率建模与重参数化技巧'], '上一节我们介绍了 AutoEncoder。']);
  assert.deepEqual(split('14.2.1 深度学习 深度学习是机器学习的分支。'), [['深度学习'], '深度学习是机器学习的分支。']);
  assert.deepEqual(split('2.2.3 层归一化 层归一化,也就是 Layer Norm。'), [['层归一化'], '层归一化,也就是 Layer Norm。']);
  assert.deepEqual(split('一、数据增广 在图像分类任务中,增广很常用。'), [['数据增广'], '在图像分类任务中,增广很常用。']);
  assert.deepEqual(split('(2)预训练任务——CLM Decoder-Only 的模型结构更适合生成。'), [['预训练任务——CLM'], 'Decoder-Only 的模型结构更适合生成。']);
  assert.deepEqual(split('3 池化中填充的方式 在飞桨中,参数有四种。'), [['池化中填充的方式'], '在飞桨中,参数有四种。']);
  assert.deepEqual(split('3.2 Self-Attention 自注意力是一种特殊的注意力,输入相同。'), [['Self-Attention'], '自注意力是一种特殊的注意力,输入相同。']);
  assert.deepEqual(split('习题 1-1 强化学习的基本结构是什么?'), [['~习题'], '强化学习的基本结构是什么?']);
});

test('a number that counts something, or is part of a name, is not a section number', () => {
  assert.deepEqual(split('3 个模型都用了注意力。'), [[], '3 个模型都用了注意力。']);
  assert.deepEqual(split('2022年中旬,扩散模型火了。'), [[], '2022年中旬,扩散模型火了。']);
  assert.deepEqual(split('3D卷积(3D Convolution) 一、3D卷积 标准卷积是一种2D卷积。'), [['3D卷积(3D Convolution)', '3D卷积'], '标准卷积是一种2D卷积。']);
  assert.deepEqual(split('笔记|扩散模型(八)DALL-E 2 (unCLIP) 理论与实现 论文链接:Hierarchical Text。')[0], ['笔记|扩散模型(八)DALL-E 2 (unCLIP) 理论与实现']);
});

test('a numbered sub-heading after the heading is a heading too, and ends the one before it', () => {
  assert.deepEqual(split('15.3 基于特征的迁移 15.3.1 特征选择 如图所示,特征很重要。'), [['基于特征的迁移', '特征选择'], '如图所示,特征很重要。']);
  assert.deepEqual(split('Longformer: The Long-Document Transformer 1. Longformer的由来 目前很多模型很慢。')[0], ['Longformer: The Long-Document Transformer', 'Longformer的由来']);
  assert.deepEqual(split('1、DeepLab系列简介 1.1.DeepLabV1 作者发现网络很好。')[0][0], 'DeepLab系列简介');
});

test('a Latin heading ends where a sentence opens, glued or after a space', () => {
  assert.deepEqual(split('Conservative Q-Learning 为了解决价值高估,CQL学习保守的Q函数。')[0], ['Conservative Q-Learning']);
  assert.deepEqual(split('VAE 相比于 Stable Diffusion,SDXL 重新训练了 VAE。')[0], ['VAE']);
  assert.deepEqual(split('Random Ensemble Mixture 文献[3]中,作者度量了不确定性。')[0], ['Random Ensemble Mixture']);
  assert.deepEqual(split('Batch-Constrained deep Q-learning BCQ算法是离线强化学习的开篇之作。')[0], ['Batch-Constrained deep Q-learning']);
  assert.deepEqual(split('Longformer Attention的实现 上述提出的机制尚未实现,因此作者实现了三种方式。')[0], ['Longformer Attention的实现']);
});

test('a heading ends where the body names its subject again', () => {
  assert.deepEqual(split('Stable Diffusion XL Stable Diffusion XL (SDXL) 是一个模型。'), [['Stable Diffusion XL'], 'Stable Diffusion XL (SDXL) 是一个模型。']);
  assert.deepEqual(split('LoRA LoRA 是一种训练技术。'), [['LoRA'], 'LoRA 是一种训练技术。']);
  assert.deepEqual(split('DCN v2 DCN v2 在DCN v1基础上添加权重 为了解决无关区域的问题,我们添加权重。')[0], ['DCN v2']);
});

test('a Latin name that is the subject of the sentence after it is not a heading', () => {
  assert.deepEqual(split('Trust Region Policy Optimization (TRPO) 是一种算法。')[0], []);
  assert.deepEqual(split('Kimi k1.5采用了一种框架,它很简单。')[0], []);
  assert.deepEqual(split('CLIP 不预先定义类别,直接训练。')[0], []);
  assert.deepEqual(split('CTC 算法主要用来解决对齐的问题,CTC 很常用。')[0], []);
  assert.deepEqual(split('Time Embedding 的实现 时间步的嵌入可以用 ViT 的风格。')[0], []);
  assert.deepEqual(split('3.2 模型介绍 ViT 把图像切成小块,然后送入编码器。')[0], ['~模型介绍']);
  assert.deepEqual(split('Swin Transformer涉及模型代码较多,推荐看Swin Transformer的实现。')[0], []);
  // The same words after a section number are a heading: `3.2.7 Feed Forward 将…`.
  assert.deepEqual(split('3.2.7 Feed Forward 将向量投影到一个更大的空间,再投影回来。')[0], ['Feed Forward']);
});

test('a Latin name recurring in the text is a heading before an unmarked sentence; one said once is not', () => {
  assert.deepEqual(split('ParaAttention 大型模型推理很慢,ParaAttention 是一个库。')[0], ['ParaAttention']);
  assert.deepEqual(split('Transformer 10.6.2节中比较了三种架构。Transformer模型完全基于注意力。')[0], ['Transformer']);
  assert.deepEqual(split('ParaAttention 大型模型推理很慢,它是一个库。')[0], []);
});

test('a sentence opener, a clause or a lost line break ends a Chinese heading', () => {
  assert.deepEqual(split('状态价值函数 我们这样写状态价值函数:')[0], ['状态价值函数']);
  assert.deepEqual(split('什么是batch size 在神经网络的训练过程中,batch size 很重要。')[0], ['什么是batch size']);
  assert.deepEqual(split('如何计算RF 公式一:这个算法从top往下迭代。')[0], ['如何计算RF']);
  assert.deepEqual(split('笔记|大模型训练(二)并行编程快速入门 本学习笔记是对一本书的记录。')[0], ['笔记|大模型训练(二)并行编程快速入门']);
  assert.deepEqual(split('16.6 Attention九层塔 - 注意力机制的九重理解 本文作者: 某人')[0], ['Attention九层塔 - 注意力机制的九重理解']);
  assert.deepEqual(split('将模型适配至新任务 许多扩散系统共享相同的组件架构。')[0], ['将模型适配至新任务']);
  assert.deepEqual(split('总结 虽然 DALL-E 并不是基于扩散模型的,但它很有前瞻性。')[0], ['~总结']);
  assert.deepEqual(split('本文中我们介绍了基于 SDE 进行 score-based 建模的方式。')[0], []);
});

test('a sentence is not a heading, though it runs into Latin words or cites a source', () => {
  assert.deepEqual(split('12.3.1.2 发展历史 生成对抗网络是由Ian Goodfellow等人于2014年提出的。')[0], ['~发展历史']);
  assert.deepEqual(split('1、DeepLab系列简介 1.1.DeepLabV1 作者发现Deep Convolutional Neural Networks (DCNNs) 能够处理分类。')[0], ['DeepLab系列简介', 'DeepLabV1']);
  assert.deepEqual(split('模型介绍 CTPN(Connectionist Text Proposal Network) [1] 是一种检测算法。')[0], ['~模型介绍']);
});

test('a colon joins a heading to its subtitle, or ends it', () => {
  assert.deepEqual(split('One-Hot编码: 一种简单的单词编码方式 在NLP领域,它很简单。')[0], ['One-Hot编码: 一种简单的单词编码方式']);
  assert.deepEqual(split('GAIL:生成式对抗模仿学习 模仿学习主要有两种形式。')[0], ['GAIL:生成式对抗模仿学习']);
  assert.deepEqual(split('混合专家模型 (MoEs): 与稠密模型相比,预训练更快。')[0], ['混合专家模型 (MoEs)']);
  assert.deepEqual(split('变分自编码器 Variational Auto-encoder, VAE 附录: 图中英文翻译 12.4.1 概述')[0][0], '变分自编码器 Variational Auto-encoder, VAE');
  assert.deepEqual(split('方向导数:是一个数;反映的是变化率。')[0], []);
  assert.deepEqual(split('做到了什么: 1. 更快的速度。')[0], []);
});

test('a numbered label heads what it numbers: `情况1:…`, `优化三:…`', () => {
  assert.deepEqual(split('优化三:与梯度累积共同使用 梯度累积在更新参数前执行多次前向。')[0], ['优化三:与梯度累积共同使用']);
  assert.deepEqual(split('情况1和2:比率在范围内 在情况1和2中,裁剪不适用。')[0], ['情况1和2:比率在范围内']);
});

test('generic headings: document parts, paper sections, numbered labels, in Chinese and English', () => {
  const generic = ['练习', '习题', '关键词', 'Main Idea (What):', '定义', '小结', '概述', '实验结果', '背景介绍', '模型介绍', '基准测试', '网络概述及其创新点', '一些工作背景', '原理说明', '历史脉络', '应用任务和结果', '定量评估', '情况1', '优化三', '第一步', 'Motivation (Why):', 'Related Work', 'Data', 'Introduction', '实验结果:'];
  for (const heading of generic) assert.ok(isGenericHeading(heading), heading);
  const specific = ['数据增广', '注意力机制', '在线强化学习', '测试时增强', '模型压缩的基本方法', '任务类型', '深度学习', 'Transformer', 'Stable Diffusion', '强化学习基础知识点', '情况'];
  for (const heading of specific) assert.ok(!isGenericHeading(heading), heading);
  assert.ok(!isGenericHeading('概述'.repeat(100)), 'a long text is never a heading');
});

test('headings are read from a bounded start, whatever the line holds', () => {
  for (const hostile of ['('.repeat(100_000), '1. '.repeat(50_000), 'Attention '.repeat(20_000), '概述 '.repeat(30_000), 'a|'.repeat(50_000)]) {
    const { headings } = splitLeadingHeadings(hostile);
    assert.ok(headings.length <= 8, hostile.slice(0, 10));
  }
});

// The pieces excerpts are made of: section numbers, headings generic and specific, Latin names,
// openers, copulas, punctuation, brackets, placeholders.
const PIECES = ['第8章', '13.2', '1.', '一、', '(2)', '概述', '实验结果', '情况1:', 'Data', 'VAE', 'Stable Diffusion', ':', '：', '是',
  '的', '在', '为了', '我们', 'Transformer', '强化学习', '模型', '。', ',', '、', '(', ')', '[1]', '笔记|', '|', '[Math]', '?', 'a', '3'];
const excerpt = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ')), { maxLength: 40 }).map((parts) => parts.join(''));

test('the body is always what follows the headings, and no title is a section number or generic heading', () => {
  fc.assert(
    fc.property(excerpt, (text) => {
      const { rest } = splitLeadingHeadings(text);
      assert.ok(text.trim().endsWith(rest), JSON.stringify(text));
      const title = deriveTitle(text);
      assert.ok(!isGenericHeading(title), `${JSON.stringify(text)} → ${title}`);
      const withoutNumbers = title.replace(/第8章|13\.2|1\.|一、|\(2\)/gu, '');
      assert.ok(title === '' || /[\p{L}]/u.test(withoutNumbers), `${JSON.stringify(text)} → ${title}`);
    }),
    { numRuns: 2000 },
  );
});
