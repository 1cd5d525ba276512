// Builds a feeds folder once per test process through the real CLI, without a derivation cache:
// hostile text never lands in the project's .cache, and test files running at once share none.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicJson } from '../../src/site/public-json.ts';
import { runDigest } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

export interface HostileSite {
  feeds: string;
  outDir: string;
  stdout: string;
  json: PublicJson;
}

const builds = new Map<string, Promise<HostileSite>>();

export function hostileSite(feeds: string): Promise<HostileSite> {
  let build = builds.get(feeds);
  if (build === undefined) {
    build = (async () => {
      const outDir = join(scratchFolder('digest-hostile-site-'), 'site');
      const { stdout } = await runDigest(['build', '--feeds', feeds, '--out', outDir, '--cache', '']);
      const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
      return { feeds, outDir, stdout, json };
    })();
    builds.set(feeds, build);
  }
  return build;
}
