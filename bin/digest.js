#!/usr/bin/env node
// The package's bin is plain JS so `npx digest` needs no global tsx: it registers tsx's loader
// in-process, which also lets Eleventy import `.eleventy.ts` and the `.11ty.ts` templates.
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { register } from 'tsx/esm/api';

// Node's default heap (about 4 GB) is not enough at 100,000 articles: the site model, the search
// index's postings and the articles.json of the whole digest are held at once, and a 100,000-article
// build failed near that limit (4.9 GB resident). A heap limit can only be set when a process starts, so the CLI restarts itself once
// with three quarters of the machine's memory, passing signals on so Ctrl+C and SIGTERM still stop it.
const WANTED_HEAP_MB = Math.floor((totalmem() / 2 ** 20) * 0.75);
const heapMb = getHeapStatistics().heap_size_limit / 2 ** 20;

if (heapMb < WANTED_HEAP_MB * 0.9 && !process.env.DIGEST_NO_RESPAWN) {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [`--max-old-space-size=${WANTED_HEAP_MB}`, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DIGEST_NO_RESPAWN: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  register();
  const { main } = await import('../src/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
