#!/usr/bin/env node
// The package's bin is plain JS so `npx digest` needs no global tsx: it registers tsx's loader
// in-process, which also lets Eleventy import `.eleventy.ts` and the `.11ty.ts` templates.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

// A heap limit can only be set when a process starts, so the CLI restarts itself once with the heap
// its feeds need (src/heap-limit.ts says how much and why), passing signals on so Ctrl+C and
// SIGTERM still stop it. DIGEST_HEAP_MB sets the heap by hand. The restarted process has
// DIGEST_NO_RESPAWN set and skips this.
function restartPlan() {
  // The two modules that decide are loaded through tsx's CJS hook, which runs in this thread:
  // its ESM hooks start a thread of their own, 0.1 s more in a process that only starts another.
  const require = createRequire(import.meta.url);
  const unregister = require('tsx/cjs/api').register();
  const { machineHeapMb, shouldRestart, wantedHeapMb } = require('../src/heap-limit.ts');
  const { commandOf } = require('../src/cli-args.ts');
  unregister();
  const argv = process.argv.slice(2);
  const currentMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  const byHandMb = Number(process.env.DIGEST_HEAP_MB) || null;
  const wantedMb = byHandMb ?? wantedHeapMb(argv, totalmem());
  const restart = byHandMb === null ? shouldRestart(currentMb, wantedMb) : Math.abs(currentMb - byHandMb) > 0.1 * byHandMb;
  return restart ? { wantedMb, machineMb: machineHeapMb(totalmem()), rendersSite: ['build', 'serve'].includes(commandOf(argv)) } : null;
}

const plan = process.env.DIGEST_NO_RESPAWN ? null : restartPlan();
if (plan) {
  const { wantedMb, machineMb, rendersSite } = plan;
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const script = fileURLToPath(import.meta.url);
  const run = (heapMb) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, ...process.execArgv, script, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, DIGEST_NO_RESPAWN: '1', DIGEST_PRELOAD: rendersSite ? '1' : '' },
    });
    const forward = (signal) => child.kill(signal);
    for (const signal of SIGNALS) process.on(signal, forward);
    child.on('exit', (code, signal) => {
      for (const signal of SIGNALS) process.off(signal, forward);
      // V8 aborts when the heap is full. The estimate can be short for feeds unlike any measured,
      // so the build runs once more with the machine's share rather than failing; the release it
      // was writing is never swapped in, and the next build removes it.
      if ((signal === 'SIGABRT' || code === 134) && heapMb < machineMb) {
        console.error(`digest: the build ran out of its ${heapMb} MB heap; building again with ${machineMb} MB`);
        run(machineMb);
        return;
      }
      process.exitCode = code ?? (signal ? 1 : 0);
    });
  };
  run(wantedMb);
} else {
  // Imported before tsx is registered (src/preload.mjs says why): 0.3 s of a 5.6 s rebuild at
  // 10,000 articles. Only a restarted process that will render the site (the parent says so in
  // DIGEST_PRELOAD) needs them all.
  if (process.env.DIGEST_PRELOAD) {
    const { BUILD_LIBRARIES, preload } = await import('../src/preload.mjs');
    await preload(BUILD_LIBRARIES);
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
