import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { linkedFromRecycled, reusePages, type BuildRecord } from '../../src/site/page-store.ts';
import { scratchFolder } from '../support/scratch.ts';

const record = (release: BuildRecord['release']): BuildRecord => ({
  keys: new Map([
    ['a/index.html', 'ka'],
    ['b/index.html', 'kb'],
    ['c/index.html', 'kc'],
  ]),
  index: null,
  release,
});

test('the build record says which recycled files are the live ones only for the releases it names', () => {
  const made = { name: 'release-2', linkedFrom: 'release-1', rendered: ['c/index.html'] };
  const sameAsLive = linkedFromRecycled(record(made), { live: 'release-2', recycled: 'release-1' });
  assert.ok(sameAsLive);
  assert.deepEqual(['a/index.html', 'b/index.html', 'c/index.html', 'd.txt'].map(sameAsLive), [true, true, false, false]);
  assert.equal(linkedFromRecycled(record(made), { live: 'release-3', recycled: 'release-1' }), null, 'another release is live');
  assert.equal(linkedFromRecycled(record(made), { live: 'release-2', recycled: 'release-0' }), null, 'another release is recycled');
  assert.equal(linkedFromRecycled(record({ ...made, linkedFrom: null }), { live: 'release-2', recycled: null }), null, 'a fresh folder');
  assert.equal(linkedFromRecycled(record(null), { live: 'release-2', recycled: 'release-1' }), null, 'a record without its release');
  assert.equal(linkedFromRecycled(null, { live: 'release-2', recycled: 'release-1' }), null, 'no record');
});

/** A live release and the one before it, as two builds leave them: b and a shared, c rendered again, d dropped. */
function releases() {
  const root = scratchFolder('digest-page-store-');
  const [live, recycled] = [join(root, 'release-2'), join(root, 'release-1')];
  const write = (folder: string, file: string, content: string) => {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), content);
  };
  for (const file of ['a/index.html', 'b/index.html']) write(recycled, file, `old ${file}`);
  write(recycled, 'c/index.html', 'stale c');
  write(recycled, 'd.txt', 'dropped d');
  for (const file of ['a/index.html', 'b/index.html']) {
    mkdirSync(dirname(join(live, file)), { recursive: true });
    linkSync(join(recycled, file), join(live, file));
  }
  write(live, 'c/index.html', 'new c');
  return { live, recycled };
}

const contents = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name).slice(folder.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );

test('recycling by the build record leaves the release the inode check leaves: the live files, and nothing stale', () => {
  const made = { name: 'release-2', linkedFrom: 'release-1', rendered: ['c/index.html'] };
  const results = [null, linkedFromRecycled(record(made), { live: 'release-2', recycled: 'release-1' })].map((sameAsLive) => {
    const { live, recycled } = releases();
    const { missing } = reusePages(['a/index.html', 'c/index.html'], live, recycled, sameAsLive);
    assert.deepEqual(missing, []);
    assert.equal(statSync(join(recycled, 'c/index.html')).ino, statSync(join(live, 'c/index.html')).ino, 'c is linked from the live release');
    assert.equal(existsSync(join(recycled, 'b/index.html')), false, 'b is not reused');
    return contents(recycled);
  });
  assert.deepEqual(results[0], { 'a/index.html': 'old a/index.html', 'c/index.html': 'new c' });
  assert.deepEqual(results[1], results[0]);
});
