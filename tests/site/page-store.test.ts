import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { linkedFromRecycled, priorRelease, recycledFiles, reusePages, type BuildRecord } from '../../src/site/page-store.ts';
import { scratchFolder } from '../support/scratch.ts';

const record = (release: BuildRecord['release']): BuildRecord => ({
  keys: new Map([
    ['a/index.html', 'ka'],
    ['b/index.html', 'kb'],
    ['c/index.html', 'kc'],
  ]),
  index: null,
  release,
  prior: null,
});

test('the build record says which recycled files are the live ones only for the releases it names', () => {
  const made = { name: 'release-2', linkedFrom: 'release-1', rendered: ['c/index.html'], unkeyed: ['d.txt'] };
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
  const made = { name: 'release-2', linkedFrom: 'release-1', rendered: ['c/index.html'], unkeyed: ['d.txt'] };
  const sameAsLive = linkedFromRecycled(record(made), { live: 'release-2', recycled: 'release-1' });
  const listed = ['a/index.html', 'b/index.html', 'c/index.html', 'd.txt'];
  const ways = [
    [null, null],
    [sameAsLive, null],
    [sameAsLive, listed],
  ] as const;
  const results = ways.map(([sameAsLive, listed]) => {
    const { live, recycled } = releases();
    const { missing } = reusePages(['a/index.html', 'c/index.html'], live, recycled, sameAsLive, listed);
    assert.deepEqual(missing, []);
    assert.equal(statSync(join(recycled, 'c/index.html')).ino, statSync(join(live, 'c/index.html')).ino, 'c is linked from the live release');
    assert.equal(existsSync(join(recycled, 'b/index.html')), false, 'b is not reused');
    return contents(recycled);
  });
  assert.deepEqual(results[0], { 'a/index.html': 'old a/index.html', 'c/index.html': 'new c' });
  assert.deepEqual(results[1], results[0], 'by the record');
  assert.deepEqual(results[2], results[0], 'by the record, with the release listed by it');
});

test('the record lists the live release for the build after next, which recycles it', () => {
  const made = { name: 'release-2', linkedFrom: 'release-1', rendered: ['c/index.html'], unkeyed: ['index.html', 'assets/style.css'] };
  const prior = priorRelease(record(made), { live: 'release-2', recycled: 'release-1' });
  assert.deepEqual(prior, { name: 'release-2', files: ['a/index.html', 'b/index.html', 'c/index.html', 'index.html', 'assets/style.css'] });
  assert.equal(priorRelease(record(made), { live: 'release-3', recycled: 'release-1' }), null, 'the record is of another release');
  assert.equal(priorRelease(null, { live: 'release-2', recycled: null }), null, 'no record');
  const next: BuildRecord = { ...record(null), prior };
  assert.deepEqual(recycledFiles(next, { live: 'release-3', recycled: 'release-2' }), prior!.files);
  assert.equal(recycledFiles(next, { live: 'release-3', recycled: 'release-9' }), null, 'another release is recycled');
  assert.equal(recycledFiles(next, { live: 'release-3', recycled: null }), null, 'a fresh folder');
});

test('a file the record does not list stays in a recycled release, and a reused page is never copied through it', () => {
  const { live, recycled } = releases();
  // Put there by hand: a hard link to a live page, where the reused page goes.
  mkdirSync(join(live, 'f'));
  writeFileSync(join(live, 'f/index.html'), 'live f');
  mkdirSync(join(recycled, 'f'));
  linkSync(join(live, 'f/index.html'), join(recycled, 'f/index.html'));
  writeFileSync(join(recycled, 'stray.txt'), 'by hand');
  const { missing } = reusePages(['a/index.html', 'c/index.html', 'f/index.html'], live, recycled, null, ['a/index.html', 'b/index.html', 'c/index.html', 'd.txt']);
  assert.deepEqual(missing, []);
  assert.equal(readFileSync(join(live, 'f/index.html'), 'utf8'), 'live f', 'the live page is intact');
  assert.equal(statSync(join(recycled, 'f/index.html')).ino, statSync(join(live, 'f/index.html')).ino);
  assert.deepEqual(contents(recycled), { 'a/index.html': 'old a/index.html', 'c/index.html': 'new c', 'f/index.html': 'live f', 'stray.txt': 'by hand' });
});
