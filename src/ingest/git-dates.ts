import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import type { DateClues } from './dates.ts';

const run = promisify(execFile);
const git = (folder: string, args: string[]) => run('git', args, { cwd: folder, maxBuffer: 256 * 1024 * 1024 });

/**
 * When each file in `folder` was added to git, read from one `git log` over the folder rather
 * than one per file (a feeds folder can hold thousands of drops). Newest commit first, so a file
 * that was removed and added again gets its latest addition, as Eleventy's `git Created` does.
 * `--no-renames` makes a renamed file count as added under its new name. Outside a git work tree,
 * or without git, the map is empty and drops fall back to their modification time.
 */
export async function gitAddedDates(folder: string): Promise<Map<string, NonNullable<DateClues['gitAdded']>>> {
  const added = new Map<string, NonNullable<DateClues['gitAdded']>>();
  let log: string;
  try {
    const format = ['log', '--diff-filter=A', '--no-renames', '--relative', '--format=%x01%H %aI', '--name-only', '-z', '--', '.'];
    log = (await git(folder, format)).stdout;
  } catch {
    return added;
  }
  const boundary = await shallowBoundary(folder);
  for (const commit of log.split('\x01').slice(1)) {
    const [header = '', ...names] = commit.split('\0');
    const [hash = '', time = ''] = header.split(' ');
    for (const name of names.map((n) => n.replace(/^\n/, '')).filter((n) => n !== '' && !n.includes('/'))) {
      if (!added.has(name)) added.set(name, { time, shallow: boundary.has(hash) });
    }
  }
  return added;
}

/** In a shallow clone, the oldest fetched commits appear to add every file that existed before them. */
async function shallowBoundary(folder: string): Promise<Set<string>> {
  try {
    const path = (await git(folder, ['rev-parse', '--git-path', 'shallow'])).stdout.trim();
    const text = await readFile(isAbsolute(path) ? path : join(folder, path), 'utf8');
    return new Set(text.split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}
