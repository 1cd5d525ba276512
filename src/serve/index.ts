import EleventyDevServer from '@11ty/eleventy-dev-server';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { SITE_CONFIG_FILE } from '../config.ts';

export interface ServeOptions {
  projectRoot: string;
  feedsDir: string;
  outDir: string;
  base: string;
  /** --site-url as given to serve; each rebuild otherwise reads the URL from the config file. */
  siteUrl: string | undefined;
  port: number;
  /** How long a feed file must stay unchanged before it is read. */
  settleMs: number;
  cacheDir: string | null;
}

export interface RunningServer {
  /** Resolves after the first build has been published and the server listens. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * `digest serve`: Eleventy's own dev server serves `outDir` and reloads the browser, but each
 * rebuild runs `digest build` in a child process rather than Eleventy's in-process watch:
 * - Eleventy's --watch does not reload modules imported by the config (FINDINGS), so template
 *   and source edits would be missed; a fresh process sees every change;
 * - the child publishes atomically (build beside --out, then rename), so the server never serves a
 *   half-written tree, which Eleventy's watch, writing into the served folder, cannot promise;
 * - a crash on some unforeseen input kills one build, not the server.
 * chokidar (which Eleventy's watcher wraps too) reports the changes.
 */
export function startServer(options: ServeOptions): RunningServer {
  const bin = join(options.projectRoot, 'bin', 'digest.js');
  let building: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const buildOnce = () =>
    new Promise<void>((resolve) => {
      const args = [bin, 'build', '--feeds', options.feedsDir, '--out', options.outDir, '--base', options.base];
      const tuning = ['--settle', String(options.settleMs), '--cache', options.cacheDir ?? ''];
      if (options.siteUrl !== undefined) tuning.push('--site-url', options.siteUrl);
      const child = spawn(process.execPath, [...args, ...tuning], { stdio: 'inherit' });
      child.on('exit', (code) => {
        if (code !== 0) console.error(`digest: rebuild failed (exit ${code}); still serving the previous site`);
        resolve();
      });
    });

  const server = EleventyDevServer.getServer('digest', options.outDir, {
    pathPrefix: options.base,
    portReassignmentRetryCount: 0,
    domDiff: false,
    showVersion: false,
  });

  // One build at a time; changes that arrive during a build queue exactly one more.
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return building;
    }
    building = (async () => {
      do {
        again = false;
        await buildOnce();
      } while (again && !closed);
      building = null;
      if (!closed) server.reload({ files: [], subtype: undefined, build: {} });
    })();
    return building;
  };

  const watched = ['templates', 'public', 'src', SITE_CONFIG_FILE].map((path) => join(options.projectRoot, path));
  const watcher = watch([options.feedsDir, ...watched], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: Math.min(options.settleMs, 500), pollInterval: 50 },
  });
  watcher.on('all', (event, path) => {
    console.log(`digest: ${event} ${path}`);
    void rebuild();
  });

  const ready = rebuild().then(() => {
    server.serve(options.port);
    return server.ready();
  });

  return {
    ready,
    async close() {
      closed = true;
      await watcher.close();
      await building;
      await server.close();
    },
  };
}
