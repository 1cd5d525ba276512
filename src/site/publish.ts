import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

/**
 * Build into a new release folder, then point `outDir` at it by renaming a fresh symlink over the
 * old one. rename(2) replaces a symlink atomically, so a web server pointed at `outDir` resolves
 * either the old tree or the new one, never a mix and never nothing; an interrupted build leaves
 * the old release serving. (Folders cannot be swapped like this: rename(2) will not replace a
 * non-empty folder, and Node has no RENAME_EXCHANGE.) A real folder left at `outDir` by an older
 * version or by hand is moved into the releases once, the only time `outDir` is briefly absent.
 */
export async function publishAtomically(outDir: string, write: (releaseDir: string) => Promise<unknown>): Promise<void> {
  const releases = join(dirname(outDir), `.${basename(outDir)}.releases`);
  await mkdir(releases, { recursive: true });
  // The name only has to be unique; it never appears in the site itself.
  const release = join(releases, `release-${process.pid}-${process.hrtime.bigint()}`);
  try {
    await write(release);
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

/** Keeps the new release and the one it replaced (a reader may still be inside it). */
async function removeOldReleases(releases: string, keep: string, previousTarget: string | null): Promise<void> {
  const previous = previousTarget ? basename(previousTarget) : null;
  for (const name of await readdir(releases)) {
    if (name !== keep && name !== previous) await rm(join(releases, name), { recursive: true, force: true });
  }
}
