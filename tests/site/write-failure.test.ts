import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { FEEDS } from '../seeds.ts';
import { buildSite, DIGEST_BIN, PROJECT, runDigest, snapshotSite } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

interface Failed {
  code: number;
  stdout: string;
  stderr: string;
}

/** A build expected to fail: its exit code and output. */
async function failingBuild(outDir: string, asUser: string[] = []): Promise<Failed> {
  const args = [DIGEST_BIN, 'build', '--feeds', FEEDS, '--out', outDir, '--cache', ''];
  const [command, ...rest] = asUser.length > 0 ? [...asUser, process.execPath, ...args] : [process.execPath, ...args];
  try {
    const { stdout, stderr } = await run(command!, rest, { cwd: PROJECT });
    assert.fail(`the build succeeded:\n${stdout}\n${stderr}`);
  } catch (error) {
    const { code, stdout, stderr } = error as Failed;
    return { code, stdout, stderr };
  }
}

/** Exit 1 and exactly one line on stderr, which is `expected`; no stack trace anywhere. */
function assertOneLine(result: Failed, expected: string): void {
  assert.equal(result.code, 1);
  assert.equal(result.stderr, `${expected}\n`);
  assert.doesNotMatch(result.stdout, /Error|\n\s+at /);
}

/** A small tmpfs, which only root can mount; the test is skipped, saying why, where that fails. */
async function mountTmpfs(t: TestContext, kilobytes: number): Promise<string | null> {
  const folder = scratchFolder('digest-tmpfs-');
  if (!isRoot) {
    t.skip('mounting a small tmpfs needs root');
    return null;
  }
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', folder]);
  } catch (error) {
    t.skip(`cannot mount a tmpfs here: ${(error as Error).message}`);
    return null;
  }
  t.after(() => run('umount', [folder]));
  return folder;
}

/** A seed site's size on a tmpfs, in KiB, measured from a real build. */
async function siteKilobytes(): Promise<number> {
  const { outDir } = await buildSite(FEEDS);
  const { stdout } = await run('du', ['-sk', '--apparent-size', join(outDir, '..', await readlink(outDir))]);
  return Number(stdout.split('\t')[0]);
}

test('a build onto a full disk says so in one line naming the output folder, exits 1 and leaves the previous site in place', async (t) => {
  // Room for one site and half another: the first build fits, the second runs out of space.
  const disk = await mountTmpfs(t, Math.ceil((await siteKilobytes()) * 1.6) + 200);
  if (!disk) return;
  const outDir = join(disk, 'site');
  await runDigest(['build', '--feeds', FEEDS, '--out', outDir, '--cache', '']);
  const before = await snapshotSite(outDir);
  const release = await readlink(outDir);
  const result = await failingBuild(outDir);
  assertOneLine(result, `digest: cannot write the site to ${outDir}: no space left on device (ENOSPC); the previous site is untouched`);
  assert.equal(await readlink(outDir), release);
  assert.deepEqual(await snapshotSite(outDir), before);
  assert.deepEqual(await readdir(join(disk, '.site.releases')), [release.split('/').at(-1)], 'the half-written release is removed');
});

test('a build onto a read-only file system says so in one line and leaves the previous site in place', async (t) => {
  const disk = await mountTmpfs(t, 8 * 1024);
  if (!disk) return;
  const outDir = join(disk, 'site');
  await runDigest(['build', '--feeds', FEEDS, '--out', outDir, '--cache', '']);
  const before = await snapshotSite(outDir);
  await run('mount', ['-o', 'remount,ro', disk]);
  const result = await failingBuild(outDir);
  assertOneLine(result, `digest: cannot write the site to ${outDir}: read-only file system (EROFS); the previous site is untouched`);
  assert.deepEqual(await snapshotSite(outDir), before);
});

test('a build into a folder the user may not write says permission denied in one line', async (t) => {
  if (!isRoot) return t.skip('needs root to run the build as another user');
  const asNobody = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  // A clone made under a private folder (mktemp -d is 0700) cannot be read by nobody at all: the
  // build would fail to start, not to write.
  const readable = await run(asNobody[0]!, [...asNobody.slice(1), 'test', '-r', DIGEST_BIN]).then(() => true, () => false);
  if (!readable) return t.skip(`the user nobody cannot read ${DIGEST_BIN}`);
  const parent = scratchFolder('digest-denied-');
  const outDir = join(parent, 'site');
  const result = await failingBuild(outDir, asNobody);
  assertOneLine(result, `digest: cannot write the site to ${outDir}: permission denied (EACCES); nothing was published`);
  assert.deepEqual(await readdir(parent), []);
});

test('an output path that is a file, or lies under one, is refused in one line and the file is kept', async () => {
  const folder = scratchFolder('digest-file-out-');
  const file = join(folder, 'notes.txt');
  await writeFile(file, 'my notes\n');
  assertOneLine(await failingBuild(file), `digest: cannot write the site to ${file}: it is a file, not a folder; nothing was published`);
  assert.equal(await readFile(file, 'utf8'), 'my notes\n');
  for (const [under, code] of [[join(file, 'site'), 'EEXIST'], [join(file, 'deeper', 'site'), 'ENOTDIR']] as const) {
    assertOneLine(await failingBuild(under), `digest: cannot write the site to ${under}: part of the path is a file, not a folder (${code}); nothing was published`);
  }
  assert.deepEqual(await readdir(folder), ['notes.txt']);
});

test('a cache folder on a read-only disk costs one warning, not the build', async (t) => {
  const disk = await mountTmpfs(t, 1024);
  if (!disk) return;
  await run('mount', ['-o', 'remount,ro', disk]);
  const outDir = join(scratchFolder('digest-ro-cache-'), 'site');
  const { stdout, stderr } = await runDigest(['build', '--feeds', FEEDS, '--out', outDir, '--cache', join(disk, 'cache')]);
  const warnings = stderr.split('\n').filter((line) => line !== '');
  assert.equal(warnings.length, 1, stderr);
  assert.match(warnings[0]!, new RegExp(`^digest: warning: cannot save the cache in ${join(disk, 'cache')}: .*; the next build starts without it$`));
  assert.match(stdout, /digest: wrote /);
  assert.ok((await readdir(outDir)).includes('index.html'));
});
