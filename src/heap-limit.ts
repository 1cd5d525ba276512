import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs } from './cli-args.ts';

// How big a heap a build gets. Given far more room than it needs, V8 lets garbage pile up: a
// 10,000-article build peaked at 1,346 MiB resident under an 18 GB limit and at 845 MiB under 1,500
// MB, in the same time. So the limit follows what the build needs, measured on `npm run bench`'s
// corpora (2 cores, 24 GiB). At 10,000 articles (9.8 MiB of feeds) the build completes under 400 MB
// in its usual time and fails under 250 MB. At 100,000 (98 MiB) the heap in use after a full
// collection peaked at 1,448 MB (--trace-gc), and the process holds about a gigabyte besides, which
// no heap limit bounds: typed arrays while it packs the search index, and the cache's file mapped
// in. Under 2,678 MB (22 MB per MiB) five of six cold builds there peaked above 3 GB resident;
// under 2,088–2,300 MB three peaked at 2,600–2,732 MiB, in no more time. So the limit is a base
// plus 18 MB per MiB of feeds (689 MB at 10,000 articles, 2,285 MB at 100,000), never above three
// quarters of the machine's memory. A build that outgrows it is run again with the machine's share
// (bin/digest.js).
export const HEAP_BASE_MB = 512;
export const HEAP_MB_PER_FEEDS_MIB = 18;

export const machineHeapMb = (totalMemoryBytes: number): number => Math.floor((totalMemoryBytes / 2 ** 20) * 0.75);

export function heapLimitMb(feedsBytes: number, totalMemoryBytes: number): number {
  const wanted = HEAP_BASE_MB + Math.ceil((HEAP_MB_PER_FEEDS_MIB * feedsBytes) / 2 ** 20);
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
 * too little, or when it has more than half as much again as it wants, once the feeds reach 1 MiB
 * (about 1,000 articles): smaller sites' builds are not worth a restart's 0.3 s.
 */
export const shouldRestart = (currentMb: number, wantedMb: number): boolean =>
  currentMb < 0.9 * wantedMb || (wantedMb >= HEAP_BASE_MB + HEAP_MB_PER_FEEDS_MIB && currentMb > 1.5 * wantedMb);
