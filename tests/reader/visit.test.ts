import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRead, freshCount, NEW_VISIT_AFTER_MS, parseVisit, visitAt } from '../../src/reader/visit.ts';

const HOUR = 60 * 60 * 1000;

test('a first-time reader sees the latest drop as new, and nothing else', () => {
  assert.deepEqual(visitAt(null, 5, 1000), { seen: 5, before: 4, at: 1000 });
  assert.deepEqual(visitAt(null, 1, 1000), { seen: 1, before: 0, at: 1000 });
});

test('within a visit the marks stay, and a drop arriving mid-visit joins them', () => {
  const first = visitAt(null, 4, 0);
  const later = visitAt(first, 4, NEW_VISIT_AFTER_MS - 1);
  assert.equal(later.before, 3);
  const withNewDrop = visitAt(later, 5, NEW_VISIT_AFTER_MS);
  assert.deepEqual(withNewDrop, { seen: 5, before: 3, at: NEW_VISIT_AFTER_MS });
});

test('the next visit sees exactly the drops that arrived since the previous one', () => {
  const first = visitAt(null, 4, 0);
  const second = visitAt(first, 5, 2 * HOUR);
  assert.deepEqual(second, { seen: 5, before: 4, at: 2 * HOUR });
  const third = visitAt(second, 8, 30 * HOUR);
  assert.deepEqual(third, { seen: 8, before: 5, at: 30 * HOUR });
  // An article page (which does not name the latest drop) starts the visit without hiding what is new.
  const onArticle = visitAt(third, third.seen, 60 * HOUR);
  assert.deepEqual(onArticle, { seen: 8, before: 8, at: 60 * HOUR });
  assert.equal(visitAt(onArticle, 9, 60 * HOUR + 1000).before, 8);
});

test('a clock turned back, or a digest that lost drops, never hides new drops', () => {
  assert.equal(visitAt({ seen: 5, before: 4, at: 10 * HOUR }, 5, HOUR).before, 5);
  assert.deepEqual(visitAt({ seen: 9, before: 7, at: 0 }, 6, 1000), { seen: 6, before: 6, at: 1000 });
});

test('mark all read leaves nothing new until the next drop', () => {
  const read = allRead({ seen: 5, before: 2, at: 0 });
  assert.equal(read.before, 5);
  assert.deepEqual(freshCount(read, 5, [10, 3, 6]), { count: 0, atLeast: false });
  assert.equal(visitAt(read, 6, 1000).before, 5);
});

test('the header count adds the new articles of every unseen drop, and says when it cannot see that far', () => {
  assert.deepEqual(freshCount({ seen: 5, before: 3, at: 0 }, 5, [10, 3, 6, 8, 12]), { count: 13, atLeast: false });
  assert.deepEqual(freshCount({ seen: 5, before: 0, at: 0 }, 5, [10, 3]), { count: 13, atLeast: true });
});

test('a stored value that is not a visit record is ignored', () => {
  for (const junk of [null, 7, 'x', [], { seen: 1 }, { seen: 2, before: 3, at: 0 }, { seen: -1, before: 0, at: 0 }, { seen: 1.5, before: 0, at: 0 }]) {
    assert.equal(parseVisit(junk), null, JSON.stringify(junk));
  }
  assert.deepEqual(parseVisit({ seen: 3, before: 2, at: 5, extra: true }), { seen: 3, before: 2, at: 5 });
});
