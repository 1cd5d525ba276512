import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_VERSION } from '../render/index.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CODE_FOLDERS = ['src', 'templates'];

let version: Promise<string> | null = null;

/**
 * Cached titles, tags, math and pages depend on the code that made them, so caches are keyed by a
 * hash of the stages' and templates' source, the lock file (library versions) and the renderer's
 * version: any edit or upgrade starts afresh instead of serving stale output.
 */
export function codeVersion(): Promise<string> {
  version ??= (async () => {
    const hash = createHash('sha256').update(RENDERER_VERSION);
    for (const folder of CODE_FOLDERS) {
      const files = (await readdir(join(PROJECT_ROOT, folder), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
      for (const file of files) hash.update(`${folder}/${file}`).update(await readFile(join(PROJECT_ROOT, folder, file)));
    }
    hash.update(await readFile(join(PROJECT_ROOT, 'package-lock.json')).catch(() => Buffer.alloc(0)));
    return hash.digest('hex').slice(0, 16);
  })();
  return version;
}
