import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, type Database, type RootDatabase } from 'lmdb';

/** Values a build derived and the next build may reuse, by key. */
export interface CacheTable<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export type TableName = 'derivations' | 'excerpts' | 'search' | 'pages';

export interface CacheStore {
  table<T>(name: TableName): CacheTable<T>;
  /** Writes what was set since the last flush, in one transaction. */
  flush(): Promise<void>;
  /** Flushes, forgets entries no recent build used, and closes. */
  close(): Promise<void>;
}

/** The key of a text's entries: its hash, so a 20,000-character line costs 43 bytes of key. */
export const textKey = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** The LMDB environment under a cache folder, and the one file that holds its data. */
const storePath = (cacheDir: string): string => join(cacheDir, 'store');
const dataFile = (store: string): string => join(store, 'data.mdb');

const TABLES: readonly TableName[] = ['derivations', 'excerpts', 'search', 'pages'];
const VERSION_KEY = 'code-version';
/** Unused entries are dropped once they outnumber the used ones by this much (plus a floor). */
const PRUNE_FACTOR = 2;
const PRUNE_FLOOR = 1_000;

/** A build without `--cache` still derives each text once: the same tables, in memory. */
export function memoryCacheStore(): CacheStore {
  const tables = new Map<TableName, Map<string, unknown>>();
  return {
    table<T>(name: TableName): CacheTable<T> {
      let table = tables.get(name);
      if (!table) tables.set(name, (table = new Map()));
      const entries = table as Map<string, T>;
      return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
    },
    async flush() {},
    async close() {},
  };
}

interface OpenTable {
  db: Database<unknown, string>;
  pending: Map<string, unknown>;
  used: Set<string>;
}

/**
 * The cache as an LMDB environment (what Parcel and Gatsby moved to): entries are read one by one
 * from a memory map and written in one transaction, so a build touches only what it uses, and
 * no single blob has to fit in one Buffer (Gatsby's v8.serialize cache broke at 2 GB). The store
 * is keyed by the code's version: entries from other code are cleared on open. A store that
 * cannot be opened is removed and started afresh, so a damaged cache costs time, never output.
 */
export async function openCacheStore(cacheDir: string, codeVersion: string, probed = probeCacheStore(cacheDir)): Promise<CacheStore> {
  const path = storePath(cacheDir);
  if (!(await probed)) await rm(path, { recursive: true, force: true });
  let root: RootDatabase;
  try {
    root = await openRoot(path, codeVersion);
  } catch {
    await rm(path, { recursive: true, force: true });
    root = await openRoot(path, codeVersion);
  }
  const tables = new Map<TableName, OpenTable>();
  const tableOf = (name: TableName): OpenTable => {
    let table = tables.get(name);
    if (!table) tables.set(name, (table = { db: root.openDB<unknown, string>({ name }), pending: new Map(), used: new Set() }));
    return table;
  };
  const flush = () => {
    root.transactionSync(() => {
      for (const { db, pending } of tables.values()) for (const [key, value] of pending) db.putSync(key, value);
    });
    for (const table of tables.values()) table.pending.clear();
  };
  return {
    table<T>(name: TableName): CacheTable<T> {
      const table = tableOf(name);
      return {
        get(key) {
          table.used.add(key);
          if (table.pending.has(key)) return table.pending.get(key) as T;
          try {
            return table.db.get(key) as T | undefined;
          } catch {
            // An entry that no longer decodes is as good as missing.
            return undefined;
          }
        },
        set(key, value) {
          table.used.add(key);
          table.pending.set(key, value);
        },
      };
    },
    async flush() {
      flush();
    },
    async close() {
      flush();
      // A text's excerpt and search fields live as long as its description, which every build
      // reads: a later build may need them for a page this one reused.
      const usedBy = (name: TableName) => tableOf(name === 'excerpts' || name === 'search' ? 'derivations' : name).used;
      root.transactionSync(() => {
        for (const [name, { db }] of tables) {
          const used = usedBy(name);
          if (entryCount(db) <= used.size * PRUNE_FACTOR + PRUNE_FLOOR) continue;
          for (const key of db.getKeys()) if (!used.has(key)) db.removeSync(key);
        }
      });
      await root.close();
      await utimes(dataFile(path), CLOSED_TIME, CLOSED_TIME).catch(() => {}); // The next build then probes it.
    },
  };
}

/**
 * LMDB keeps each table's entry count in its header (mdb_stat), which lmdb-js's getStats reads
 * at once; its getCount walks every entry instead, 1.7 s for the four tables at 100,000 articles.
 */
const entryCount = (db: Database<unknown, string>): number => (db.getStats() as { entryCount: number }).entryCount;

const PROBE = fileURLToPath(new URL('./cache-probe.mjs', import.meta.url));

/**
 * The modification time a store is given when a build has closed it. Any write after that, LMDB's
 * own or a stray one, sets the time to now, so a store that still bears it is as a build left it,
 * and the probe need not walk it: at 10,000 articles the walk took 0.7 s, and a rebuild 0.5 s longer
 * for it, since the walk and the build share two cores. (A marker file with the store's own time
 * would not do: Linux stamps files from a clock that ticks every few milliseconds, and a write
 * within the tick of the close would leave that time as it was.) Damage that comes with no write,
 * such as a failing disk's, is caught only in a store written since.
 */
const CLOSED_TIME = new Date(Date.UTC(2000, 0, 1));

/** Whether the store in `cacheDir` is missing, or bears the time its last build gave it on closing. */
export function untouchedSinceClose(cacheDir: string): boolean {
  try {
    const data = statSync(dataFile(storePath(cacheDir)), { throwIfNoEntry: false });
    return data === undefined || data.mtimeMs === CLOSED_TIME.getTime();
  } catch {
    return false; // Unreadable: the probe and the open say why.
  }
}

/**
 * Whether the store reads back whole, checked in a child process (see cache-probe.mjs) unless it
 * is untouched since a build closed it. A build starts this first and awaits it only when it opens
 * the cache, so the check runs beside the reading of the feeds. True when there is no store yet.
 */
export function probeCacheStore(cacheDir: string): Promise<boolean> {
  if (untouchedSinceClose(cacheDir)) return Promise.resolve(true);
  return new Promise((resolve) => execFile(process.execPath, [PROBE, storePath(cacheDir), ...TABLES], (error) => resolve(error === null)));
}

/**
 * lmdb-js by default maps the file whole, starting at 128 KB and mapping it again, twice as large,
 * each time it outgrows the map; the old maps stay, with every page a build touched through them.
 * A cold 100,000-article build (a 1.1 GB store) ended with 2.3 GiB of the file resident in
 * thirteen such maps, and a peak RSS of 4,577 MiB. remapChunks maps the file in chunks and lets go
 * of the ones not in use: 2,596 MiB, for 7% more time (168 s against 157 s); one map sized ahead
 * gave 3,276 MiB. So a store about to be filled is mapped in chunks.
 *
 * A rebuild instead reads every article's description from a store that is already full, and
 * through chunks that is slow: 100,000 lookups in that 1.1 GB store took 7.0 s, against 0.8 s
 * through one map (with 950 MiB of the file resident). So a store that holds this code's entries
 * is mapped whole, with room to grow before lmdb-js would have to map it again.
 */
const STORE_OPTIONS = { compression: false } as const;
const MiB = 2 ** 20;
const roomToGrow = (bytes: number): number => Math.ceil((bytes * 1.25) / MiB) * MiB + 64 * MiB;

async function openRoot(path: string, codeVersion: string): Promise<RootDatabase> {
  const bytes = statSync(dataFile(path), { throwIfNoEntry: false })?.size ?? 0;
  if (bytes > 0) {
    const whole = open({ path, ...STORE_OPTIONS, mapSize: roomToGrow(bytes) });
    if (whole.openDB<string, string>({ name: 'meta' }).get(VERSION_KEY) === codeVersion) return whole;
    await whole.close();
  }
  const root = open({ path, ...STORE_OPTIONS, remapChunks: true });
  const meta = root.openDB<string, string>({ name: 'meta' });
  if (meta.get(VERSION_KEY) !== codeVersion) {
    root.transactionSync(() => {
      for (const name of TABLES) root.openDB({ name }).clearSync();
      meta.putSync(VERSION_KEY, codeVersion);
    });
  }
  return root;
}
