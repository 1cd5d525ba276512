import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { dateFromFileName, readDrops } from '../../src/ingest/index.ts';
import { FEEDS, SEED_DROPS } from '../seeds.ts';
import { scratchFolder } from '../support/scratch.ts';

const run = promisify(execFile);
const FEED = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n注意力机制让模型关注输入中最相关的部分。\n';

async function git(cwd: string, args: string[], date?: string): Promise<string> {
  const env = { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  const { stdout } = await run('git', ['-c', 'user.name=Maintainer', '-c', 'user.email=m@example.org', ...args], { cwd, env });
  return stdout;
}

async function writeFeed(folder: string, name: string, modified?: string): Promise<void> {
  await writeFile(join(folder, name), FEED);
  if (modified) await utimes(join(folder, name), new Date(modified), new Date(modified));
}

const datesOf = async (folder: string) =>
  Object.fromEntries((await readDrops(folder)).map((drop) => [drop.file, `${drop.date.time} ${drop.date.day} ${drop.date.source}`]));

test('a date at the start of a file name counts only when it is a real calendar day', () => {
  assert.deepEqual(dateFromFileName('2026-11-24_morning.txt'), { time: '2026-11-24T00:00:00Z', day: '2026-11-24', source: 'file-name' });
  assert.equal(dateFromFileName('20261124-drop.txt')?.day, '2026-11-24');
  assert.equal(dateFromFileName('2026_11_24.txt')?.day, '2026-11-24');
  assert.equal(dateFromFileName('2024-02-29 leap.txt')?.day, '2024-02-29');
  for (const name of ['2026-02-30.txt', '2026-13-01.txt', '20261324x.txt', '2026-11-00.txt', '2026-11-31.txt']) {
    assert.equal(dateFromFileName(name), null, name);
  }
});

test('a date is never read from the middle of a name or from digits that run on: 004_1ad6004f85210699 is not year 8521', () => {
  assert.equal(dateFromFileName('004_1ad6004f85210699.txt'), null);
  for (const seed of SEED_DROPS) assert.equal(dateFromFileName(`${seed}.txt`), null, seed);
  assert.equal(dateFromFileName('drop-2026-11-24.txt'), null, 'not at the start');
  assert.equal(dateFromFileName('202611241.txt'), null, 'a ninth digit makes it a number, not a date');
  assert.equal(dateFromFileName('2026-11-2412.txt'), null);
  assert.equal(dateFromFileName('0001-01-01.txt'), null, 'before Unix time: a number, not a drop date');
  assert.equal(dateFromFileName('19700101_x.txt')?.day, '1970-01-01');
});

test('outside git, a drop without a name date is dated by its modification time, in UTC to the second', async () => {
  const folder = scratchFolder('digest-dates-');
  await writeFeed(folder, '004_1ad6004f85210699.txt', '2024-06-01T12:34:56.789Z');
  await writeFeed(folder, '2026-11-24_named.txt', '2020-01-01T00:00:00Z');
  assert.deepEqual(await datesOf(folder), {
    '004_1ad6004f85210699.txt': '2024-06-01T12:34:56Z 2024-06-01 modified',
    '2026-11-24_named.txt': '2026-11-24T00:00:00Z 2026-11-24 file-name',
  });
});

test('in a git work tree, a drop is dated by the commit that added it; the name still wins; an uncommitted file falls back to its time', async () => {
  const folder = scratchFolder('digest-dates-git-');
  await git(folder, ['init', '-q']);
  await writeFeed(folder, '001_9f2c2026112400aa.txt');
  await writeFeed(folder, '2026-11-24_named.txt');
  await git(folder, ['add', '.']);
  await git(folder, ['commit', '-q', '-m', 'first drops'], '2025-03-04T23:30:00+08:00');
  // A later edit is not an addition: the drop keeps the date it arrived.
  await writeFile(join(folder, '001_9f2c2026112400aa.txt'), `${FEED}第二行:扩散模型逐步去噪。\n`);
  await git(folder, ['commit', '-q', '-am', 'edit'], '2025-09-09T09:09:09+00:00');
  await writeFeed(folder, '002_untracked.txt', '2026-01-02T03:04:05Z');
  const dates = await datesOf(folder);
  assert.deepEqual(dates, {
    '001_9f2c2026112400aa.txt': '2025-03-04T23:30:00+08:00 2025-03-04 git',
    '002_untracked.txt': '2026-01-02T03:04:05Z 2026-01-02 modified',
    '2026-11-24_named.txt': '2026-11-24T00:00:00Z 2026-11-24 file-name',
  });
  assert.deepEqual(await datesOf(folder), dates, 'the same checkout gives the same dates');
});

test('a feeds folder inside a larger repository is dated through git too', async () => {
  const repo = scratchFolder('digest-dates-nested-');
  await git(repo, ['init', '-q']);
  await run('mkdir', [join(repo, 'feeds')]);
  await writeFeed(join(repo, 'feeds'), '000_a.txt');
  await writeFile(join(repo, 'README'), 'x');
  await git(repo, ['add', '.']);
  await git(repo, ['commit', '-q', '-m', 'feeds'], '2026-05-06T07:08:09+00:00');
  assert.deepEqual(await datesOf(join(repo, 'feeds')), { '000_a.txt': '2026-05-06T07:08:09+00:00 2026-05-06 git' });
});

test('a drop that a shallow clone cannot date truly is dated by the oldest fetched commit, with a warning that says how to fix it', async () => {
  const origin = scratchFolder('digest-dates-origin-');
  await git(origin, ['init', '-q']);
  await writeFeed(origin, '000_old.txt');
  await git(origin, ['add', '.']);
  await git(origin, ['commit', '-q', '-m', 'old'], '2024-01-01T00:00:00+00:00');
  await writeFeed(origin, '001_new.txt');
  await git(origin, ['add', '.']);
  await git(origin, ['commit', '-q', '-m', 'new'], '2026-01-01T00:00:00+00:00');
  const clone = join(scratchFolder('digest-dates-clone-'), 'c');
  await run('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
  const drops = await readDrops(clone);
  assert.deepEqual(drops.map((drop) => drop.date.day), ['2026-01-01', '2026-01-01']);
  const warnings = drops.flatMap((drop) => drop.diagnostics).filter((d) => d.rule === 'ingest:date');
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!.message, /shallow git clone.*fetch-depth: 0/);
  assert.equal(warnings[0]!.severity, 'warning');
});

test('the seed drops in this repository are dated by git, not by their names', async () => {
  for (const drop of await readDrops(FEEDS)) {
    assert.notEqual(drop.date.source, 'file-name', drop.file);
    const year = Number(drop.date.day.slice(0, 4));
    assert.ok(year >= 2026 && year < 2100, `${drop.file}: ${drop.date.time}`);
  }
});
