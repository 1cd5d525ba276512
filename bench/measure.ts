// Run one command as a child process and measure its wall time and peak memory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  seconds: number;
  /** Peak resident set size in KiB, or null when it could not be read. */
  peakRssKiB: number | null;
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 50;
const OUTPUT_LIMIT = 64 * 1024;

/** VmHWM of a process and its descendants, summed: a fallback when GNU time is missing. */
function treeHighWaterKiB(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children !== '') pending.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads; what it used is already in the earlier polls.
    }
  }
  return total;
}

function keepTail(buffer: string, chunk: Buffer): string {
  const joined = buffer + chunk.toString('utf8');
  return joined.length > OUTPUT_LIMIT ? joined.slice(-OUTPUT_LIMIT) : joined;
}

/**
 * GNU time reports the child's ru_maxrss, which Linux takes over every waited-for descendant:
 * the peak of the largest single process, which for our build is the Node process doing the work.
 * The child gets its own process group so a timeout can stop it and anything it started.
 */
export function measureCommand(command: string, args: readonly string[], options: MeasureOptions): Promise<Measured> {
  const useGnuTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledPeak = 0;
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout = keepTail(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keepTail(stderr, chunk)));
    const poller = useGnuTime ? null : setInterval(() => (polledPeak = Math.max(polledPeak, treeHighWaterKiB(child.pid!))), POLL_MS);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (exitCode) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      let peakRssKiB: number | null = polledPeak > 0 ? polledPeak : null;
      if (useGnuTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        peakRssKiB = match ? Number(match[1]) : null;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ seconds, peakRssKiB, exitCode, timedOut, stdout, stderr });
    });
  });
}
