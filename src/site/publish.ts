import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Build into a sibling folder, then swap it in with renames, so a web server pointed at `outDir`
 * serves the old tree or the new one, never a mix. rename(2) cannot replace a non-empty folder,
 * so the old tree steps aside first: between the two renames `outDir` is briefly absent (a 404
 * for that instant), never half-written. An interrupted build leaves only a staging folder behind.
 */
export async function publishAtomically(outDir: string, write: (stagingDir: string) => Promise<unknown>): Promise<void> {
  const stem = join(dirname(outDir), `.${basename(outDir)}`);
  const staging = `${stem}.staging-${process.pid}`;
  const previous = `${stem}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await write(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
  const hadPrevious = await rename(outDir, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, outDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
