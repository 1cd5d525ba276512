import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSaved, sharedIds, shareFragment, toggleSaved } from '../../src/reader/saved.ts';

const a = { id: '89acadca8e', title: 'ViT', drop: 5, day: '2026-11-24' };
const b = { id: 'd8e039e03b', title: 'VQGAN', drop: 5, day: '' };

test('saving puts the article first; saving it again removes it', () => {
  const one = toggleSaved([], a);
  const two = toggleSaved(one, b);
  assert.deepEqual(two.map((item) => item.id), [b.id, a.id]);
  assert.deepEqual(toggleSaved(two, a), [b]);
});

test('a saved list goes into a link and comes back out in the same order', () => {
  const fragment = shareFragment([b, a]);
  assert.equal(fragment, `#ids=${b.id},${a.id}`);
  assert.deepEqual(sharedIds(fragment), [b.id, a.id]);
  assert.deepEqual(sharedIds(fragment.replace(',', '%2C')), [b.id, a.id], 'an encoded comma survives');
});

test('a link or a stored list keeps only what can be an article id', () => {
  assert.equal(sharedIds('#top'), null);
  assert.deepEqual(sharedIds('#ids=abc,<script>,abc,,%E4%B8%AD,x/y'), ['abc']);
  assert.deepEqual(sharedIds('#ids='), []);
  assert.deepEqual(parseSaved('x'), []);
  assert.deepEqual(parseSaved([a, a, { id: '../x', title: 't' }, null, { id: 'ok', title: 7, drop: 'x', day: '<b>' }]), [a, { id: 'ok', title: 'ok', drop: 0, day: '' }]);
  assert.equal(parseSaved([{ ...a, day: '2026-11-24T07:20:02+00:00' }])[0]!.day, '2026-11-24');
});
