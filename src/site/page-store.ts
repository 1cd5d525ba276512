import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PreviousIndex } from '../search/index.ts';
import type { CacheStore } from './cache-store.ts';
import type { ReleaseOrigin } from './publish.ts';
import { indexOutputFile } from './page-plan.ts';

/** What the next build needs to extend this build's search index rather than index everything again. */
export interface IndexState {
  manifestFile: string;
  documents: readonly string[];
}

/**
 * How a build made its release: what lets the build after the next one, which recycles the release
 * that was live during this one, know which of that release's files are this release's own (hard
 * links to the same file) without a stat of each, 330,000 at 100,000 articles.
 */
export interface ReleaseRecord {
  /** The release's folder name. */
  name: string;
  /** The release live while it was built, which every keyed file it did not render was linked from. */
  linkedFrom: string | null;
  /** The keyed files it rendered. */
  rendered: string[];
  /** The files Eleventy wrote that no key names: the single pages rendered every build, feeds, static files. */
  unkeyed: string[];
}

/**
 * A release by its every file, for the build that will recycle it: with the list, that build need
 * not list the release itself, which took 5.8 s of a 29.4 s rebuild at 100,000 articles in a
 * profile (a `readdir` of each of its 111,000 folders).
 */
export interface ReleaseFiles {
  name: string;
  files: string[];
}

/** What a build into an output folder leaves for the next build into it. */
export interface BuildRecord {
  /** Each keyed output file and its key. */
  keys: ReadonlyMap<string, string>;
  index: IndexState | null;
  release: ReleaseRecord | null;
  /** The release that was live during the build, which the next build recycles (see `priorRelease`). */
  prior: ReleaseFiles | null;
}

/**
 * One cache entry per output folder (two sites built from one checkout keep apart), read and
 * written whole: a rebuild keys every page anyway, and an entry per page cost two LMDB lookups a
 * page, 340,000 at 100,000 articles. Files and keys go in two arrays, which decode fastest.
 */
interface StoredRecord {
  files: string[];
  keys: string[];
  index: IndexState | null;
  release?: ReleaseRecord | null;
  prior?: ReleaseFiles | null;
}

export function previousBuild(store: CacheStore, outDir: string): BuildRecord | null {
  const stored = store.table<StoredRecord>('pages').get(outDir);
  if (stored === undefined || !Array.isArray(stored.files) || !Array.isArray(stored.keys)) return null;
  const { index, release, prior } = stored;
  const indexHolds = typeof index?.manifestFile === 'string' && Array.isArray(index.documents);
  const releaseHolds =
    typeof release?.name === 'string' &&
    (release.linkedFrom === null || typeof release.linkedFrom === 'string') &&
    Array.isArray(release.rendered) &&
    Array.isArray(release.unkeyed);
  const priorHolds = typeof prior?.name === 'string' && Array.isArray(prior.files);
  return {
    keys: new Map(stored.files.map((file, at) => [file, stored.keys[at]!])),
    index: indexHolds ? index : null,
    release: releaseHolds ? release : null,
    prior: priorHolds ? prior : null,
  };
}

export function saveBuild(store: CacheStore, outDir: string, record: BuildRecord): void {
  const index = record.index && { manifestFile: record.index.manifestFile, documents: record.index.documents };
  const { release, prior } = record;
  store.table<StoredRecord>('pages').set(outDir, { files: [...record.keys.keys()], keys: [...record.keys.values()], index, release, prior });
}

/**
 * Every file of the release live during this build, from the record of the build that made it:
 * its keyed files and what Eleventy wrote besides. Null when the record is of another release.
 */
export function priorRelease(previous: BuildRecord | null, origin: ReleaseOrigin): ReleaseFiles | null {
  const made = previous?.release;
  if (!made || made.name !== origin.live) return null;
  return { name: made.name, files: [...previous!.keys.keys(), ...made.unkeyed] };
}

/** The files of the release being recycled, when the previous build's record lists them; null when it cannot. */
export function recycledFiles(previous: BuildRecord | null, origin: ReleaseOrigin): readonly string[] | null {
  return previous?.prior && previous.prior.name === origin.recycled ? previous.prior.files : null;
}

/**
 * Which files of the recycled release are the live release's own, by the record of the build that
 * made the live release: those it linked rather than rendered, when it was linked from the very
 * release now recycled. Null when the record cannot say (another release is live or recycled, or
 * the record is older than this), and each file is then checked by its inode.
 */
export function linkedFromRecycled(previous: BuildRecord | null, origin: ReleaseOrigin): ((file: string) => boolean) | null {
  const made = previous?.release;
  if (!made || made.name !== origin.live || made.linkedFrom === null || made.linkedFrom !== origin.recycled) return null;
  const rendered = new Set(made.rendered);
  return (file) => previous!.keys.has(file) && !rendered.has(file);
}

/**
 * The search index the previous build into `outDir` wrote, read back from the live release (see
 * PreviousIndex). Its files are read only if its documents lead this build's.
 */
export function previousIndex(state: IndexState, outDir: string): PreviousIndex {
  const readFile = (path: string): string | null => {
    try {
      return readFileSync(join(outDir, indexOutputFile(path)), 'utf8');
    } catch {
      return null;
    }
  };
  return { manifestFile: state.manifestFile, documents: state.documents, readFile };
}

/**
 * Makes the release hold exactly the reused pages, each the live release's own file, and nothing
 * else, whatever it held before: a fresh folder, or an older release being recycled (see
 * `publishAtomically`). A recycled file is kept only when it is the live file itself (same inode,
 * or `sameAsLive` says so from the build record: see `linkedFromRecycled`), so its content is right
 * by construction; every other file is unlinked, never overwritten, since it may be a hard link
 * into the live release. The release's files are listed from disk unless `listed` gives them
 * (from the build record: see `recycledFiles`); a file put in a release by hand, which no record
 * lists, then stays. A hard link costs no copy and survives the old
 * release's removal; a copy is the fallback across file systems. Synchronous, like Eleventy's own
 * writes (eleventy #3271): at 100,000 files a promise per call costs more than the calls.
 * Returns the folders it emptied files from, for `removeEmptyFolders` once the rest is written,
 * and the files the live release no longer holds (someone deleted them), which must be rendered.
 */
export function reusePages(
  files: readonly string[],
  outDir: string,
  release: string,
  sameAsLive: ((file: string) => boolean) | null = null,
  listed: readonly string[] | null = null,
): { emptied: string[]; missing: string[] } {
  const reuse = new Set(files);
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const file of listed ?? filesUnder(release)) {
    if (reuse.has(file) && (sameAsLive ? sameAsLive(file) : isLiveFile(join(release, file), join(outDir, file)))) kept.add(file);
    else {
      // `force`: a listed file may be gone already, since a record lists what a release held when it was made.
      rmSync(join(release, file), { force: true });
      emptied.add(dirname(join(release, file)));
    }
  }
  const made = new Set<string>();
  const missing: string[] = [];
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
      try {
        copyFileSync(join(outDir, file), to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        missing.push(file);
      }
    }
  }
  return { emptied: [...emptied], missing };
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
