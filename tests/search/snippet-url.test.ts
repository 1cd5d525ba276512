import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, snippet } from '../../src/search/snippet.ts';
import { readState, writeState } from '../../src/search/url-state.ts';

const render = (pieces: { text: string; mark: boolean }[]): string => pieces.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

test('a snippet is a window around the first match, cut with ellipses', () => {
  const body = `${'前'.repeat(100)}扩散模型${'后'.repeat(200)}`;
  const text = render(snippet(body, [[100, 102]], 40));
  assert.match(text, /^…前+\[扩散\]模型后+…$/);
  assert.equal(text.replace(/[…[\]]/g, '').length, 40);
  assert.equal(render(snippet('短文本 Softmax', [[4, 11]])), '短文本 [Softmax]', 'short bodies are shown whole');
  assert.equal(render(snippet(`${'字'.repeat(300)}`, [], 10)), `${'字'.repeat(10)}…`, 'no match: the start');
});

test('highlighting never splits a character outside the Basic Multilingual Plane', () => {
  const body = '😀𠀋扩散';
  for (const pieces of [highlight(body, [[1, 4]]), snippet(body, [[3, 5]], 3)]) {
    for (const piece of pieces) assert.doesNotMatch(piece.text, /^[\udc00-\udfff]|[\ud800-\udbff]$/u);
  }
});

test('search state round-trips through the URL, ignoring unknown topics', () => {
  const topics = new Set(['attention', 'rl', 'other']);
  const state = { query: 'ViT 分类 & <b>', topics: ['other', 'rl'] };
  assert.deepEqual(readState(writeState(state), topics), state);
  assert.equal(writeState({ query: '', topics: [] }), '');
  assert.deepEqual(readState('?q=x&topic=rl,attention&topic=nope&topic=rl', topics), { query: 'x', topics: ['attention', 'rl'] });
});
