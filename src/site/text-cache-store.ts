import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeVersion } from './code-version.ts';

/** Values derived from an excerpt's text alone, looked up by that text. */
export interface TextCache<T> {
  get(text: string): T | undefined;
  set(text: string, value: T): void;
}

export interface TextCacheStore<T> {
  cache: TextCache<T>;
  /** Keeps only what this build used, so the cache does not grow with every text ever seen. */
  save(): Promise<void>;
}

const keyOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * A cache file per kind (`derivations`, `search`) and code version, read whole and written whole
 * with v8's serializer, the fastest way Node has to move a few hundred MB of strings.
 */
export async function openTextCacheStore<T>(cacheDir: string, kind: string): Promise<TextCacheStore<T>> {
  const file = `${kind}-${await codeVersion()}.bin`;
  const path = join(cacheDir, file);
  let stored = new Map<string, T>();
  try {
    stored = deserialize(await readFile(path)) as Map<string, T>;
  } catch {
    // No cache yet, or one from an older format: start empty.
  }
  const used = new Map<string, T>();
  let added = false;
  return {
    cache: {
      get(text) {
        const key = keyOf(text);
        const found = used.get(key) ?? stored.get(key);
        if (found !== undefined) used.set(key, found);
        return found;
      },
      set(text, value) {
        used.set(keyOf(text), value);
        added = true;
      },
    },
    async save() {
      // A build that found every text and used every entry would write the same file again.
      if (!added && used.size === stored.size) return;
      await mkdir(cacheDir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(used));
      await rename(temporary, path);
      for (const name of await readdir(cacheDir)) {
        if (name.startsWith(`${kind}-`) && name.endsWith('.bin') && name !== file) await rm(join(cacheDir, name), { force: true });
      }
    },
  };
}
