import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PreviousIndex } from '../search/index.ts';
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

/** Where the search index's state is kept among the page keys: no output file's name holds a NUL. */
const INDEX_STATE = '\0search-index';

/** What the next build needs to extend this build's search index rather than index everything again. */
export interface IndexState {
  manifestFile: string;
  documents: readonly string[];
}

/**
 * The search index the previous build into `outDir` wrote, read back from the live release (see
 * PreviousIndex); null without one. The files are only read when the index's documents match.
 */
export function previousIndex(store: CacheStore, outDir: string, indexFolder: string): PreviousIndex | null {
  const saved = store.table<string>('pages').get(entryKey(outDir, INDEX_STATE));
  if (saved === undefined) return null;
  try {
    const { manifestFile, documents } = JSON.parse(saved) as IndexState;
    const readFile = (path: string): string | null => {
      try {
        return readFileSync(join(outDir, indexFolder, path), 'utf8');
      } catch {
        return null;
      }
    };
    return { manifestFile, documents, readFile };
  } catch {
    return null;
  }
}

export function saveIndexState(store: CacheStore, outDir: string, state: IndexState): void {
  store.table<string>('pages').set(entryKey(outDir, INDEX_STATE), JSON.stringify({ manifestFile: state.manifestFile, documents: state.documents }));
}

/**
 * Makes the release hold exactly the reused pages, each the live release's own file, and nothing
 * else, whatever it held before: a fresh folder, or an older release being recycled (see
 * `publishAtomically`). A recycled file is kept only when it is the live file itself (same inode),
 * so its content is right by construction; every other file is unlinked, never overwritten, since
 * it may be a hard link into the live release. A hard link costs no copy and survives the old
 * release's removal; a copy is the fallback across file systems. Synchronous, like Eleventy's own
 * writes (eleventy #3271): at 100,000 files a promise per call costs more than the calls.
 * Returns the folders it emptied files from, for `removeEmptyFolders` once the rest is written.
 */
export function reusePages(files: readonly string[], outDir: string, release: string): string[] {
  const reuse = new Set(files);
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const file of filesUnder(release)) {
    if (reuse.has(file) && isLiveFile(join(release, file), join(outDir, file))) kept.add(file);
    else {
      unlinkSync(join(release, file));
      emptied.add(dirname(join(release, file)));
    }
  }
  const made = new Set<string>();
  for (const file of files) {
    if (kept.has(file)) continue;
    const to = join(release, file);
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
  return [...emptied];
}

/** Removes each folder left empty, and its parents up to `root` as they empty in turn. */
export function removeEmptyFolders(folders: readonly string[], root: string): void {
  for (const start of [...folders].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder !== root && folder.startsWith(root); folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // Not empty (or already gone): its parents are not empty either.
      }
    }
  }
}

/** Whether `recycled` is the live file itself, not a copy of it or a symlink to it. */
function isLiveFile(recycled: string, live: string): boolean {
  const [x, y] = [lstatSync(recycled, { throwIfNoEntry: false }), statSync(live, { throwIfNoEntry: false })];
  return x !== undefined && y !== undefined && x.isFile() && x.ino === y.ino && x.dev === y.dev;
}

/** Every file below `root`, as a relative path; anything that is not a folder counts as a file. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}
