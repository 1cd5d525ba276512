// The topic vocabulary: data, not code. Editing this table is all it takes to add or retune a topic;
// the tagger, topic pages, feeds and filter chips all follow from it.
//
// Weights: 3 = names the topic on its own (a model, a method, the field's name);
// 2 = specific, but also turns up as a side remark in other fields' articles;
// 1–1.5 = supporting vocabulary (状态, 图像, 噪声) that only counts beside a cue of weight 2 or more.
// The vocabulary is the field's, in both languages and in the spellings writers use (Transfomer,
// 增强学习, Q学习): widen it with terms of a kind, never with words of one excerpt.
// Latin terms match case-insensitively (unless marked exactCase) on word boundaries, with spaces,
// hyphens and underscores ignored on both sides (the scrape writes "ActorCritic", "policybased").
// Chinese terms match as substrings. Where two cues overlap, the longest one wins, which is how
// NOT_CUES below keep 插值函数 from counting as 值函数. A term may sit in two topics (ViT, DiT).
import type { TopicId } from '../model.ts';

export interface Cue {
  /** Spelled as article pages show it in the evidence. */
  term: string;
  weight: number;
  /** Other spellings that count as this term: common misspellings, regional variants. */
  variants?: readonly string[];
  /** Match the letters' case too: "CLIP" the model, not PPO's "clip" ratio or a video "clip". */
  exactCase?: boolean;
}

export interface Topic {
  id: TopicId;
  /**
   * A topic this one is a building block of: attention layers inside diffusion models, the vision
   * words of image generation. Beside that topic it is tagged only when at least as strong.
   */
  partOf?: TopicId;
  labelZh: string;
  labelEn: string;
  /**
   * Names a reader searches the topic by, besides its labels: a search for one of them lists the
   * topic's articles first, whatever words they use.
   */
  aliases: readonly string[];
  /** Chip and accent colours; each meets 4.5:1 contrast on a white (light) or near-black (dark) page. */
  colour: { light: string; dark: string };
  cues: readonly Cue[];
}

/** A field the digest does not tag, read to tell when an article is about it instead; see NEIGHBOURS. */
export interface Neighbour {
  name: string;
  cues: readonly Cue[];
  /** Per topic: how many times the topic's score this field must exceed to take the article from it. */
  shadows: Partial<Record<TopicId, number>>;
}

type CueEntry = string | readonly [string, ...string[]] | Omit<Cue, 'weight'>;

/** A run of cues of one weight; a cue given as a list is its term followed by its variants. */
function tier(weight: number, entries: readonly CueEntry[]): Cue[] {
  return entries.map((entry) => {
    if (typeof entry === 'string') return { term: entry, weight };
    if ('term' in entry) return { ...entry, weight };
    const [term, ...variants] = entry;
    return { term, weight, variants };
  });
}

/**
 * Scope decisions, so that readers and taggers agree:
 * - attention covers attention and the Transformer family of sequence architectures, including
 *   positional encodings, Transformer normalisation/initialisation, MoE layers (they replace a
 *   Transformer block's FFN) and the state-space models (S4, Mamba, RWKV) that compete with attention.
 * - diffusion covers DDPM/DDIM, score-based models (SMLD, score SDEs) and the flow-matching family,
 *   and the image generators built on them; GANs, VAEs and VQ tokenisers are none of the four.
 * - vision covers seeing: recognition, detection, segmentation, CNN and ViT backbones, video
 *   understanding and vision-language models (CLIP, BLIP). Generating images is not vision here.
 * - rl covers reinforcement learning, bandits, and RL fine-tuning of language models (RLHF, PPO, GRPO).
 *   LLM agents (规划, 工具调用) are not RL, though they say 智能体.
 * - A pre-trained language model (BERT, GPT) is not an attention article unless it is about the
 *   mechanism; an attention layer or a CLIP encoder inside a diffusion model is part of diffusion.
 */
export const TOPICS: readonly Topic[] = [
  {
    id: 'attention',
    partOf: 'diffusion',
    labelZh: '注意力',
    labelEn: 'Attention',
    aliases: ['注意力机制', 'Transformer', '自注意力', 'self-attention'],
    colour: { light: '#6d28d9', dark: '#c4b5fd' },
    cues: [
      ...tier(3, [
        '注意力机制', 'self-attention', '自注意力', ['multi-head attention', '多头Attention'], '多头注意力',
        'scaled dot-product attention', '缩放点积', '点积注意力', 'softmax attention',
        ['linear attention', '线性Attention'], '线性注意力', ['sparse attention', '稀疏Attention'],
        '稀疏注意力', '注意力矩阵', 'multi-query attention', 'grouped-query attention', 'FlashAttention',
        'PagedAttention', 'Performer', 'Linformer', 'Reformer', 'Longformer',
        ['Nyströmformer', 'Nystromformer'], 'Transformer-XL', 'Switch Transformer', 'RoPE', '旋转位置编码',
        '相对位置编码', '绝对位置编码', 'ALiBi', 'KV cache', 'KV缓存', 'Mamba', 'memory-efficient attention',
        'Informer', 'Autoformer', 'FEDformer', 'Conformer', 'TimeSformer', 'Crossformer', 'MetaFormer', 'PoolFormer',
        'Perceiver', 'SegFormer', 'MaskFormer', 'Mask2Former', 'Transformer架构', 'Transformer结构',
      ]),
      ...tier(2.5, [
        ['cross-attention', '交叉Attention'], '交叉注意力', '注意力头', '注意力分数', '注意力权重', 'QKV',
        'MQA', 'GQA', '位置编码', 'positional encoding', '长度外推', 'BigBird', 'DeepNorm',
        'mixture of experts', '混合专家', 'RWKV', 'RetNet', '注意力层', 'attention layer', 'MHA', 'xFormers',
        ['Q、K、V', 'Q,K,V', 'Q/K/V'], ['query、key、value', 'query,key,value'], '注意力切片',
        'attention slicing',
      ]),
      ...tier(2, [
        'attention', '注意力', ['Transformer', 'Transfomer', 'Tranformer', 'Transformor', 'Transfromer', 'Trasformer'],
        'position embedding',
        '位置嵌入', '位置插值', 'causal mask', '因果掩码', 'Pre-LN', 'Post-LN', 'MoE', 'GAU', 'SSM', 'HiPPO',
        '线性RNN', 'ViT', 'Vision Transformer', 'Swin',
      ]),
      ...tier(1.5, [
        '多头', 'QK', 'S4', '状态空间模型', 'state space model', 'DETR', 'DiT', '二次复杂度',
        '平方复杂度', 'attn',
      ]),
      ...tier(1, [
        'softmax', ['encoder-decoder', '编码器-解码器'], 'seq2seq', ['层归一化', 'LayerNorm'],
        ['前馈网络', '前馈神经网络', 'feed-forward', 'FFN'],
      ]),
    ],
  },
  {
    id: 'diffusion',
    labelZh: '扩散',
    labelEn: 'Diffusion',
    aliases: ['扩散模型', 'diffusion model', 'diffusion models'],
    colour: { light: '#b45309', dark: '#fcd34d' },
    cues: [
      ...tier(3, [
        '扩散模型', 'diffusion model', '扩散过程', 'DDPM', 'DDIM', '去噪扩散', 'denoising diffusion',
        '噪声调度', 'noise schedule', 'score matching', '分数匹配', '得分匹配', 'score-based', 'SMLD', 'NCSN',
        'classifier-free guidance', '无分类器引导', 'classifier guidance', '分类器引导', 'Stable Diffusion',
        'latent diffusion', '潜在扩散', 'SDXL', 'ControlNet', 'DPM-Solver', 'GLIDE', 'unCLIP', ['CogVideoX', 'CogVideo'],
        'AnimateDiff', 'PNDM', 'VP-SDE', 'VE-SDE',
      ]),
      ...tier(2.5, [
        '方差调度', '噪声预测', '预测噪声', '去噪网络', '基于分数', 'Langevin', '朗之万', 'probability flow',
        'guidance scale', 'LDM', 'SD3', 'DiT', 'DreamBooth', 'Textual Inversion', 'v-prediction',
        'rectified flow', 'flow matching', '流匹配', '一致性模型', 'consistency model', 'Diffusers',
        'FLUX', 'HunyuanVideo', 'Kandinsky', 'PixArt', 'IP-Adapter', 'T2I-Adapter', ['velocity prediction', '速度预测'],
        ['去噪步数', 'denoising steps'], ['负向提示', '负面提示', '反向提示词', 'negative prompt'],
      ]),
      ...tier(2, [
        '扩散', 'diffusion', '加噪', '逆向过程', 'reverse process', 'score function', '分数函数',
        '随机微分方程', '概率流', 'CFG', 'noisy latent', 'Imagen', ['文生图', '文本到图像', 'text-to-image'],
        ['文生视频', '文本到视频', 'text-to-video'], ['图生图', 'image-to-image', 'img2img'], '调度器',
        ['推理步数', 'inference steps', 'num_inference_steps'], 'EDM', 'LCM',
      ]),
      ...tier(1.5, [
        '去噪', 'denoising', '前向过程', 'forward process', '反向过程', 'SDE', 'DALL-E', 'Midjourney', 'Sora',
        'time embedding', '采样步数', ['图像生成', 'image generation', '生成图像', '生成图片', '生成的图像', '生成的图片'], ['视频生成', 'video generation'], 'scheduler',
        '采样器', 'guidance', 'inpainting',
      ]),
      ...tier(1, [
        '时间步', 'timestep', '高斯噪声', 'U-Net', '噪声', 'noise', ['潜空间', '隐空间', 'latent space'], '提示词',
        '引导', '图像修复', 'prompt', ['pipeline', '管道'],
      ]),
    ],
  },
  {
    id: 'rl',
    labelZh: '强化学习',
    labelEn: 'RL',
    aliases: ['reinforcement learning', '增强学习'],
    colour: { light: '#047857', dark: '#6ee7b7' },
    cues: [
      ...tier(3, [
        ['强化学习', '增强学习'], 'reinforcement learning', '逆强化学习', '策略梯度', 'policy gradient', '价值函数', '值函数',
        'value function', 'Q-learning', 'Q学习', 'DQN', 'SARSA', '贝尔曼', 'Bellman', '时序差分',
        'temporal difference', 'MDP', ['马尔可夫决策过程', '马尔科夫决策过程'], 'Markov decision process',
        'Actor-Critic', 'soft actor-critic', 'A2C', 'A3C', 'DDPG', 'TRPO', 'PPO', 'GRPO', 'RLHF', '策略迭代',
        'policy iteration', '值迭代', '价值迭代', 'value iteration', '探索与利用',
        ['ε-greedy', 'epsilon-greedy', 'ε-贪婪', 'ε-贪心', 'epsilon贪婪'], '经验回放', 'experience replay',
        'replay buffer', 'off-policy', 'on-policy', '离策略', '异策略', '同策略', '折扣因子', 'discount factor',
        '优势函数', 'advantage function', '多臂老虎机', 'multi-armed bandit', 'MARL', ['Q表', 'Q-table'],
        ['奖励塑形', 'reward shaping'], ['行为克隆', 'behavior cloning', 'behaviour cloning'], ['Decision Transformer', '决策Transformer'],
      ]),
      ...tier(2.5, [
        '奖励函数', '奖励模型', 'reward model', '累积回报', '状态价值', '状态值', '动作价值', '动作值', 'Q值',
        'Q函数', '蒙特卡洛树搜索', 'MCTS', 'TD3', '策略网络', 'policy network', '价值网络', '策略优化',
        'policy optimization', '在策略', '行为策略', '最优策略', '确定性策略', '动作空间', 'action space',
        '模仿学习', 'AlphaGo', 'AlphaZero', ['Q网络', 'Q-network'], '状态-动作',
        ['Gym', 'Gymnasium'], 'MuJoCo', 'ML-Agents', ['Stable-Baselines3', 'Stable Baselines'], 'PettingZoo',
        ['即时奖励', '累积奖励', '期望回报', '折扣回报'], 'discounted return', 'imitation learning',
      ]),
      ...tier(2, [
        '奖励', 'reward', 'RL', 'TD', '目标网络', '目标策略', '随机策略', '贪心策略', '策略模型', 'model-free',
        '无模型', '信赖域', 'trust region', 'bandit', 'Atari', '观测空间', 'observation space', '智能体', ['多智能体', 'multi-agent'],
      ]),
      ...tier(1.5, [
        '回报', 'GAE', { term: 'SAC', exactCase: true }, 'DPO', 'REINFORCE', 'model-based', 'UCB', 'episode',
        'policy', '观测',
      ]),
      ...tier(1, [
        'actor', 'critic', 'agent', 'exploration', '状态转移', '转移概率', '回合', '轨迹', '函数近似', '动作', 'action',
        '策略', '环境', 'environment', '状态', '优势', 'advantage', '探索',
      ]),
    ],
  },
  {
    id: 'vision',
    partOf: 'diffusion',
    labelZh: '视觉',
    labelEn: 'Vision',
    aliases: ['计算机视觉', 'computer vision', 'CV'],
    colour: { light: '#1d4ed8', dark: '#93c5fd' },
    cues: [
      ...tier(3, [
        '计算机视觉', 'computer vision', '图像分类', 'image classification', '图像识别', '目标检测', '物体检测',
        'object detection', '语义分割', 'semantic segmentation', '实例分割', 'instance segmentation',
        '全景分割', 'panoptic segmentation', '图像分割', '边界框', 'bounding box', '锚框', '非极大值抑制',
        'R-CNN', 'YOLO', 'RetinaNet', 'DETR', 'DeepLab', 'AlexNet', 'EfficientNet', 'MobileNet', '感受野',
        'receptive field', '空洞卷积', 'dilated convolution', 'ViT', 'Vision Transformer', 'Swin', 'DeiT',
        { term: 'CLIP', exactCase: true }, 'BLIP', 'SigLIP', 'ALBEF', 'LLaVA', '视觉语言', 'vision-language',
        '视觉编码器', '视觉问答', 'VQA', 'image captioning', '掩码图像建模', '目标跟踪', 'object tracking',
        '姿态估计', 'pose estimation', '关键点检测', '人脸识别', 'face recognition', '光流', 'optical flow',
        '动作识别', 'action recognition', '动作检测', '视频理解', '深度估计', 'depth estimation', 'NeRF',
        '神经辐射场', '新视角合成', 'novel view synthesis', '立体匹配', 'Gaussian Splatting', '高斯泼溅',
        'Segment Anything', ['文本检测', '文字检测'], ['文本识别', '文字识别'], 'CTPN', 'DBNet', 'CRNN', 'PaddleOCR',
        ['视频分类', 'video classification'], '行为识别', 'SlowFast', ['可变形卷积', 'deformable convolution'], 'VLM',
        '视觉语言模型', 'TimeSformer', 'SegFormer', 'MaskFormer', 'Mask2Former',
      ]),
      ...tier(2.5, [
        '检测框', '候选区域', 'region proposal', 'NMS', '特征金字塔', ['卷积神经网络', 'convolutional neural network'], '转置卷积', 'ResNet',
        'VGG', 'ImageNet', 'image encoder', 'image-text', '图像描述', 'MoCo', 'SimCLR', '视频帧', '超分辨率',
        'super-resolution', '点云', 'point cloud', 'FCN', '三维重建', '3D reconstruction', '相机位姿', '体渲染',
        'volume rendering', 'SLAM', 'OCR', 'ResNeXt', 'Res2Net', 'DenseNet', 'GoogLeNet', 'LeNet', 'DarkNet', 'ShuffleNet',
        'SENet', 'ConvNeXt', 'RegNet', 'HRNet', 'Xception', 'FCOS', 'CenterNet', 'anchor-free', '图像编码器',
        ['visual encoder', 'vision encoder'], ['多模态大模型', 'MLLM'], '时序动作', { term: 'TSN', exactCase: true },
        { term: 'TSM', exactCase: true }, 'I3D', 'C3D', '图像增强', ['卷积层', 'convolutional layer'],
      ]),
      ...tier(2, [
        '检测器', 'segmentation', 'IoU', 'FPN', 'CNN', 'convolutional', '卷积核', '特征图', 'feature map',
        '反卷积', '多视角', '双线性插值', 'COCO', '图文', 'detection', ['池化', 'pooling'], { term: 'DCN', exactCase: true },
        { term: 'EAST', exactCase: true }, { term: 'mAP', exactCase: true }, 'CIFAR', ['Pascal VOC', 'VOC'], 'KITTI',
        'Cityscapes', ['CutMix', 'Mixup', 'Cutout'], '随机裁剪', { term: 'SAM', exactCase: true }, 'FGSM',
      ]),
      ...tier(1.5, [
        'detector', '视觉', 'vision', '卷积', '上采样', 'upsampling', 'patch embedding',
        '多模态', 'multimodal', 'Inception', 'SSD', '检测', '视频', ['数据增强', 'data augmentation'], '人脸',
        ['对抗样本', '对抗攻击', 'adversarial example'], 'convolution',
      ]),
      ...tier(1, [
        'anchor', '像素', 'pixel', 'MAE', 'U-Net', ['图像', '图片'], 'image', 'video', '帧', '分割', '识别', '分辨率',
        'patch', 'MNIST', 'Top-1',
      ]),
    ],
  },
];

/** Where pages, feeds and search list the articles no topic claimed: declared with the topics, coloured like them. */
export const OTHER_TOPIC = {
  id: 'other',
  labelZh: '其他',
  labelEn: 'Other',
  colour: { light: '#4b5563', dark: '#d1d5db' },
  // "Other" is a listing, not a subject: searching for the word finds the word.
  searchNames: [],
} as const;

/**
 * Phrases that contain a cue but are no evidence for it, since Chinese cues match inside longer
 * words: 插值函数 holds 值函数, 去噪自编码器 holds 去噪. They are matched like cues and count for nothing.
 */
export const NOT_CUES: readonly string[] = [
  '插值函数', '阈值函数', '均值函数', '极值函数', '去噪自编码器', 'denoising autoencoder', '图扩散', 'graph diffusion',
  '投资回报', '回报率', '开发环境', '运行环境', '环境变量', '虚拟环境', '环境配置', '语音识别', '命名实体识别', '异常检测',
  '学习率调度器', '状态码', '学习策略', '训练策略',
];

/**
 * Neighbouring fields that borrow our words. The digest does not tag them; it reads them to tell
 * when an article is about one of them instead. `shadows` gives, per topic, how many times the
 * topic's score the neighbour must exceed to take the article: TextCNN's 卷积 is a language
 * model's, not vision's (1); a GAN's generator is built from 卷积 and 上采样, and generating images
 * is not vision (0.75); BERT is made of Transformer layers, so language-model words must outweigh
 * attention's three to one before an article on BERT stops being about attention (3). The ratios
 * were set on the seeds, the held-out paragraphs and the dev set together (`npm run eval:topics`).
 */
export const NEIGHBOURS: readonly Neighbour[] = [
  {
    name: '语言模型 (language models)',
    shadows: { vision: 1, rl: 1, attention: 3 },
    cues: [
      ...tier(3, [
        'BERT', 'GPT', ['大语言模型', '大型语言模型'], 'LLM', '预训练语言模型', '语言模型', 'language model', 'NLP',
        '自然语言处理', 'RoBERTa', 'ELMo', 'word2vec', ['词向量', 'word embedding'], '文本分类', ['机器翻译', 'machine translation'],
        ['情感分类', '情感分析'], 'ChatGPT', 'LLaMA', 'Qwen',
      ]),
      ...tier(2, [
        ['pre-train', 'pre-training', '预训练'], ['fine-tune', '微调'], '下游任务', 'tokenizer', '分词', 'token', '指令微调',
        'SFT', '问答', '对话', '句子', '词表', '语料', ['工具调用', 'tool use', 'function calling'], 'ReAct', ['RAG', '检索增强'],
        ['思维链', 'chain-of-thought', 'CoT'],
      ]),
      ...tier(1, ['文本', 'text', '单词', '词', 'NSP', 'MLM', 'prompt']),
    ],
  },
  {
    name: '其他生成模型 (GANs, VAEs, flows)',
    shadows: { vision: 0.75, attention: 1, diffusion: 2 },
    cues: [
      ...tier(3, [
        ['GAN', '生成对抗网络', 'generative adversarial network'], ['生成器', 'generator'], ['判别器', 'discriminator'],
        ['VAE', '变分自编码器', 'variational autoencoder'], 'VQVAE', 'VQGAN', ['normalizing flow', '标准化流'],
        ['自回归模型', 'autoregressive'],
      ]),
      ...tier(2, [
        ['自编码器', 'autoencoder'], '编码器', '解码器', ['隐变量', 'latent variable'], ['ELBO', '证据下界'], '重参数化', '对抗训练',
        ['码本', 'codebook'],
      ]),
    ],
  },
  {
    name: '检索与推荐 (search and recommendation)',
    shadows: { vision: 1 },
    cues: [
      ...tier(3, [
        ['推荐系统', 'recommender system'], ['信息检索', 'information retrieval'], ['搜索引擎', 'search engine'], ['CTR', '点击率'],
        ['召回率', 'recall'],
      ]),
      ...tier(2, ['推荐', '检索', ['排序', 'ranking'], '用户', '物品', ['query', '查询'], '相关性']),
    ],
  },
  {
    name: '训练与推理系统 (training and serving systems)',
    shadows: { attention: 1 },
    cues: [
      ...tier(3, [
        ['张量并行', 'tensor parallelism'], ['流水线并行', 'pipeline parallelism'], ['数据并行', 'data parallelism'],
        ['序列并行', 'sequence parallelism'], ['上下文并行', 'context parallelism'], ['分布式训练', 'distributed training'],
        ['分布式推理', 'distributed inference'], ['量化', 'quantization'], 'DeepSpeed', 'Megatron', 'ZeRO', 'FSDP', 'torch.compile',
      ]),
      ...tier(2, [['显存', 'GPU memory'], 'GPU', 'CUDA', ['通信', 'communication'], ['吞吐量', 'throughput'], ['延迟', 'latency'], ['并行', 'parallel']]),
    ],
  },
  {
    name: '语音 (speech)',
    shadows: { vision: 1 },
    cues: [
      ...tier(3, [['语音识别', 'speech recognition', 'ASR'], ['语音合成', 'TTS'], ['声学模型', 'acoustic model']]),
      ...tier(2, [['语音', 'speech'], ['音频', 'audio'], '声音', '音素']),
    ],
  },
];
