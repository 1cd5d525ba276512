import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
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
 * and survives the old release's removal; a copy is the fallback across file systems. Synchronous,
 * like Eleventy's own writes (eleventy #3271): at 100,000 files a promise per call costs more
 * than the calls.
 */
export function reusePages(files: readonly string[], outDir: string, stagingDir: string): void {
  const made = new Set<string>();
  for (const file of files) {
    const to = join(stagingDir, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(join(outDir, file), to);
    } catch {
      copyFileSync(join(outDir, file), to);
    }
  }
}
