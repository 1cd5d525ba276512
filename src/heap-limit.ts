import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs } from './cli-args.ts';

// How big a heap a build gets. Measured on `npm run bench`'s corpora (2 cores, 24 GiB): the build's
// live heap peaks near 55 MB per MiB of feeds. At 10,000 articles (9.8 MiB) it completes, slowed
// by collection, under a 700 MB limit; at 100,000 it failed under Node's default 4 GB. Given far
// more room than it needs, V8 lets garbage pile up: the 10,000-article build peaked at 1,346 MiB
// resident under an 18 GB limit, at 1,169 MiB under 2,500 MB and at 845 MiB under 1,500 MB, in
// the same time (27.0, 28.2 and 27.1 s). So the limit is about 2.7 times the live heap the feeds
// predict, never below a floor that small sites stay far under, and never above three quarters
// of the machine's memory.
export const HEAP_FLOOR_MB = 1024;
export const HEAP_MB_PER_FEEDS_MIB = 150;

export const machineHeapMb = (totalMemoryBytes: number): number => Math.floor((totalMemoryBytes / 2 ** 20) * 0.75);

export function heapLimitMb(feedsBytes: number, totalMemoryBytes: number): number {
  const wanted = Math.max(HEAP_FLOOR_MB, Math.ceil((HEAP_MB_PER_FEEDS_MIB * feedsBytes) / 2 ** 20));
  return Math.min(machineHeapMb(totalMemoryBytes), wanted);
}

/** The bytes of the files in a feeds folder; 0 when it cannot be read (the build itself says why). */
export function feedsBytes(feedsDir: string): number {
  let names: string[];
  try {
    names = readdirSync(feedsDir);
  } catch {
    return 0;
  }
  let bytes = 0;
  for (const name of names) {
    try {
      const info = statSync(join(feedsDir, name));
      if (info.isFile()) bytes += info.size;
    } catch {
      // A file removed while we count: the build reads what is there when it starts.
    }
  }
  return bytes;
}

/**
 * The heap, in MB, that the command on this command line should run with. `serve` keeps rebuilding
 * while drops arrive, so it gets the machine's share; so does a command line the CLI will refuse
 * (it only prints its usage error).
 */
export function wantedHeapMb(argv: string[], totalMemoryBytes: number): number {
  try {
    const { command, values } = readArgs(argv);
    if (command === 'build' || command === 'check') return heapLimitMb(feedsBytes(resolve(values.feeds)), totalMemoryBytes);
  } catch {
    // A usage error: the CLI reports it.
  }
  return machineHeapMb(totalMemoryBytes);
}

/**
 * Whether a process with `currentMb` of heap should restart itself with `wantedMb`: when it has
 * too little, or when a site that needs more than the floor would get more than half as much again
 * as it wants (the small sites' builds are not worth a restart's 0.3 s).
 */
export const shouldRestart = (currentMb: number, wantedMb: number): boolean =>
  currentMb < 0.9 * wantedMb || (wantedMb > HEAP_FLOOR_MB && currentMb > 1.5 * wantedMb);
