import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeVersion } from './code-version.ts';
import type { DerivationCache, TextDerivation } from './digest.ts';

const keyOf = (text: string): string => createHash('sha256').update(text).digest('base64url');

export interface DerivationStore {
  cache: DerivationCache;
  hits: () => number;
  /** Keeps only what this build used, so the cache does not grow with every text ever seen. */
  save(): Promise<void>;
}

export async function openDerivationStore(cacheDir: string): Promise<DerivationStore> {
  const version = await codeVersion();
  const path = join(cacheDir, `derivations-${version}.bin`);
  let stored = new Map<string, TextDerivation>();
  try {
    stored = deserialize(await readFile(path)) as Map<string, TextDerivation>;
  } catch {
    // No cache yet, or one from an older format: start empty.
  }
  const used = new Map<string, TextDerivation>();
  let hits = 0;
  return {
    cache: {
      get(text) {
        const key = keyOf(text);
        const found = stored.get(key);
        if (found) {
          hits++;
          used.set(key, found);
        }
        return found;
      },
      set(text, derivation) {
        used.set(keyOf(text), derivation);
      },
    },
    hits: () => hits,
    async save() {
      await mkdir(cacheDir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, serialize(used));
      await rename(temporary, path);
      for (const name of await readdir(cacheDir)) {
        if (name.startsWith('derivations-') && name !== relative(cacheDir, path)) {
          await rm(join(cacheDir, name), { force: true });
        }
      }
    },
  };
}
