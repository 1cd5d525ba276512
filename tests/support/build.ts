// Builds a site once per test process through the real CLI, into a temporary folder.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { scratchFolder } from './scratch.ts';

const run = promisify(execFile);
export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const DIGEST_BIN = join(PROJECT, 'bin', 'digest.js');

export interface BuiltSite {
  outDir: string;
  stdout: string;
  stderr: string;
}

export async function runDigest(args: string[], options: { cwd?: string } = {}) {
  return run(process.execPath, [DIGEST_BIN, ...args], { cwd: options.cwd ?? PROJECT, maxBuffer: 64 * 1024 * 1024 });
}

const builds = new Map<string, Promise<BuiltSite>>();

/** One build per (feeds, base, site URL) per process: the browser tests share it. */
export function buildSite(feedsDir: string, base = '/', siteUrl?: string): Promise<BuiltSite> {
  const key = `${feedsDir}\0${base}\0${siteUrl ?? ''}`;
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      const outDir = join(scratchFolder('digest-site-'), 'site');
      const url = siteUrl === undefined ? [] : ['--site-url', siteUrl];
      const { stdout, stderr } = await runDigest(['build', '--feeds', feedsDir, '--out', outDir, '--base', base, ...url]);
      return { outDir, stdout, stderr };
    })();
    builds.set(key, build);
  }
  return build;
}

/** Every file under a site, by path relative to it, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Two sites hold the same files, byte for byte. */
/** Every file under a site with a hash of its content: what to compare to prove nothing changed. */
export async function snapshotSite(root: string): Promise<Record<string, string>> {
  const files = await filesUnder(root);
  const hashes = await Promise.all(files.map(async (file) => createHash('sha256').update(await readFile(join(root, file))).digest('hex')));
  return Object.fromEntries(files.map((file, index) => [file, hashes[index]!]));
}

export async function assertSameSite(actual: string, expected: string, what: string): Promise<void> {
  const files = await filesUnder(expected);
  assert.deepEqual(await filesUnder(actual), files, `${what}: the same files`);
  for (const file of files) {
    assert.ok((await readFile(join(actual, file))).equals(await readFile(join(expected, file))), `${file} differs (${what})`);
  }
}
