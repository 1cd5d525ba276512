import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Drop } from '../model.ts';
import { parseDrop } from './parse.ts';

/** Files a maintainer drops that are feeds: `*.txt`, or a name with no extension at all. */
function isFeedName(name: string): boolean {
  return !name.startsWith('.') && (/\.txt$/i.test(name) || !name.includes('.'));
}

/**
 * The only place that reads input. Drops come back ordered by file name (`000_…`, `001_…`),
 * compared by code point so the order does not depend on the machine's locale.
 */
export async function readDrops(feedsDir: string): Promise<Drop[]> {
  const names = (await readdir(feedsDir)).filter(isFeedName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const drops: Drop[] = [];
  for (const name of names) {
    const path = join(feedsDir, name);
    if (!(await stat(path)).isFile()) continue;
    drops.push(parseDrop(name, new Uint8Array(await readFile(path))));
  }
  return drops;
}
