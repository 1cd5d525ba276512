import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { publishAtomically } from '../../src/site/publish.ts';
import { scratchFolder } from '../support/scratch.ts';

const PAGES = 40;

async function writeSlowly(dir: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let page = 0; page < PAGES; page++) {
    await writeFile(join(dir, `page-${page}.html`), version);
    await sleep(2);
  }
}

/** What a web server would serve right now: the versions found across the whole tree. */
async function observe(outDir: string): Promise<string> {
  const names = await readdir(outDir);
  const versions = new Set(await Promise.all(names.map((name) => readFile(join(outDir, name), 'utf8'))));
  return `${names.length}:${[...versions].sort().join('+')}`;
}

test('a reader of --out during a build sees the whole old site or the whole new one, never a mix or nothing', async () => {
  const outDir = join(scratchFolder('digest-publish-'), 'site');
  await publishAtomically(outDir, (release) => writeSlowly(release, 'v1'));
  const seen = new Set<string>();
  let building = true;
  const reader = (async () => {
    while (building) {
      seen.add(await observe(outDir).catch((error: Error) => `error: ${error.message}`));
      await sleep(0);
    }
  })();
  for (const version of ['v2', 'v3']) await publishAtomically(outDir, (release) => writeSlowly(release, version));
  building = false;
  await reader;
  assert.equal(await observe(outDir), `${PAGES}:v3`);
  for (const observation of seen) assert.match(observation, new RegExp(`^${PAGES}:v[123]$`));
  assert.ok(seen.has(`${PAGES}:v1`) && seen.has(`${PAGES}:v2`), [...seen].join(', '));
});

test('an interrupted build leaves the old site in place', async () => {
  const outDir = join(scratchFolder('digest-publish-'), 'site');
  await publishAtomically(outDir, (release) => writeSlowly(release, 'v1'));
  await assert.rejects(
    publishAtomically(outDir, async (release) => {
      await writeSlowly(release, 'v2');
      throw new Error('killed half way');
    }),
    /killed half way/,
  );
  assert.equal(await observe(outDir), `${PAGES}:v1`);
});

test('a real folder already at --out is replaced by the first publish', async () => {
  const outDir = join(scratchFolder('digest-publish-'), 'site');
  await writeSlowly(outDir, 'by hand');
  await publishAtomically(outDir, (release) => writeSlowly(release, 'v1'));
  assert.equal(await observe(outDir), `${PAGES}:v1`);
});
