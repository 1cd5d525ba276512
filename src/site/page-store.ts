import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CacheStore } from './cache-store.ts';

/** Page keys live in the cache per output folder: two sites built from one checkout keep apart. */
const entryKey = (outDir: string, file: string): string => `${outDir}\0${file}`;

export function previousPageKeys(store: CacheStore, outDir: string): (file: string) => string | undefined {
  const pages = store.table<string>('pages');
  return (file) => pages.get(entryKey(outDir, file));
}

export function savePageKeys(store: CacheStore, outDir: string, keys: ReadonlyMap<string, string>): void {
  const pages = store.table<string>('pages');
  for (const [file, key] of keys) if (pages.get(entryKey(outDir, file)) !== key) pages.set(entryKey(outDir, file), key);
}

/**
 * Puts the reused pages into the new release before it is swapped in. A hard link costs no copy
 * and survives the old release's removal; a copy is the fallback across file systems.
 */
export async function reusePages(files: readonly string[], outDir: string, stagingDir: string): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const folder = dirname(join(stagingDir, file));
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    const from = join(outDir, file);
    const to = join(stagingDir, file);
    await link(from, to).catch(() => copyFile(from, to));
  }
}
