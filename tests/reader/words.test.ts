import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstHeld, holdsWord, matchable, MAX_WORDS, parseWordList, parseWords } from '../../src/reader/words.ts';

const holds = (text: string, word: string) => holdsWord(matchable(text), word);

test('Chinese words match by substring', () => {
  assert.ok(holds('基于扩散模型的图像生成', '扩散'));
  assert.ok(holds('基于扩散模型的图像生成', '扩散模型'));
  assert.ok(!holds('基于扩散模型的图像生成', '强化学习'));
  assert.ok(holds('ＬＬＭ与强化学习', '强化')); // full-width text is folded as search folds it
});

test('Latin words match case-insensitively from the start of a word, as search does', () => {
  assert.ok(holds('Large LLM agents', 'llm'));
  assert.ok(holds('RLHF 训练', 'rl'));
  assert.ok(!holds('hello world', 'rl'), 'rl must not mute "world"');
  assert.ok(holds('ActorCritic 结构', 'critic'), 'parts of glued words, like the index');
  assert.ok(holds('Ｔｒａｎｓｆｏｒｍｅｒ 结构', 'TRANSFORMER'));
  assert.ok(holds('Vision Transformer 把图像切成 patch', 'vision transformer'), 'a phrase matches when all its words do');
  assert.ok(!holds('Vision 模型', 'vision transformer'));
});

test('the first held word names the fold', () => {
  const text = matchable('扩散模型与 LLM');
  assert.equal(firstHeld(text, ['强化', 'llm', '扩散']), 'llm');
  assert.equal(firstHeld(text, ['强化']), undefined);
});

test('a typed list splits on commas and 、, drops empties and repeats, and keeps a few words', () => {
  assert.deepEqual(parseWordList(' LLM, 扩散 、强化学习;;  ,LLM\n diffusion model '), ['LLM', '扩散', '强化学习', 'diffusion model']);
  assert.deepEqual(parseWordList('!!!, ...'), []);
  assert.equal(parseWordList(Array.from({ length: 50 }, (_, i) => `w${i}`).join(',')).length, MAX_WORDS);
});

test('stored words that are not ours are ignored', () => {
  assert.deepEqual(parseWords('LLM'), { highlight: [], mute: [] });
  assert.deepEqual(parseWords({ highlight: ['扩散', 3, null], mute: 'LLM' }), { highlight: ['扩散'], mute: [] });
});
