import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TopicId } from '../../src/model.ts';
import { createTagger, NEIGHBOURS, NOT_CUES, tagArticle, TOPICS, type Topic } from '../../src/topics/index.ts';

const tagger = createTagger(TOPICS, NOT_CUES, NEIGHBOURS);

function topicsOf(title: string, text: string, keyTerms?: string[]): TopicId[] {
  return tagArticle({ title, text, ...(keyTerms ? { keyTerms } : {}) }).map((tag) => tag.topic);
}

function evidenceFor(topic: TopicId, text: string): string[] {
  return tagger.read({ title: '', text }).find((reading) => reading.topic === topic)?.evidence ?? [];
}

function scoreFor(topic: TopicId, input: { title: string; text: string; keyTerms?: string[] }): number {
  return tagger.read(input).find((reading) => reading.topic === topic)?.score ?? 0;
}

const NEUTRAL = '我们先回顾一下相关的符号约定，再给出完整的推导过程。';

test('an article that opens by naming diffusion models, then explains a VQ autoencoder, is not tagged diffusion', () => {
  const text =
    '近两年，扩散模型成为了图像生成的主流方法。不过在此之前，VQVAE 已经提出了把图像压缩成离散编码的思路。' +
    '它的编码器输出连续向量，再在码本中寻找最近的码字进行替换，这一步不可导，因此要用直通估计器把梯度复制回编码器。' +
    '码本本身通过额外的损失项更新，让码字向编码器输出靠拢。训练完成后，再用一个自回归模型学习离散编码的先验分布。';
  assert.deepEqual(topicsOf('VQVAE 的离散编码', text), []);
});

test('an article on loss functions that names reinforcement learning as one alternative is not tagged rl', () => {
  const text =
    '分类问题的评测指标是正确率，但正确率不可导，没法直接当作损失函数。常见的做法是用交叉熵作为替代，' +
    '它与正确率有一定的关联，但并不是单调对应的。一种思路是动用强化学习，把正确率当作奖励，用策略梯度去优化。' +
    '本文介绍另一种思路：构造正确率的光滑近似，使它可以直接求导并参与训练。';
  assert.deepEqual(topicsOf('用光滑近似优化正确率', text), []);
});

test('a Vision Transformer article is tagged both vision and attention', () => {
  const text =
    'ViT 把图像切成固定大小的 patch，经过线性投影得到 patch embedding，再加上位置编码送入 Transformer 编码器。' +
    '每一层都由多头自注意力和前馈网络组成，最后用 [CLS] token 的输出做图像分类。在 ImageNet 上，大规模预训练的 ViT 超过了同等规模的 ResNet。';
  assert.deepEqual([...topicsOf('ViT 详解', text)].sort(), ['attention', 'vision']);
});

test('an article about the AdamW optimizer is tagged with no topic', () => {
  const text =
    'AdamW 把权重衰减从梯度更新中解耦出来：Adam 先用梯度的一阶矩和二阶矩估计计算自适应步长，' +
    '权重衰减项则直接作用在参数上，而不经过二阶矩的缩放。这样正则化的强度不再依赖于梯度的大小，大模型训练默认使用 AdamW。';
  assert.deepEqual(topicsOf('Adam 与 AdamW 的区别', text), []);
});

test('an article about directional derivatives is tagged with no topic', () => {
  const text =
    '方向导数反映函数在某点沿给定方向的变化率，偏导数是沿坐标轴方向的方向导数。梯度是由各个偏导数组成的向量，' +
    '它的方向是方向导数取得最大值的方向，模就是最大的方向导数。例如 f(x, y) = x^2 + y^2 在点 (1, 2) 处的梯度是 (2, 4)。';
  assert.deepEqual(topicsOf('方向导数与梯度', text), []);
});

test('a tag carries the distinct cue terms that earned it, strongest first, spelled as in the table', () => {
  const text =
    '在 ddpm 中，扩散过程被划分为固定的 T 步。DDPM 的前向过程逐步加噪，逆向过程逐步去噪。' +
    '把步数取到无穷，离散的扩散就变成了一个 sde，也就是随机微分方程。DDPM 的训练目标是预测噪声。';
  const [tag] = tagArticle({ title: '从 DDPM 到 SDE', text });
  assert.equal(tag?.topic, 'diffusion');
  assert.equal(tag?.evidence[0], 'DDPM');
  assert.ok(tag?.evidence.includes('SDE'));
  assert.ok(tag?.evidence.includes('扩散'));
  assert.equal(new Set(tag?.evidence).size, tag?.evidence.length);
  assert.ok(!tag?.evidence.includes('ddpm'));
});

test('glued Latin words from the scrape match the hyphenated cue terms', () => {
  assert.deepEqual(evidenceFor('rl', 'ActorCritic 方法'), ['Actor-Critic']);
  assert.deepEqual(evidenceFor('rl', '一种 offpolicy 的算法'), ['off-policy']);
  assert.deepEqual(evidenceFor('rl', 'Qlearning 的更新'), ['Q-learning']);
  assert.deepEqual(evidenceFor('diffusion', '基于StableDiffusion的工作'), ['Stable Diffusion']);
  assert.deepEqual(evidenceFor('attention', 'Self Attention 的计算'), ['self-attention']);
});

test('Latin cues match whatever the letter case', () => {
  for (const spelling of ['TRANSFORMER', 'transformer', 'Transformer', 'TransFormer']) {
    assert.deepEqual(evidenceFor('attention', `一个 ${spelling} 模型`), ['Transformer'], spelling);
  }
  assert.deepEqual(evidenceFor('attention', 'flashattention 的实现'), ['FlashAttention']);
});

test('Latin cues match whole words only, plurals included', () => {
  assert.deepEqual(evidenceFor('rl', 'suppose the URL is outdated'), []);
  assert.deepEqual(evidenceFor('attention', 'Transformers 和 Transformer'), ['Transformer']);
  assert.deepEqual(evidenceFor('vision', '几种 CNNs 的比较'), ['CNN']);
});

test('Chinese cues match inside longer words, and the longest overlapping cue wins', () => {
  assert.deepEqual(evidenceFor('rl', '深度强化学习方法'), ['强化学习']);
  assert.deepEqual(evidenceFor('rl', '逆强化学习'), ['逆强化学习']);
  assert.deepEqual(evidenceFor('rl', '价值函数近似'), ['价值函数']);
});

test('a cue marked exact-case ignores the same letters in another case: PPO clips, CLIP sees', () => {
  assert.deepEqual(evidenceFor('vision', 'PPO 对概率比做 clip，PPO-Clip 因此得名'), []);
  assert.deepEqual(evidenceFor('vision', 'CLIP 用对比学习对齐两种模态'), ['CLIP']);
});

test('a phrase listed as not a cue hides the cue inside it', () => {
  assert.deepEqual(evidenceFor('rl', '双线性插值函数'), []);
  assert.deepEqual(evidenceFor('diffusion', '去噪自编码器'), []);
});

test('a cue counts most in the title, less in the opening sentence, least in the body', () => {
  const body = `${NEUTRAL}${NEUTRAL}${NEUTRAL}`;
  const inTitle = scoreFor('rl', { title: '强化学习', text: body });
  const inOpening = scoreFor('rl', { title: '', text: `强化学习简介。${body}` });
  const inBody = scoreFor('rl', { title: '', text: `${NEUTRAL}强化学习简介。${body}` });
  assert.ok(inTitle > inOpening && inOpening > inBody, `${inTitle} > ${inOpening} > ${inBody}`);
});

test('repeated mentions add with diminishing returns', () => {
  const once = scoreFor('rl', { title: '', text: `${NEUTRAL}奖励。` });
  const fourTimes = scoreFor('rl', { title: '', text: `${NEUTRAL}奖励。奖励。奖励。奖励。` });
  assert.ok(fourTimes > once && fourTimes < 4 * once, `${once} → ${fourTimes}`);
});

test('the same cues weigh less in a longer article', () => {
  const text = `智能体根据奖励更新策略梯度。${NEUTRAL}`;
  assert.ok(scoreFor('rl', { title: '', text: text + NEUTRAL.repeat(40) }) < scoreFor('rl', { title: '', text }));
});

test('key terms add to a topic score', () => {
  const text = `${NEUTRAL}扩散模型的采样。`;
  assert.ok(scoreFor('diffusion', { title: '', text, keyTerms: ['DDPM'] }) > scoreFor('diffusion', { title: '', text }));
});

test('every topic over the threshold is tagged, strongest first, not just the top few', () => {
  const text =
    '强化学习的智能体用策略梯度最大化奖励。扩散模型用 DDPM 逐步去噪生成图像。Transformer 的自注意力计算 QKV。目标检测用卷积神经网络预测边界框。' +
    'PPO 是常用的强化学习算法。DDIM 加快了扩散模型的采样。多头注意力把注意力分到多个子空间。语义分割为每个像素分类。' +
    '自注意力让每个位置看到整个序列，注意力机制因此取代了循环结构。图像分类用 ResNet 提取特征图，再用池化汇总。';
  const tags = tagArticle({ title: '', text });
  assert.deepEqual([...tags.map((tag) => tag.topic)].sort(), ['attention', 'diffusion', 'rl', 'vision']);
  const scores = tags.map((tag) => tag.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
});

test('empty input is tagged with no topic', () => {
  assert.deepEqual(tagArticle({ title: '', text: '' }), []);
  assert.deepEqual(tagArticle({ title: '  ', text: '...', keyTerms: [] }), []);
});

test('tagging is deterministic: the same article gives the same tags, from any tagger built on the same table', () => {
  const input = { title: 'DETR', text: 'DETR 用 Transformer 做目标检测，预测一组边界框。它去掉了锚框和非极大值抑制。' };
  const first = tagArticle(input);
  assert.deepEqual(tagArticle(input), first);
  assert.deepEqual(createTagger(TOPICS, NOT_CUES, NEIGHBOURS).tag(input), first);
});

test('editing the table alone retunes the tagger', () => {
  const custom: Topic[] = [{ ...TOPICS[3]!, cues: [{ term: '光场相机', weight: 3 }] }];
  const tags = createTagger(custom).tag({ title: '光场相机', text: '光场相机记录光线的方向。光场相机可以事后重新对焦。' });
  assert.deepEqual(tags.map((tag) => [tag.topic, tag.evidence]), [['vision', ['光场相机']]]);
});

test('a 1 MB hostile input is tagged in one pass without blowing up', () => {
  const inputs = [
    '注意力'.repeat(350_000),
    'a'.repeat(1_000_000),
    'Actor-Critic-'.repeat(80_000),
    '😀扩散'.repeat(250_000),
    `${'[Math] '.repeat(100_000)}PPO`,
    'AbCdEfGhIjKl'.repeat(90_000),
  ];
  for (const text of inputs) {
    const tags = tagArticle({ title: text.slice(0, 1000), text, keyTerms: [text.slice(0, 5000)] });
    assert.ok(Array.isArray(tags));
    for (const tag of tags) assert.ok(Number.isFinite(tag.score));
  }
});

test('misspellings and variants of the field’s names match their topic', () => {
  assert.deepEqual(evidenceFor('attention', '改为 Transfomer 的形式'), ['Transformer']);
  assert.deepEqual(evidenceFor('attention', '几种 transformers 的比较'), ['Transformer']);
  assert.deepEqual(evidenceFor('vision', 'vision transformer 的 patch'), ['Vision Transformer', 'patch']);
  assert.deepEqual(evidenceFor('rl', 'Qlearning 的更新'), ['Q-learning']);
  assert.deepEqual(evidenceFor('rl', 'Q学习的更新'), ['Q学习']);
  assert.deepEqual(evidenceFor('rl', '这是一种增强学习方法'), ['强化学习']);
  assert.deepEqual(evidenceFor('diffusion', 'diffusion 过程'), ['diffusion']);
  assert.deepEqual(evidenceFor('diffusion', '去噪'), ['去噪']);
});

test('a language model built from Transformer layers is about language models, not attention', () => {
  const text =
    'BERT 是一个预训练语言模型，它在大规模语料上用掩码语言模型和下一句预测两个任务进行预训练。' +
    '预训练完成后，BERT 在下游任务上微调：文本分类、问答和命名实体识别都只需在输出层加一个分类头。' +
    'BERT 由多层 Transformer 编码器堆叠而成，每层都有多头自注意力。GPT 则使用 Transformer 解码器，二者都是 NLP 预训练的代表。';
  const attention = tagger.read({ title: 'BERT 的预训练与微调', text }).find((reading) => reading.topic === 'attention');
  assert.equal(attention?.verdict, 'shadowed');
  assert.deepEqual(topicsOf('BERT 的预训练与微调', text), []);
});

test('attention layers inside a diffusion model make it a diffusion article, not an attention one', () => {
  const text =
    'Stable Diffusion 在潜空间中训练扩散模型：先用自编码器把图像压缩成 latent，再让去噪网络逐步去噪。' +
    '去噪网络是一个 U-Net，文本条件通过交叉注意力注入每一层。每层还有自注意力，让每个位置看到整张特征图。采样时使用无分类器引导，在有条件和无条件的噪声预测之间插值。' +
    'DDIM 等采样器可以把采样步数从一千步降到几十步。';
  const readings = tagger.read({ title: 'Latent Diffusion', text });
  assert.equal(readings.find((reading) => reading.topic === 'attention')?.verdict, 'part');
  assert.deepEqual(topicsOf('Latent Diffusion', text), ['diffusion']);
});

test('supporting vocabulary alone does not make a topic: states and observations are not RL without a term that names it', () => {
  const text =
    '隐马尔可夫模型假设系统有一个看不见的状态，状态按转移矩阵演化，每一步产生一个观测。' +
    '前向算法在已知观测序列时计算每个状态的概率，维特比算法找出最可能的状态序列，状态和观测之间的发射概率由训练估计。';
  const rl = tagger.read({ title: '隐马尔可夫模型', text }).find((reading) => reading.topic === 'rl');
  assert.notEqual(rl?.verdict, 'tagged');
  assert.deepEqual(topicsOf('隐马尔可夫模型', text), []);
});

test('a heading run into its text counts as its own sentence, so cues in heading and text are not one passing mention', () => {
  const text = '扩散模型原理 这类模型的训练目标是预测每一步加入的噪声，采样时从纯噪声出发逐步去噪得到图像，整个过程可以看作一条逆向的马尔可夫链';
  const reading = tagger.read({ title: '', text }).find((candidate) => candidate.topic === 'diffusion');
  assert.equal(reading?.sentenceHits, 2);
});

test('an article leans toward a topic whose cues recur short of a tag, not toward one it names in a single sentence', () => {
  const once = NEUTRAL + '这一层的做法与注意力机制里的缩放类似。' + NEUTRAL + NEUTRAL;
  const recurring = NEUTRAL + '这一层的做法与注意力机制类似。' + NEUTRAL + '注意力的输出也要经过同样的处理。' + NEUTRAL.repeat(6);
  for (const text of [once, recurring]) assert.deepEqual(tagger.assess({ title: '训练技巧', text }).tags, [], 'neither is tagged');
  assert.ok(scoreFor('attention', { title: '训练技巧', text: once }) >= 2.2, 'one sentence reaches half the threshold');
  assert.deepEqual(tagger.assess({ title: '训练技巧', text: once }).leaning, []);
  assert.deepEqual(tagger.assess({ title: '训练技巧', text: recurring }).leaning, ['attention']);
});
