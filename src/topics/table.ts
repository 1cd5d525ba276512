// The topic vocabulary: data, not code. Editing this table is all it takes to add or retune a topic;
// the tagger, topic pages, feeds and filter chips all follow from it.
//
// Weights: 3 = names the topic on its own (a model, a method, the field's name);
// 2 = specific, but also turns up as a side remark in other fields' articles;
// 1–1.5 = supporting vocabulary that only counts alongside other cues.
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
  labelZh: string;
  labelEn: string;
  /** Chip and accent colours; each meets 4.5:1 contrast on a white (light) or near-black (dark) page. */
  colour: { light: string; dark: string };
  cues: readonly Cue[];
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
 */
export const TOPICS: readonly Topic[] = [
  {
    id: 'attention',
    labelZh: '注意力',
    labelEn: 'Attention',
    colour: { light: '#6d28d9', dark: '#c4b5fd' },
    cues: [
      ...tier(3, [
        '注意力机制', 'self-attention', '自注意力', ['multi-head attention', '多头Attention'], '多头注意力',
        'scaled dot-product attention', '缩放点积', '点积注意力', 'softmax attention',
        ['linear attention', '线性Attention'], '线性注意力', ['sparse attention', '稀疏Attention'],
        '稀疏注意力', '注意力矩阵', 'multi-query attention', 'grouped-query attention', 'FlashAttention',
        'PagedAttention', 'Performer', 'Linformer', 'Reformer', 'Longformer',
        ['Nyströmformer', 'Nystromformer'], 'Transformer-XL', 'Switch Transformer', 'RoPE', '旋转位置编码',
        '相对位置编码', '绝对位置编码', 'ALiBi', 'KV cache', 'KV缓存', 'Mamba',
      ]),
      ...tier(2.5, [
        ['cross-attention', '交叉Attention'], '交叉注意力', '注意力头', '注意力分数', '注意力权重', 'QKV',
        'MQA', 'GQA', '位置编码', 'positional encoding', '长度外推', 'BigBird', 'DeepNorm',
        'mixture of experts', '混合专家', 'RWKV', 'RetNet',
      ]),
      ...tier(2, [
        'attention', '注意力', ['Transformer', 'Transfomer', 'Tranformer', 'Transformor'], 'position embedding',
        '位置嵌入', '位置插值', 'causal mask', '因果掩码', 'Pre-LN', 'Post-LN', 'MoE', 'GAU', 'SSM', 'HiPPO',
        '线性RNN', 'ViT', 'Vision Transformer', 'Swin',
      ]),
      ...tier(1.5, [
        '多头', 'QK', 'BERT', 'S4', '状态空间模型', 'state space model', 'DETR', 'DiT', '二次复杂度',
        '平方复杂度',
      ]),
      ...tier(1, [
        'softmax', 'GPT', 'encoder-decoder', 'seq2seq', '层归一化',
      ]),
    ],
  },
  {
    id: 'diffusion',
    labelZh: '扩散',
    labelEn: 'Diffusion',
    colour: { light: '#b45309', dark: '#fcd34d' },
    cues: [
      ...tier(3, [
        '扩散模型', 'diffusion model', '扩散过程', 'DDPM', 'DDIM', '去噪扩散', 'denoising diffusion',
        '噪声调度', 'noise schedule', 'score matching', '分数匹配', '得分匹配', 'score-based', 'SMLD', 'NCSN',
        'classifier-free guidance', '无分类器引导', 'classifier guidance', '分类器引导', 'Stable Diffusion',
        'latent diffusion', '潜在扩散', 'SDXL', 'ControlNet', 'DPM-Solver',
      ]),
      ...tier(2.5, [
        '方差调度', '噪声预测', '预测噪声', '去噪网络', '基于分数', 'Langevin', '朗之万', 'probability flow',
        'guidance scale', 'LDM', 'SD3', 'DiT', 'DreamBooth', 'Textual Inversion', 'v-prediction',
        'rectified flow', 'flow matching', '流匹配', '一致性模型', 'consistency model',
      ]),
      ...tier(2, [
        '扩散', 'diffusion', '加噪', '逆向过程', 'reverse process', 'score function', '分数函数',
        '随机微分方程', '概率流', 'CFG', 'noisy latent', 'Imagen',
      ]),
      ...tier(1.5, [
        '去噪', 'denoising', '前向过程', 'forward process', '反向过程', 'SDE', 'DALL-E', 'Midjourney', 'Sora',
        '文生图', 'text-to-image', 'time embedding', '采样步数',
      ]),
      ...tier(1, [
        '时间步', 'timestep', '高斯噪声', 'U-Net',
      ]),
    ],
  },
  {
    id: 'rl',
    labelZh: '强化学习',
    labelEn: 'RL',
    colour: { light: '#047857', dark: '#6ee7b7' },
    cues: [
      ...tier(3, [
        '强化学习', 'reinforcement learning', '逆强化学习', '策略梯度', 'policy gradient', '价值函数', '值函数',
        'value function', 'Q-learning', 'Q学习', 'DQN', 'SARSA', '贝尔曼', 'Bellman', '时序差分',
        'temporal difference', 'MDP', ['马尔可夫决策过程', '马尔科夫决策过程'], 'Markov decision process',
        'Actor-Critic', 'soft actor-critic', 'A2C', 'A3C', 'DDPG', 'TRPO', 'PPO', 'GRPO', 'RLHF', '策略迭代',
        'policy iteration', '值迭代', '价值迭代', 'value iteration', '探索与利用',
        ['ε-greedy', 'epsilon-greedy', 'ε-贪婪', 'ε-贪心', 'epsilon贪婪'], '经验回放', 'experience replay',
        'replay buffer', 'off-policy', 'on-policy', '离策略', '异策略', '同策略', '折扣因子', 'discount factor',
        '优势函数', 'advantage function', '多臂老虎机', 'multi-armed bandit',
      ]),
      ...tier(2.5, [
        '奖励函数', '奖励模型', 'reward model', '累积回报', '状态价值', '状态值', '动作价值', '动作值', 'Q值',
        'Q函数', '蒙特卡洛树搜索', 'MCTS', 'TD3', '策略网络', 'policy network', '价值网络', '策略优化',
        'policy optimization', '在策略', '行为策略', '最优策略', '确定性策略', '动作空间', 'action space',
        '模仿学习', 'AlphaGo', 'AlphaZero',
      ]),
      ...tier(2, [
        '奖励', 'reward', 'RL', 'TD', '目标网络', '目标策略', '随机策略', '贪心策略', '策略模型', 'model-free',
        '无模型', '信赖域', 'trust region', 'bandit', 'Atari',
      ]),
      ...tier(1.5, [
        '回报', 'GAE', { term: 'SAC', exactCase: true }, 'DPO', 'REINFORCE', 'model-based', 'UCB', 'episode',
      ]),
      ...tier(1, [
        'actor', 'critic', '智能体', 'agent', 'exploration', '状态转移', '转移概率', '回合', '轨迹', '函数近似',
      ]),
    ],
  },
  {
    id: 'vision',
    labelZh: '视觉',
    labelEn: 'Vision',
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
        'Segment Anything',
      ]),
      ...tier(2.5, [
        '检测框', '候选区域', 'region proposal', 'NMS', '特征金字塔', '卷积神经网络', '转置卷积', 'ResNet',
        'VGG', 'ImageNet', 'image encoder', 'image-text', '图像描述', 'MoCo', 'SimCLR', '视频帧', '超分辨率',
        'super-resolution', '点云', 'point cloud', 'FCN', '三维重建', '3D reconstruction', '相机位姿', '体渲染',
        'volume rendering', 'SLAM',
      ]),
      ...tier(2, [
        '检测器', 'segmentation', 'IoU', 'FPN', 'CNN', 'convolutional', '卷积核', '特征图', 'feature map',
        '反卷积', '多视角', '双线性插值', 'COCO', '图文', 'OCR',
      ]),
      ...tier(1.5, [
        'detector', '视觉', 'vision', '卷积', '池化', 'pooling', '上采样', 'upsampling', 'patch embedding',
        '多模态', 'multimodal', 'Inception', 'SSD',
      ]),
      ...tier(1, [
        'anchor', '像素', 'pixel', 'MAE', 'U-Net',
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
} as const;

/**
 * Phrases that contain a cue but are no evidence for it, since Chinese cues match inside longer
 * words: 插值函数 holds 值函数, 去噪自编码器 holds 去噪. They are matched like cues and count for nothing.
 */
export const NOT_CUES: readonly string[] = [
  '插值函数', '阈值函数', '均值函数', '极值函数', '去噪自编码器', 'denoising autoencoder', '图扩散', 'graph diffusion',
  '投资回报', '回报率',
];
