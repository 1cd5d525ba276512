import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file runs in its own process (node --test), so one folder per process, removed on
// exit, keeps `npm test` from leaving its sites and caches behind: about 200 MB a run otherwise.
// It is made on first use: worker threads import this module too, and are terminated without an exit event.
let root: string | null = null;

function processFolder(): string {
  if (root !== null) return root;
  const made = mkdtempSync(join(tmpdir(), 'digest-test-'));
  process.on('exit', () => {
    try {
      rmSync(made, { recursive: true, force: true });
    } catch {
      // A folder still mounted (a failed umount) or locked must not turn a passing run into a failing one.
    }
  });
  return (root = made);
}

/** A fresh empty folder for one test, named after what it holds. */
export const scratchFolder = (prefix: string): string => mkdtempSync(join(processFolder(), prefix));
