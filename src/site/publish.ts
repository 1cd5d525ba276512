import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

/** Where a release started from, which `write` is told: the build records it (see page-store.ts). */
export interface ReleaseOrigin {
  /** The release folder's name before it was recycled into this one; null for a fresh folder. */
  recycled: string | null;
  /** The name of the release live when this one was started; null when `outDir` was no release. */
  live: string | null;
}

/**
 * Build into a new release folder, then point `outDir` at it by renaming a fresh symlink over the
 * old one. rename(2) replaces a symlink atomically, so a web server pointed at `outDir` resolves
 * either the old tree or the new one, never a mix and never nothing; an interrupted build leaves
 * the old release serving. (Folders cannot be swapped like this: rename(2) will not replace a
 * non-empty folder, and Node has no RENAME_EXCHANGE.) A real folder left at `outDir` by an older
 * version or by hand is moved into the releases once, the only time `outDir` is briefly absent.
 * `write` is handed either an empty folder or an older release to bring up to date.
 */
export async function publishAtomically(outDir: string, write: (releaseDir: string, origin: ReleaseOrigin) => Promise<unknown>): Promise<void> {
  const releases = join(dirname(outDir), `.${basename(outDir)}.releases`);
  const existing = await lstat(outDir).catch(() => null);
  // A file at --out is not an old site: moving it aside (as an old site folder is) would lose it.
  if (existing && !existing.isSymbolicLink() && !existing.isDirectory()) throw new WriteFailure('it is a file, not a folder');
  // Node's recursive mkdir reports a read-only file system as ENOENT, so only the parent is made
  // recursively: the folders below it are made one by one and fail with their real cause, before
  // anything is rendered.
  await mkdir(dirname(outDir), { recursive: true });
  await mkdir(releases).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  // The name only has to be unique; it never appears in the site itself.
  const release = join(releases, `release-${process.pid}-${process.hrtime.bigint()}`);
  const origin = await recycleOrMake(releases, outDir, release);
  try {
    await write(release, origin);
  } catch (error) {
    await rm(release, { recursive: true, force: true });
    throw error;
  }
  const current = await lstat(outDir).catch(() => null);
  const previousTarget = current?.isSymbolicLink() ? await readlink(outDir) : null;
  if (current && !current.isSymbolicLink()) await rename(outDir, join(releases, `moved-${process.pid}`));
  const pointer = `${outDir}.pointer-${process.pid}`;
  await rm(pointer, { force: true });
  await symlink(relative(dirname(outDir), release), pointer, 'dir');
  await rename(pointer, outDir);
  await removeOldReleases(releases, basename(release), previousTarget);
}

/**
 * Starts the release from the one before the live one, when there is one: `write` then changes
 * only what differs (see `reusePages`), where a fresh folder would need every one of the site's
 * folders made again, 100,000 of them at 100,000 articles. By now no reader is inside it: it
 * stopped serving a whole build ago.
 */
async function recycleOrMake(releases: string, outDir: string, release: string): Promise<ReleaseOrigin> {
  const live = await readlink(outDir).then(basename, () => null);
  for (const name of (await readdir(releases)).sort()) {
    if (name === live || !(await lstat(join(releases, name))).isDirectory()) continue;
    await rename(join(releases, name), release);
    return { recycled: name, live };
  }
  await mkdir(release);
  return { recycled: null, live };
}

/** Keeps the new release and the one it replaced (a reader may still be inside it). */
async function removeOldReleases(releases: string, keep: string, previousTarget: string | null): Promise<void> {
  const previous = previousTarget ? basename(previousTarget) : null;
  for (const name of await readdir(releases)) {
    if (name !== keep && name !== previous) await rm(join(releases, name), { recursive: true, force: true });
  }
}

/** A reason the site cannot be written that a maintainer fixes outside the digest. */
export class WriteFailure extends Error {}

const FILE_SYSTEM_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'part of the path is a file, not a folder',
  // What mkdir says when the folder to make is itself a file.
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'a folder stands where a file must be written',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/**
 * The file-system cause behind an error thrown while writing, however a library wrapped it
 * (Eleventy chains `originalError`, Node and others `cause`), in words with its code, such as
 * `no space left on device (ENOSPC)`; any other system call's failure in Node's words; null for
 * an error that is not about the file system (a bug, which deserves its stack trace).
 */
export function writeFailureCause(error: unknown): string | null {
  const queue = [error];
  const seen = new Set<unknown>();
  let systemError: string | null = null;
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (next instanceof WriteFailure) return next.message;
    const { code, syscall, message, originalError, cause, errors } = next as Partial<NodeJS.ErrnoException> & { originalError?: unknown; errors?: unknown };
    if (typeof code === 'string' && code in FILE_SYSTEM_CAUSES) return `${FILE_SYSTEM_CAUSES[code]} (${code})`;
    if (typeof code === 'string' && typeof syscall === 'string') systemError ??= message ?? code;
    queue.push(originalError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return systemError;
}
